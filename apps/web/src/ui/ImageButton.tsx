// Adds a photo from the device (camera roll on phones).
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../board/context';
import { IMAGE_TYPES, insertImageFile } from '../board/images';
import { Icon } from './icons';

export function ImageButton() {
  const session = useSession();
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="tool"
        title={t('tools.image')}
        aria-label={t('tools.image')}
        onClick={() => input.current?.click()}
      >
        <Icon name="image" />
      </button>
      <input
        ref={input}
        type="file"
        accept={IMAGE_TYPES.join(',')}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void insertImageFile(session, file, null);
          e.target.value = '';
        }}
      />
    </>
  );
}
