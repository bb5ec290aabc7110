// The toolbar's last button, a switch (not a pressed tool: it is a setting, styled apart), turns single-key shortcuts (tool letters…) on and off for this
// device (WCAG 2.1.4), beside the undo and redo a keyboard user already looks at. A touch
// screen has no keyboard shortcuts to turn off, and its toolbar no room: not shown there.
import { useTranslation } from 'react-i18next';
import { Icon } from './icons';
import { useCoarsePointer } from './shortcuts';
import { setSingleKeys, useSingleKeys } from './singleKeys';

export function SingleKeysToggle() {
  const { t } = useTranslation();
  const on = useSingleKeys();
  const coarse = useCoarsePointer();
  if (coarse) return null;
  return (
    <button
      type="button"
      className="tool"
      data-testid="single-keys"
      role="switch"
      aria-checked={on}
      aria-label={t('settings.singleKeys')}
      title={t(on ? 'settings.singleKeysOn' : 'settings.singleKeysOff')}
      onClick={() => setSingleKeys(!on)}
    >
      <Icon name="keys" />
    </button>
  );
}
