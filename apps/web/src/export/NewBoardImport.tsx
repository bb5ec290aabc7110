// « Importer un tableau (JSON) » / « Dans un nouveau tableau »: a board file becomes a new
// board of the forum (facilitator only, POST /api/forums/:id/boards, R54). The file is read and
// validated here first — a bad one says what is wrong in the reader's language and nothing is
// sent — then the title (from the file's meta) can be changed before the board is created.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../board/api';
import { createBoard, fetchForumBoards, type FacilitatorBoard, type Link } from '../forum/api';
import { errorMessage, newBoardCreatedMessage, type Translate } from './messages';
import { MAX_TITLE, readNewBoardFile, type NewBoardDraft as Draft } from './newBoardFile';
import { focusLost, focusWhenLost } from '../ui/focusWhenLost';
import './file-choose.css';
import './new-board.css';

export type NewBoard = FacilitatorBoard & { edit: Link; view: Link };

/**
 * Whether the territory the file names already has a board in the forum: `checking` while the
 * forum's boards are read. A duplicate would double that territory's ideas in « Les
 * incontournables »: the facilitator imports it as another board (no territory) or cancels.
 */
type TerritoryState = 'none' | 'checking' | 'free' | 'taken';

type Status =
  | { kind: 'idle' }
  | { kind: 'draft'; draft: Draft; territory: TerritoryState }
  | { kind: 'busy'; draft: Draft; territory: TerritoryState }
  | { kind: 'done'; board: NewBoard }
  | { kind: 'error'; text: string };

export function NewBoardImport({
  forumId,
  token,
  label,
  onCreated,
  openUrl,
  onForumPage = false,
}: {
  forumId: string;
  /** The facilitator token. */
  token: string;
  label: string;
  onCreated?: (board: NewBoard) => void;
  /** Where « Ouvrir le nouveau tableau » leads; no link without it. */
  openUrl?: (board: NewBoard) => string;
  /** Shown on the forum page, whose list of boards (above) holds the new board's links. */
  onForumPage?: boolean;
}) {
  const { t } = useTranslation();
  // The catalogue's typed keys do not cover keys built from codes.
  const tr = t as unknown as Translate;
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const titleId = useId();
  const busy = status.kind === 'busy';
  // While the board is created the dialog's title field and buttons are disabled (and the file
  // field with them), which put the keyboard on the page's body: the next Tab started again from
  // the page's top (in a board's « Exporter / Importer », from the dialog's first control). The
  // answer takes it (the refusal, the board created: focusWhenLost), the title field when the
  // dialog asks again (territory taken meanwhile), the file field after « Annuler ».
  const fileField = useRef<HTMLInputElement>(null);
  const titleField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (status.kind === 'draft' && focusLost()) titleField.current?.focus();
  }, [status.kind]);

  const choose = async (file: File) => {
    let draft: Draft;
    try {
      draft = await readNewBoardFile(file);
    } catch (error) {
      setStatus({ kind: 'error', text: errorMessage(error, tr) });
      return;
    }
    const named = draft.territory;
    if (named === null) {
      setStatus({ kind: 'draft', draft, territory: 'none' });
      return;
    }
    setStatus({ kind: 'draft', draft, territory: 'checking' });
    let taken = false;
    try {
      const { boards } = await fetchForumBoards(forumId, token);
      // As the server compares territories (R54): case aside.
      const key = named.toLocaleLowerCase('fr-CA');
      taken = boards.some((b) => b.territory?.toLocaleLowerCase('fr-CA') === key);
    } catch {
      // Unread: the server still refuses a second board for the territory (territory_taken).
    }
    // The same file's dialog, whose title may have been edited meanwhile (a new draft object).
    setStatus((current) =>
      current.kind === 'draft' && current.draft.file === draft.file
        ? { kind: 'draft', draft: current.draft, territory: taken ? 'taken' : 'free' }
        : current,
    );
  };

  const create = async (draft: Draft, territory: TerritoryState) => {
    setStatus({ kind: 'busy', draft, territory });
    try {
      const { board } = await createBoard(forumId, token, {
        title: draft.title.trim(),
        kind: draft.kind,
        file: draft.file,
        // Its territory's board when the forum has none; else another board, not a territory.
        ...(draft.kind === 'territory'
          ? { territory: territory === 'taken' ? null : draft.territory }
          : {}),
      });
      setStatus({ kind: 'done', board });
      onCreated?.(board);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'territory_taken') {
        // Taken since the file was chosen (another tab): ask, as if it had been from the start.
        setStatus({ kind: 'draft', draft, territory: 'taken' });
        return;
      }
      console.warn('Carton: new board import failed', error);
      setStatus({ kind: 'error', text: errorMessage(error, tr) });
    }
  };

  const draft = status.kind === 'draft' || status.kind === 'busy' ? status.draft : null;
  const territory = status.kind === 'draft' || status.kind === 'busy' ? status.territory : 'none';
  return (
    <div className="new-board-import">
      <label className="export-file new-board-choose" data-disabled={busy}>
        <span>{label}</span>
        <input
          type="file"
          className="visually-hidden"
          ref={fileField}
          accept=".json,application/json"
          disabled={busy}
          aria-label={label}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void choose(file);
          }}
        />
      </label>
      {status.kind === 'error' && (
        <p ref={focusWhenLost} className="export-error" role="alert" tabIndex={-1}>
          {status.text}
        </p>
      )}
      {status.kind === 'done' && (
        <p ref={focusWhenLost} className="new-board-done" role="status" tabIndex={-1}>
          {newBoardCreatedMessage(status.board.title, onForumPage, tr)}{' '}
          {openUrl && (
            <a href={openUrl(status.board)} target="_blank" rel="noopener">
              {t('export.newBoard.open')}
            </a>
          )}
        </p>
      )}
      {draft && (
        // The dialog is its own element around the form: a form may not take the dialog role.
        <div className="new-board-dialog" role="dialog" aria-labelledby={`${titleId}-heading`}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (draft.title.trim() !== '' && territory !== 'checking') {
                void create(draft, territory);
              }
            }}
          >
            <h3 id={`${titleId}-heading`}>{t('export.newBoard.dialogTitle')}</h3>
            <label htmlFor={titleId}>{t('export.newBoard.titleLabel')}</label>
            <input
              ref={titleField}
              id={titleId}
              value={draft.title}
              maxLength={MAX_TITLE}
              required
              disabled={busy}
              autoFocus
              onChange={(event) =>
                setStatus({
                  kind: 'draft',
                  draft: { ...draft, title: event.target.value },
                  territory,
                })
              }
            />
            <p className="export-hint">{t('export.newBoard.summary', { count: draft.shapes })}</p>
            {territory === 'free' && (
              <p className="new-board-territory">
                {t('export.newBoard.territory', { territory: draft.territory })}
              </p>
            )}
            {territory === 'taken' && (
              <div className="new-board-taken" role="alert">
                <p>
                  <strong>{t('export.newBoard.taken', { territory: draft.territory })}</strong>
                </p>
                <p>{t('export.newBoard.takenOther')}</p>
              </div>
            )}
            {busy && <p role="status">{t('export.newBoard.creating')}</p>}
            <div className="new-board-actions">
              <button
                type="button"
                disabled={busy}
                onClick={() => {
                  setStatus({ kind: 'idle' });
                  fileField.current?.focus();
                }}
              >
                {t('export.newBoard.cancel')}
              </button>
              <button
                type="submit"
                disabled={busy || draft.title.trim() === '' || territory === 'checking'}
              >
                {territory === 'taken'
                  ? t('export.newBoard.createOther')
                  : t('export.newBoard.create')}
              </button>
            </div>
          </form>
        </div>
      )}
    </div>
  );
}
