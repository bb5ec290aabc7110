// « Copier vers… » (R68): the facilitator prepares this year's carton once (headings, a question,
// example notes) and gives it to every territory board at once, instead of exporting it and
// importing it board by board. Each board keeps what it holds: the copy goes to its right.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../board/api';
import { useCloseOnEscape } from '../dialog/useCloseOnEscape';
import { useFocusTrap } from '../dialog/useFocusTrap';
import { boardKindLabel, isTerritoryBoard } from './boardKind';
import { copyBoard, fetchBoardFile, type BoardCopyResult, type ForumBoard } from './api';
import { writtenNoteCount, type CopyNoteText } from './copyNotes';
import { copyRefusalText, forumErrorText, type Translate } from './errorText';
import { kindAfterName } from './copyTarget';

/** The name a facilitator knows a board by: its territory where it has one. */
const nameOf = (board: ForumBoard) => board.territory ?? board.title;

/** The button in a board's row; the dialog opens over the page and gives the focus back. */
export function CopyBoardButton({
  forumId,
  token,
  board,
  boards,
}: {
  forumId: string;
  token: string;
  board: ForumBoard;
  boards: readonly ForumBoard[];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    opener.current?.focus();
  }, []);
  if (boards.length < 2) return null;
  return (
    <>
      <button
        ref={opener}
        type="button"
        className="link-button"
        aria-haspopup="dialog"
        // The visible words stay the name (WCAG 2.5.3); the row's board is the tooltip.
        title={t('forum.copyBoard.buttonLabel', { title: nameOf(board) })}
        onClick={() => setOpen(true)}
      >
        {t('forum.copyBoard.button')}
      </button>
      {open && (
        <CopyBoardDialog
          forumId={forumId}
          token={token}
          source={board}
          boards={boards}
          onClose={close}
        />
      )}
    </>
  );
}

export function CopyBoardDialog({
  forumId,
  token,
  source,
  boards,
  onClose,
}: {
  forumId: string;
  token: string;
  source: ForumBoard;
  boards: readonly ForumBoard[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDivElement>(null);
  const doneButton = useRef<HTMLButtonElement>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BoardCopyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The source's written notes: undefined while read, null when it could not be read.
  const [written, setWritten] = useState<number | null | undefined>(undefined);
  // Participants' words stay on their board unless the facilitator chooses otherwise.
  const [noteText, setNoteText] = useState<CopyNoteText>('empty');
  useEffect(() => {
    let live = true;
    fetchBoardFile(source.id, token).then(
      (file) => live && setWritten(writtenNoteCount(file)),
      () => live && setWritten(null),
    );
    return () => {
      live = false;
    };
  }, [source.id, token]);
  useCloseOnEscape(onClose);
  useFocusTrap(dialog);

  const others = boards.filter((b) => b.id !== source.id);
  const territories = others.filter(isTerritoryBoard);
  const allTerritories = territories.length > 0 && territories.every((b) => chosen.has(b.id));
  const byId = new Map(boards.map((b) => [b.id, b]));

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const toggleTerritories = (on: boolean) => {
    const next = new Set(chosen);
    for (const b of territories) {
      if (on) next.add(b.id);
      else next.delete(b.id);
    }
    setChosen(next);
  };

  const submit = () => {
    // In the page's order, whatever order they were ticked in.
    const to = others.filter((b) => chosen.has(b.id)).map((b) => b.id);
    if (to.length === 0 || busy) return;
    setBusy(true);
    setError(null);
    // Without written notes there is nothing to protect: the copy is the board as it is.
    copyBoard(forumId, token, source.id, to, written === 0 ? 'keep' : noteText).then(
      (answer) => {
        setBusy(false);
        setResult(answer);
        // The summary replaces the form: focus goes to its « Fermer », after the summary.
        requestAnimationFrame(() => doneButton.current?.focus());
      },
      (e: unknown) => {
        setBusy(false);
        setError(copyErrorText(e, (key, values) => t(key, values)));
      },
    );
  };

  const headingId = `copy-board-title-${source.id}`;
  const explainId = `copy-board-explain-${source.id}`;
  const notesId = `copy-board-notes-${source.id}`;
  return (
    <div className="forum-dialog-backdrop">
      <div
        ref={dialog}
        className="forum-dialog copy-board-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        aria-describedby={written ? `${explainId} ${notesId}` : explainId}
      >
        <h3 id={headingId}>{t('forum.copyBoard.title', { title: nameOf(source) })}</h3>
        <p id={explainId}>{t('forum.copyBoard.explain')}</p>
        {result === null ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            {territories.length > 1 && (
              <label className="copy-board-all">
                <input
                  type="checkbox"
                  checked={allTerritories}
                  disabled={busy}
                  autoFocus
                  onChange={(e) => toggleTerritories(e.target.checked)}
                />
                {t('forum.copyBoard.allTerritories')}
              </label>
            )}
            <fieldset className="board-choice copy-board-targets" disabled={busy}>
              <legend>{t('forum.copyBoard.legend')}</legend>
              {others.map((b, i) => (
                <label key={b.id}>
                  <input
                    type="checkbox"
                    value={b.id}
                    checked={chosen.has(b.id)}
                    autoFocus={territories.length <= 1 && i === 0}
                    onChange={(e) => toggle(b.id, e.target.checked)}
                  />
                  {nameOf(b)}
                  {!isTerritoryBoard(b) &&
                    kindAfterName(nameOf(b), t(`home.kind.${boardKindLabel(b)}`)) !== null && (
                      <span className="board-kind"> ({t(`home.kind.${boardKindLabel(b)}`)})</span>
                    )}
                </label>
              ))}
            </fieldset>
            {written !== 0 && written !== undefined && (
              <fieldset className="copy-board-notes" disabled={busy}>
                <legend>{t('forum.copyBoard.notes.legend')}</legend>
                <p id={notesId} className="copy-board-notes-warning">
                  {written === null
                    ? t('forum.copyBoard.notes.unknown')
                    : t('forum.copyBoard.notes.warning', { count: written })}
                </p>
                <label>
                  <input
                    type="radio"
                    name={`copy-board-note-text-${source.id}`}
                    value="empty"
                    checked={noteText === 'empty'}
                    onChange={() => setNoteText('empty')}
                  />
                  {t('forum.copyBoard.notes.empty')}
                </label>
                <label>
                  <input
                    type="radio"
                    name={`copy-board-note-text-${source.id}`}
                    value="keep"
                    checked={noteText === 'keep'}
                    onChange={() => setNoteText('keep')}
                  />
                  {t('forum.copyBoard.notes.keep')}
                </label>
              </fieldset>
            )}
            {error && <p role="alert">{error}</p>}
            <div className="forum-dialog-actions">
              <button type="button" onClick={onClose}>
                {t('forum.cancel')}
              </button>
              <button type="submit" className="primary" disabled={busy || chosen.size === 0}>
                {busy
                  ? t('forum.copyBoard.copying')
                  : chosen.size === 0
                    ? t('forum.copyBoard.confirmNone')
                    : t('forum.copyBoard.confirm', { count: chosen.size })}
              </button>
            </div>
          </form>
        ) : (
          <>
            <div role="status" className="copy-board-summary">
              <p>
                <strong>
                  {result.copied.length > 0
                    ? t('forum.copyBoard.done', { count: result.copied.length })
                    : t('forum.copyBoard.doneNone')}
                </strong>
              </p>
              {result.refused.length > 0 && (
                <ul className="copy-board-refused">
                  {result.refused.map((r) => (
                    <li key={r.boardId} data-board-id={r.boardId} data-code={r.code}>
                      {t('forum.copyBoard.refusedLine', {
                        name: byId.get(r.boardId) ? nameOf(byId.get(r.boardId)!) : r.boardId,
                        reason: copyRefusalText(r.code, (key, values) => t(key, values)),
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div className="forum-dialog-actions">
              <button ref={doneButton} type="button" onClick={onClose}>
                {t('forum.copyBoard.close')}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}

/** A refused request in plain words: the copy-specific cases, then the forum's usual ones. */
function copyErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === 'source_empty') return t('forum.copyBoard.sourceEmpty', {});
    if (error.code === 'source_unreadable') return t('forum.copyBoard.sourceUnreadable', {});
    // A board taken out or restored from another tab meanwhile: the list here is stale.
    if (error.status === 400) return t('forum.copyBoard.staleList', {});
  }
  return forumErrorText(error, t);
}
