// The day before the forum, the board list is corrected from the facilitator page: a territory
// forgotten at creation is added ready to use (R54 with the seed's template), a typo in a name is
// fixed (R55: links unchanged, so handouts already printed still work), a board made by mistake
// is removed (R56, after a confirmation) and brought back if that was a mistake (R58).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { territoryCartonTitle } from '@carton/board';
import {
  createBoard,
  removeBoard,
  renameBoard,
  restoreBoard,
  type FacilitatorBoard,
  type ForumBoard,
  type Link,
  type RemovedBoard,
} from './api';
import { CopyBoardButton } from './BoardCopy';
import { boardKindLabel } from './boardKind';
import { boardNews, newsStillTrue, type BoardNews } from './boardNews';
import { ConfirmDialog } from './ConfirmDialog';
import { forumErrorText } from './errorText';
import { formatLocale } from '../i18n';

export function AddTerritory({
  forumId,
  token,
  boards,
  onCreated,
}: {
  forumId: string;
  token: string;
  /** The forum's boards as listed: « … ajouté » goes once they change otherwise. */
  boards: readonly ForumBoard[];
  onCreated: (board: FacilitatorBoard & { edit: Link; view: Link }) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<BoardNews | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The list when the server answers, not when « Ajouter » was pressed.
  const listed = useRef(boards);
  listed.current = boards;
  const fresh = done !== null && newsStillTrue(done, boards);
  // Gone for good: the same list again later (a board removed, then brought back) is no news.
  useEffect(() => {
    if (done !== null && !fresh) setDone(null);
  }, [done, fresh]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const territory = name.trim();
    if (!territory) return;
    setBusy(true);
    setError(null);
    setDone(null);
    createBoard(forumId, token, {
      title: territoryCartonTitle(territory),
      territory,
      template: true,
    }).then(
      ({ board }) => {
        setBusy(false);
        setName('');
        setDone(boardNews(board.id, board.title, listed.current));
        onCreated(board);
      },
      (e: unknown) => {
        setBusy(false);
        setError(forumErrorText(e, t));
      },
    );
  };

  return (
    <form className="add-territory" onSubmit={submit}>
      <h3>{t('forum.manage.addTitle')}</h3>
      <p className="hint">{t('forum.manage.addHint')}</p>
      <label>
        {t('forum.manage.addLabel')}
        <input
          name="territory"
          value={name}
          maxLength={80}
          placeholder={t('forum.manage.addPlaceholder')}
          onChange={(e) => setName(e.target.value)}
        />
      </label>{' '}
      <button type="submit" disabled={busy || name.trim() === ''}>
        {busy ? t('forum.manage.adding') : t('forum.manage.add')}
      </button>
      {done && fresh && <p role="status">{t('forum.manage.added', { title: done.title })}</p>}
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

/** « Renommer », « Copier vers… » and « Retirer » under a board's name in the links table. */
export function BoardManage({
  forumId,
  token,
  board,
  boards,
  onRenamed,
  onRemoved,
}: {
  forumId: string;
  token: string;
  board: FacilitatorBoard;
  /** Every board of the forum: where « Copier vers… » may copy this one (R68). */
  boards: readonly ForumBoard[];
  onRenamed: (board: ForumBoard) => void;
  onRemoved: (boardId: string) => void;
}) {
  const { t } = useTranslation();
  const current = board.territory ?? board.title;
  const [draft, setDraft] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const fail = (e: unknown) => setError(forumErrorText(e, t));
  const save = (event: FormEvent) => {
    event.preventDefault();
    const name = draft?.trim() ?? '';
    if (!name || name === current) return setDraft(null);
    setError(null);
    renameBoard(
      forumId,
      token,
      board.id,
      board.kind === 'territory' ? { territory: name } : { title: name },
    ).then(({ board: renamed }) => {
      setDraft(null);
      onRenamed(renamed);
    }, fail);
  };
  const remove = () => {
    setConfirming(false);
    setError(null);
    removeBoard(forumId, token, board.id).then(() => onRemoved(board.id), fail);
  };

  return (
    <div className="board-manage">
      {draft === null ? (
        <>
          <button type="button" className="link-button" onClick={() => setDraft(current)}>
            {t('forum.manage.rename')}
          </button>
          <CopyBoardButton forumId={forumId} token={token} board={board} boards={boards} />
          {board.kind !== 'plenary' && (
            <button type="button" className="link-button" onClick={() => setConfirming(true)}>
              {t('forum.manage.remove')}
            </button>
          )}
        </>
      ) : (
        <form onSubmit={save}>
          <input
            value={draft}
            maxLength={board.kind === 'territory' ? 80 : 200}
            aria-label={t('forum.manage.renameLabel', { title: current })}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" disabled={draft.trim() === ''}>
            {t('forum.manage.save')}
          </button>
          <button type="button" onClick={() => setDraft(null)}>
            {t('forum.cancel')}
          </button>
        </form>
      )}
      {error && <p role="alert">{error}</p>}
      {confirming && (
        <ConfirmDialog
          message={t('forum.manage.confirmRemove', { title: board.title })}
          confirmLabel={t('forum.manage.removeConfirm')}
          onConfirm={remove}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}

/**
 * R58: « Tableaux retirés », shown only when there is one: a misclick on « Retirer » on the day
 * is undone with « Remettre », the board back with its content and its same (printed) links.
 */
export function RemovedBoards({
  forumId,
  token,
  boards,
  onRestored,
}: {
  forumId: string;
  token: string;
  boards: readonly RemovedBoard[];
  onRestored: (board: ForumBoard) => void;
}) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (boards.length === 0 && !done) return null;

  const restore = (board: RemovedBoard) => {
    setBusy(board.id);
    setError(null);
    setDone(null);
    restoreBoard(forumId, token, board.id).then(
      ({ restored }) => {
        setBusy(null);
        setDone(restored.title);
        onRestored(restored);
      },
      (e: unknown) => {
        setBusy(null);
        setError(forumErrorText(e, t));
      },
    );
  };
  const time = (at: number) =>
    new Date(at).toLocaleTimeString(formatLocale(i18n.language), {
      hour: '2-digit',
      minute: '2-digit',
    });

  return (
    <section className="forum-section removed-boards">
      {boards.length > 0 && (
        <>
          <h3>{t('forum.manage.removedTitle')}</h3>
          <p className="hint">{t('forum.manage.removedHint')}</p>
          <ul>
            {boards.map((board) => (
              <li key={board.id} data-board-id={board.id}>
                <span className="board-kind">{t(`home.kind.${boardKindLabel(board)}`)}</span>{' '}
                <span className="board-name">{board.territory ?? board.title}</span>{' '}
                <span className="hint">
                  {t('forum.manage.removedAt', { time: time(board.removedAt) })}
                </span>{' '}
                <button type="button" disabled={busy !== null} onClick={() => restore(board)}>
                  {t('forum.manage.restore')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {done && <p role="status">{t('forum.manage.restored', { title: done })}</p>}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
