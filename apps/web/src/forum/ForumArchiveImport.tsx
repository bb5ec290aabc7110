// « Importer un forum (.zip) » on the home page: the archive downloaded after a forum (or from
// another Carton server) becomes a new forum without a terminal (`pnpm carton import` does the
// same). The new facilitator link is kept on this device, then its page opens — unless the
// archive did not bring the whole forum day back (its export left out what an import does not
// take, fit-facilitation.ts): then the page says what, per kind, with a link to open the forum.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keepNewForum, openNewForum } from '../app/savedForums';
import { importForumArchive, type ArchiveLeftOut } from './api';
import { archiveImportErrorText } from './archiveImportError';
import { focusWhenLost } from '../ui/focusWhenLost';
import '../export/file-choose.css';

/** `onKept`: the new forum was kept on this device without opening it (« Vos forums » shows it). */
export function ForumArchiveImport({ onKept }: { onKept?: () => void } = {}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // An import that left part of the day out: said before the forum opens, or the votes and
  // merges missing from it looked lost on the forum page with nothing to say why.
  const [partial, setPartial] = useState<{ url: string; left: LeftOutLine[] } | null>(null);
  const choose = (file: File) => {
    setBusy(true);
    setError(null);
    setPartial(null);
    importForumArchive(file).then(
      (created) => {
        const left = leftOutLines(created.leftOut);
        if (left.length === 0) return openNewForum(created);
        keepNewForum(created);
        // « Vos forums » above says it too: read once on arrival, it did not list the forum the
        // notice called imported until the page was reloaded.
        onKept?.();
        setBusy(false);
        setPartial({ url: created.facilitator.url, left });
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
      {/* On the page before it has words: a live region added with them is not always read. */}
      <div className="import-left-out" role="status">
        {partial && (
          <>
            <p>{t('home.importArchive.leftOut')}</p>
            <ul>
              {partial.left.map(([kind, count]) => (
                <li key={kind}>{t(LEFT_OUT_KEYS[kind], { count })}</li>
              ))}
            </ul>
            {/* The focus, lost by the file field while it was disabled, goes on to the way on. */}
            <a href={partial.url} ref={focusWhenLost}>
              {t('home.importArchive.open')}
            </a>
          </>
        )}
      </div>
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

/** The kinds of `leftOut`, in the manifest's order, each with its sentence. */
const LEFT_OUT_KEYS: Record<keyof ArchiveLeftOut, string> = {
  votes: 'home.importArchive.leftOutKinds.votes',
  notes: 'home.importArchive.leftOutKinds.notes',
  dots: 'home.importArchive.leftOutKinds.dots',
  merges: 'home.importArchive.leftOutKinds.merges',
  setAside: 'home.importArchive.leftOutKinds.setAside',
  wordings: 'home.importArchive.leftOutKinds.wordings',
  distinct: 'home.importArchive.leftOutKinds.distinct',
};
type LeftOutLine = [keyof ArchiveLeftOut, number];

function leftOutLines(leftOut: ArchiveLeftOut | undefined): LeftOutLine[] {
  return (Object.keys(LEFT_OUT_KEYS) as (keyof ArchiveLeftOut)[]).flatMap((kind) => {
    const count = leftOut?.[kind] ?? 0;
    return count > 0 ? [[kind, count] as LeftOutLine] : [];
  });
}
