// Asked once per device: the display name others see next to my cursor. It is the first screen
// a participant sees after scanning a QR code, so the language can be switched right here.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusTrap } from '../dialog/useFocusTrap';
import { LanguageToggle } from './LanguageToggle';
import './NamePrompt.css';

export function NamePrompt({ onName }: { onName: (name: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const box = useRef<HTMLDivElement>(null);
  // Nothing behind it to go back to (the board waits for a name): Tab stays in the prompt, and
  // Escape has nothing to close.
  useFocusTrap(box);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onName(name.trim().slice(0, 60));
  };
  return (
    <div className="dialog-backdrop">
      {/* The dialog is its own element around the form: a form may not take the dialog role. */}
      <div
        ref={box}
        className="dialog name-prompt"
        role="dialog"
        aria-modal="true"
        aria-labelledby="name-title"
      >
        <form onSubmit={submit}>
          <div style={{ justifySelf: 'end', marginBottom: '-0.5rem' }}>
            <LanguageToggle />
          </div>
          <h1 id="name-title">{t('name.title')}</h1>
          <label>
            {t('name.label')}
            <input
              name="displayName"
              autoFocus
              value={name}
              maxLength={60}
              placeholder={t('name.placeholder')}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <p className="hint">{t('name.hint')}</p>
          <button type="submit" disabled={!name.trim()}>
            {t('name.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
