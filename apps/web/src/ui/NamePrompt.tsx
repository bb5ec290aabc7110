// The display name others see next to my cursor and in the people list. Asked once per device at
// the first visit: it is the first screen a participant sees after scanning a QR code, so the
// language can be switched right here. The same dialog changes it later (« Changer de nom » in
// the people list): a viewer who opened as « Personne invitée », a mistyped name.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCloseOnEscape } from '../dialog/useCloseOnEscape';
import { useFocusTrap } from '../dialog/useFocusTrap';
import { LanguageToggle } from './LanguageToggle';
import './NamePrompt.css';

export interface NamePromptProps {
  onName: (name: string) => void;
  /** Changing a name already given: the field starts with it, and the dialog can be closed. */
  change?: { current: string; onCancel: () => void };
  /** The board being joined, named at the first visit: a QR code said nothing of where it led. */
  board?: string;
}

export function NamePrompt({ onName, change, board }: NamePromptProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(change?.current ?? '');
  const box = useRef<HTMLDivElement>(null);
  // At the first visit nothing is behind it to go back to (the board waits for a name): Tab
  // stays in the prompt, and Escape has nothing to close. Changing, Escape cancels.
  useFocusTrap(box);
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
        {change ? <NameChangeKeys onCancel={change.onCancel} /> : null}
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            if (name.trim()) onName(name.trim().slice(0, 60));
          }}
        >
          <div className="name-prompt-language">
            <LanguageToggle />
          </div>
          {board && !change && (
            <p className="name-prompt-board" data-testid="name-prompt-board">
              {t('name.joining', { title: board })}
            </p>
          )}
          <h1 id="name-title">{t(change ? 'name.changeTitle' : 'name.title')}</h1>
          <label>
            {t('name.label')}
            <input
              name="displayName"
              autoFocus
              value={name}
              maxLength={60}
              placeholder={t('name.placeholder')}
              onChange={(e) => setName(e.target.value)}
              onFocus={(e) => change && e.currentTarget.select()}
            />
          </label>
          <p className="hint">{t('name.hint')}</p>
          <div className="name-prompt-actions">
            {change && (
              <button type="button" className="secondary" onClick={change.onCancel}>
                {t('name.cancel')}
              </button>
            )}
            <button type="submit" disabled={!name.trim()}>
              {t(change ? 'name.save' : 'name.submit')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

/** Escape closes the dialog while changing a name (a hook needs a component that may not be). */
function NameChangeKeys({ onCancel }: { onCancel: () => void }) {
  useCloseOnEscape(onCancel);
  return null;
}
