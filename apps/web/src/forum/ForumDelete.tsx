// « Supprimer le forum du serveur »: the alliance owns its data, so once the forum's traces are
// kept (its archive), the facilitators can erase it from the server — boards, versions, photos,
// votes, links (server: DELETE /api/forums/:id). It cannot be undone: the dialog asks to tick
// that the archive was downloaded (or is not wanted), and offers to download it first.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetForum } from '../app/savedForums';
import { ConfirmDialog } from './ConfirmDialog';
import { deleteForum, downloadForumArchive } from './api';
import { forumErrorText } from './errorText';
import './forum-delete.css';

type Status = 'idle' | 'asking' | 'busy' | 'archiving';

export function ForumDelete({
  forumId,
  token,
  title,
  removedBoards,
  onDeleted,
}: {
  forumId: string;
  token: string;
  title: string;
  /**
   * Boards taken out of the forum (R56): the archive leaves them out, so they would be lost
   * with the forum unless brought back first — the dialog says so.
   */
  removedBoards: number;
  /** The forum is gone from the server: the page says so instead of its sections. */
  onDeleted: (title: string) => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('idle');
  const [archived, setArchived] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tickId = useId();

  const erase = () => {
    setError(null);
    setStatus('busy');
    deleteForum(forumId, token).then(
      ({ deleted }) => {
        // The link kept on this device opens nothing any more.
        forgetForum(forumId);
        onDeleted(deleted.title);
      },
      (e: unknown) => {
        setStatus('asking');
        setError(forumErrorText(e, t));
      },
    );
  };
  const archiveFirst = () => {
    setError(null);
    setStatus('archiving');
    downloadForumArchive(forumId, token).then(
      () => {
        setArchived(true);
        setStatus('asking');
      },
      (e: unknown) => {
        setStatus('asking');
        setError(forumErrorText(e, t));
      },
    );
  };
  const close = () => {
    setStatus('idle');
    setArchived(false);
    setError(null);
  };

  return (
    <section
      className="forum-section forum-delete"
      id="forum-delete"
      aria-labelledby="forum-delete-title"
    >
      <h2 id="forum-delete-title">{t('forum.delete.title')}</h2>
      <p className="hint">{t('forum.delete.hint')}</p>
      <button type="button" className="forum-delete-open" onClick={() => setStatus('asking')}>
        {t('forum.delete.open')}
      </button>
      {status !== 'idle' && (
        <ConfirmDialog
          message={t('forum.delete.confirm', { title })}
          confirmLabel={
            status === 'busy' ? t('forum.delete.busy') : t('forum.delete.confirmButton')
          }
          confirmDisabled={!archived || status !== 'asking'}
          onConfirm={erase}
          onCancel={close}
          other={{
            label:
              status === 'archiving' ? t('forum.archive.busy') : t('forum.delete.downloadFirst'),
            onClick: () => {
              if (status === 'asking') archiveFirst();
            },
          }}
          className="forum-delete-dialog"
        >
          <p className="forum-delete-tick">
            <input
              id={tickId}
              type="checkbox"
              checked={archived}
              disabled={status !== 'asking'}
              onChange={(event) => setArchived(event.currentTarget.checked)}
            />
            <label htmlFor={tickId}>{t('forum.delete.archived')}</label>
          </p>
          {removedBoards > 0 && (
            <p className="forum-delete-removed">
              {t('forum.delete.removedLost', { count: removedBoards })}
            </p>
          )}
          {error && <p role="alert">{error}</p>}
        </ConfirmDialog>
      )}
    </section>
  );
}
