// « Importer un forum (.zip) » on the home page: the archive downloaded after a forum (or from
// another Carton server) becomes a new forum without a terminal (`pnpm carton import` does the
// same). The new facilitator link is kept on this device, then its page opens.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openNewForum } from '../app/savedForums';
import { importForumArchive } from './api';
import { archiveImportErrorText } from './archiveImportError';
import '../export/file-choose.css';

export function ForumArchiveImport() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = (file: File) => {
    setBusy(true);
    setError(null);
    importForumArchive(file).then(
      (created) => {
        openNewForum(created);
      },
      (e: unknown) => {
        setBusy(false);
        setError(archiveImportErrorText(e, t));
      },
    );
  };

  return (
    <section className="home-import" aria-labelledby="home-import-title">
      <h2 id="home-import-title">{t('home.importArchive.title')}</h2>
      <p className="hint">{t('home.importArchive.hint')}</p>
      <label className="export-file" data-disabled={busy}>
        <span>{busy ? t('home.importArchive.busy') : t('home.importArchive.choose')}</span>
        <input
          type="file"
          className="visually-hidden"
          accept=".zip,application/zip"
          disabled={busy}
          aria-label={t('home.importArchive.choose')}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) choose(file);
          }}
        />
      </label>
      {/* The file field is disabled while the archive is sent, which took the focus from it to
          the page's body: after a refusal the keyboard started again from the page's top. It
          goes to the refusal instead, read out; Shift+Tab goes back to the field. */}
      {error && (
        <p ref={focusWhenLost} role="alert" tabIndex={-1}>
          {error}
        </p>
      )}
    </section>
  );
}

/** Takes the focus only from the page's body (stable: called once, as the element arrives). */
function focusWhenLost(element: HTMLElement | null): void {
  if (element && (!document.activeElement || document.activeElement === document.body)) {
    element.focus();
  }
}
