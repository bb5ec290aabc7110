// « Voter en liste »: the vote's notes as words in readable type, each with « Donner un point »
// and « Retirer un point ». On a phone a wall of 60 postcards draws each note ~10 px wide: the
// canvas can be voted on, not read. The list replaces the board while it is open (a dialog: the
// board's keys and taps wait), in the board's reading order, never by count. Its dots are the
// canvas's (myVote's `act`); once the vote closes it stays to say so, and refuses.
import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteState } from '@carton/board';
import { useSession } from '../board/context';
import { useOutline } from '../outline/useOutline';
import { ideaLabel } from './compilationItem';
import type { MyVote } from './myVote';
import {
  countsOnBoard,
  PAGE_NOTES,
  totalsShown,
  voteListGroups,
  voteListStore,
  windowNotes,
  type VoteListNote,
} from './voteList';
import { dotsByNote } from './voteMode';
import './vote-list.css';

const NO_DOTS: ReadonlyMap<string, number> = new Map();

export function VoteList({ vote, my }: { vote: VoteState; my: MyVote }) {
  const { t } = useTranslation();
  const session = useSession();
  const outline = useOutline(session);
  const open = vote.state === 'open';
  const { dots, act, message } = my;
  const mine = useMemo(
    () => (dots ? dotsByNote(dots.dots, session.boardId) : NO_DOTS),
    [dots, session.boardId],
  );
  const totals = useMemo(
    () => (totalsShown(vote) ? countsOnBoard(vote.counts, session.boardId) : null),
    [vote, session.boardId],
  );
  const groups = useMemo(() => voteListGroups(outline, mine, totals), [outline, mine, totals]);
  // A page of notes at a time (windowNotes), the next when the end of the list comes near.
  const [limit, setLimit] = useState(PAGE_NOTES);
  const drawn = useMemo(() => windowNotes(groups, limit), [groups, limit]);
  const body = useRef<HTMLDivElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const button = moreRef.current;
    if (!button) return;
    const observer = new IntersectionObserver(
      (seen) => {
        // Reached by the keyboard (Tab, or focused), the button waits to be pressed: drawing on
        // by itself would leave the focus past the notes it drew, and a press then skip them.
        if (document.activeElement === button) return;
        if (seen.some((e) => e.isIntersecting)) setLimit(limit + PAGE_NOTES);
      },
      { root: body.current, rootMargin: '0px 0px 600px 0px' },
    );
    observer.observe(button);
    return () => observer.disconnect();
  }, [limit, drawn.hidden]);
  // « Afficher la suite » pressed: the focus goes on to the first note it drew, not past them.
  const focusNote = useRef<number | null>(null);
  useEffect(() => {
    const at = focusNote.current;
    if (at === null) return;
    focusNote.current = null;
    const notes = body.current?.querySelectorAll<HTMLElement>('.vote-list-note');
    notes?.[at]?.querySelector('button')?.focus();
  }, [limit]);
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const close = () => voteListStore(session).setState({ open: null });
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    // The board's keys (Enter votes on the chosen note, Delete…) never act from the list.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Tab') {
      // A dialog: Tab goes round its buttons, not to the board hidden behind it.
      const all = [...e.currentTarget.querySelectorAll<HTMLElement>('button, [tabindex="0"]')];
      const first = all[0];
      const last = all[all.length - 1];
      if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      } else if (e.shiftKey && (document.activeElement === first || e.target === heading.current)) {
        e.preventDefault();
        last?.focus();
      }
    }
  };

  const remaining = dots?.remaining ?? null;
  // One live line: the dots left while open, the end of the vote once closed.
  const status = !open
    ? t('forum.voteList.closed')
    : remaining === null
      ? ''
      : remaining === 0
        ? t('forum.votes.allPlaced')
        : t('forum.votes.remaining', { count: remaining });

  return (
    <div className="vote-list-backdrop">
      <section
        className="vote-list-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-state={vote.state}
        onKeyDown={onKeyDown}
      >
        {/* A div: a <header> in a dialog is a second « banner » landmark. */}
        <div className="vote-list-header">
          <h2 id={titleId} ref={heading} tabIndex={-1}>
            {vote.title}
          </h2>
          <button type="button" className="vote-list-close" onClick={close}>
            {t('forum.voteList.close')}
          </button>
          <p className="vote-list-status" role="status" data-remaining={remaining ?? ''}>
            {status}
          </p>
          {open && <p className="vote-list-how">{t('forum.voteList.howTo')}</p>}
        </div>
        <div className="vote-list-body" ref={body}>
          {groups.length === 0 && <p>{t('forum.voteList.empty')}</p>}
          {drawn.groups.map((group) => (
            <section key={group.id ?? 'outside'} className="vote-list-group">
              {(group.id !== null || groups.length > 1) && (
                <h3>
                  {group.id === null
                    ? t('outline.outside')
                    : group.title?.trim() || t('outline.untitled')}
                </h3>
              )}
              <ul className="vote-list-notes">
                {group.notes.map((note) => (
                  <NoteLine
                    key={note.shapeId}
                    note={note}
                    open={open}
                    full={remaining === 0}
                    act={act}
                  />
                ))}
              </ul>
            </section>
          ))}
          {/* The end of the window: drawn further as it comes near, or pressed (a keyboard's
              Tab reaches it after the last note drawn). */}
          {drawn.hidden > 0 && (
            <button
              ref={moreRef}
              type="button"
              className="vote-list-more"
              onClick={() => {
                focusNote.current = limit;
                setLimit(limit + PAGE_NOTES);
              }}
            >
              {t('forum.voteList.more', { count: drawn.hidden })}
            </button>
          )}
        </div>
        {/* Under the list, in sight of the button pressed: « Il ne vous reste plus de points »,
            a dot lost on a venue's wifi, the vote closed meanwhile. */}
        {message && (
          <p className="vote-list-alert" role="alert">
            {message.words((key, values) => t(key, values))}
          </p>
        )}
      </section>
    </div>
  );
}

/** One note of the list: its words, my dots (and once closed everyone's), the two buttons. */
const NoteLine = memo(function NoteLine({
  note,
  open,
  full,
  act,
}: {
  note: VoteListNote;
  open: boolean;
  /** No dot left to give: « Donner un point » says why when pressed. */
  full: boolean;
  act: MyVote['act'];
}) {
  const { t } = useTranslation();
  const text = ideaLabel(note.text.replace(/\s+/g, ' ').trim());
  return (
    <li
      className="vote-list-note"
      data-shape-id={note.shapeId}
      data-mine={note.mine}
      data-total={note.total ?? ''}
    >
      <p className="vote-list-words">{note.text}</p>
      {(note.mine > 0 || note.total !== null) && (
        <p className="vote-list-dots">
          {note.mine > 0 && (
            <span className="vote-list-mine">
              <span aria-hidden="true" className="vote-list-pips">
                {'●'.repeat(Math.min(note.mine, 10))}
              </span>{' '}
              {t('forum.voteList.mine', { count: note.mine })}
            </span>
          )}
          {note.total !== null && (
            <span className="vote-list-total">
              {note.total === 0
                ? t('forum.voteList.noDots')
                : t('forum.voteList.total', { count: note.total })}
            </span>
          )}
        </p>
      )}
      {/* aria-disabled, not disabled: the button keeps the focus and, pressed, says why. */}
      <div className="vote-list-actions">
        <button
          type="button"
          className="vote-list-take"
          aria-disabled={!open || note.mine === 0}
          aria-label={t('forum.voteList.takeFrom', { text })}
          onClick={() => act(note.shapeId, true)}
        >
          <span aria-hidden="true">−</span> {t('forum.voteList.take')}
        </button>
        <button
          type="button"
          className="vote-list-give"
          aria-disabled={!open || full}
          aria-label={t('forum.voteList.giveTo', { text })}
          onClick={() => act(note.shapeId, false)}
        >
          <span aria-hidden="true">+</span> {t('forum.voteList.give')}
        </button>
      </div>
    </li>
  );
});
