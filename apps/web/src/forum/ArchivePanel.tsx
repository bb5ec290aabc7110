// « Garder les traces du forum »: the whole forum as one zip (the server's archive), from the
// facilitator page, with visible progress and a plain-language error.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadForumArchive } from './api';
import { forumErrorText } from './errorText';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; name: string };

export function ArchivePanel({ forumId, token }: { forumId: string; token: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const download = () => {
    setError(null);
    setStatus({ kind: 'busy' });
    downloadForumArchive(forumId, token).then(
      (name) => setStatus({ kind: 'done', name }),
      (e: unknown) => {
        setStatus({ kind: 'idle' });
        setError(forumErrorText(e, t));
      },
    );
  };
  return (
    <section
      className="forum-section archive"
      id="forum-archive"
      aria-labelledby="forum-archive-title"
    >
      <h2 id="forum-archive-title">{t('forum.archive.title')}</h2>
      <p className="hint">{t('forum.archive.hint')}</p>
      <button type="button" onClick={download} disabled={status.kind === 'busy'}>
        {t('forum.archive.download')}
      </button>{' '}
      <span className="archive-status" role="status">
        {status.kind === 'busy' && t('forum.archive.busy')}
        {status.kind === 'done' && t('forum.archive.done', { name: status.name })}
      </span>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
