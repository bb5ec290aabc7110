// Vote mode on a board: while a vote covers it, a click on a note places one of my dots and a
// click on my dot removes it (« Il vous reste N points »); once closed, the counts show on notes.
// Vote mode is on when a vote opens; « Revenir aux outils » leaves it to edit notes (clicks go to
// the tools again, my dots stay drawn) and « Voter » comes back. In vote mode a click only ever
// votes — no double-click editing — so one gesture never means two things to a newcomer.
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import type { VoteState } from '@carton/board';
import { useSession, useSessionState } from '../board/context';
import { worldToScreen, type Camera } from '../geometry/camera';
import type { Point, Rect } from '../geometry/rect';
import type { BoardSession } from '../board/session';
import { badgePlace, badgeSize, takesBackByTap } from './badgePlace';
import { ideaLabel } from './compilationItem';
import type { MyDots } from './api';
import type { ForumRoom } from './room';
import { useForumSnapshot } from './useForumRoom';
import { helpStore } from '../help/state';
import { focusedShapeOf } from '../board/keyboardSelect';
import { activeVote, closedVote, dotsByNote, voteKey } from './voteMode';
import { useMyVote, type MyVote } from './myVote';
import { countsOnBoard, voteListStore } from './voteList';
import { VoteList } from './VoteList';
import { clearVoteNews, voteNewsStore } from './voteNews';
import { keepBannerInView, useBannerInView } from './voteBannerInView';

function canvasRect(): DOMRect | null {
  return document.querySelector('.editor .canvas')?.getBoundingClientRect() ?? null;
}

/** A note's badge on the canvas (screen px): a corner covering nothing drawn on the note. */
function badgeAt(
  session: BoardSession,
  camera: Camera,
  shapeId: string,
  count: number,
): Point | null {
  const bounds = session.scene.bounds(shapeId);
  if (!bounds) return null;
  const toScreen = (r: Rect): Rect => {
    const p = worldToScreen(camera, { x: r.x, y: r.y });
    return { x: p.x, y: p.y, width: r.width * camera.zoom, height: r.height * camera.zoom };
  };
  // What lies on the note (a heart, a star, a drawn shape, a photo, a note over it); the carton
  // under it and the arrows ending at its edge do not count.
  const onNote = [...session.scene.index.query(bounds)].flatMap((id) => {
    const shape = id === shapeId ? undefined : session.scene.getShape(id);
    const b =
      shape && shape.type !== 'carton' && shape.type !== 'arrow' && session.scene.bounds(id);
    return b ? [toScreen(b)] : [];
  });
  return badgePlace(toScreen(bounds), onNote, badgeSize(count));
}

/**
 * Dots drawn on notes: mine after « Revenir aux outils » (`mine`), or a closed vote's counts.
 * Each is a picture named by its note — « 3 points sur « Participation citoyenne », dont 2 à
 * vous » — as a bare « 3 » said nothing to a screen reader of whose dots or on which idea.
 */
function NoteBadges({
  counts,
  mine,
  myCounts,
}: {
  counts: ReadonlyMap<string, number>;
  mine: boolean;
  /** A closed vote: this device's dots by note, said beside each count. */
  myCounts?: ReadonlyMap<string, number>;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const camera = useSessionState((s) => s.camera);
  const rect = canvasRect();
  if (!rect) return null;
  const name = (shapeId: string, count: number) => {
    const text = noteWords(session, shapeId);
    if (mine) return t('forumDay.vote.myDotsOn', { count, text });
    const dots = t('forumDay.vote.dotsOn', { count, text });
    const own = myCounts?.get(shapeId) ?? 0;
    return own > 0 ? t('a11y.dots.withMine', { dots, mine: own }) : dots;
  };
  return (
    <>
      {[...counts].map(([shapeId, count]) => {
        const at = badgeAt(session, camera, shapeId, count);
        if (!at) return null;
        return (
          <span
            key={shapeId}
            className={mine ? 'vote-dot mine' : 'vote-dot count'}
            role="img"
            aria-label={name(shapeId, count)}
            data-shape-id={shapeId}
            data-count={count}
            style={{ left: rect.left + at.x, top: rect.top + at.y }}
          >
            {count}
          </span>
        );
      })}
    </>
  );
}

function OpenVote({ vote, my, listOpen }: { vote: VoteState; my: MyVote; listOpen: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const { dots, act, message, setMessage } = my;
  const [voting, setVoting] = useState(true);
  // On a phone the hint is folded behind « ? » (forum.css): unfolded, the banner took ~330 of
  // 844 px and covered the lower half of the carton. Wider screens always show it.
  const [more, setMore] = useState(false);
  // A phone's participant taps: « Cliquez » reads as a mouse's word there.
  const [touch] = useState(
    () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches,
  );

  // The banner sits where the first visit's hint would: the hint waits until the vote ends.
  useEffect(() => {
    const store = helpStore(session);
    store.setState({ voteBanner: true });
    return () => store.setState({ voteBanner: false });
  }, [session]);

  // Clicks on notes go to the vote, not to the tools, while the vote is open.
  useEffect(() => {
    if (!voting) return;
    const onDown = (e: PointerEvent) => {
      const rect = canvasRect();
      if (!rect || !(e.target instanceof Element) || !e.target.closest('.editor .canvas')) return;
      const world = session.toWorld({ x: e.clientX - rect.left, y: e.clientY - rect.top });
      const zoom = session.store.getState().camera.zoom;
      // A note locked before the vote (M33) still takes dots: voting does not change it.
      const hit = session.scene.shapeAt(world, 4 / zoom, { locked: true });
      if (!hit || hit.type !== 'note') return;
      e.stopPropagation();
      e.preventDefault();
      act(hit.id, false);
    };
    // Two quick taps give a note two dots; the browser then also sends a double click, which the
    // board takes for « open this note for writing » (and zoomed a phone to it, keyboard up)
    // during the vote, whose help says notes are changed after « Revenir aux outils ».
    const onDouble = (e: MouseEvent) => {
      const rect = canvasRect();
      if (!rect || !(e.target instanceof Element) || !e.target.closest('.editor .canvas')) return;
      const world = session.toWorld({ x: e.clientX - rect.left, y: e.clientY - rect.top });
      const zoom = session.store.getState().camera.zoom;
      if (session.scene.shapeAt(world, 4 / zoom, { locked: true })?.type !== 'note') return;
      e.stopPropagation();
      e.preventDefault();
    };
    window.addEventListener('pointerdown', onDown, true);
    window.addEventListener('dblclick', onDouble, true);
    return () => {
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('dblclick', onDouble, true);
    };
  }, [act, session, voting]);

  // The keyboard votes too (a click only ever votes; so does Enter): on the note Tab chose,
  // Enter places a dot and Delete takes mine back. Listening first (capture), the board's own
  // keys never see them: Enter would open the note for writing, Delete would delete it.
  useEffect(() => {
    if (!voting) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : null;
      const inField =
        !!target &&
        (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON|A)$/.test(target.tagName));
      // « Voter en liste » has its own buttons; Enter there never votes on the board's note.
      if (target?.closest('.vote-list-panel')) return;
      const action = voteKey({ ...e, key: e.key, inField });
      if (!action) return;
      const id = focusedShapeOf(session.store.getState());
      if (!id || session.scene.getShape(id)?.type !== 'note') return;
      e.preventDefault();
      e.stopPropagation();
      if (action === 'add') act(id, false);
      else if (dots?.dots.some((d) => d.boardId === session.boardId && d.shapeId === id))
        act(id, true);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [act, dots, session, voting]);

  const mine = useMemo(
    () => (dots ? dotsByNote(dots.dots, session.boardId) : new Map<string, number>()),
    [dots, session.boardId],
  );
  // The board's keyboard line and a note's announcement say the vote's keys and dots.
  const counts = useMemo(
    () => countsOnBoard(vote.counts, session.boardId),
    [vote.counts, session.boardId],
  );
  useEffect(() => {
    voteNewsStore(session).setState({ voting, counts, mine });
  }, [session, voting, counts, mine]);
  useEffect(() => () => clearVoteNews(session), [session]);
  // Below the window on a page taller than it: scrolled to as the vote opens.
  const inView = useBannerInView(`${session.boardId}:${vote.id}`);
  // Back from « Voter en liste », the keyboard lands on the button that opened it.
  const listButton = useRef<HTMLButtonElement>(null);
  const wasListOpen = useRef(listOpen);
  useEffect(() => {
    if (wasListOpen.current && !listOpen) listButton.current?.focus();
    wasListOpen.current = listOpen;
  }, [listOpen]);
  return (
    <>
      {/* A region named by the vote's title. Only the dots left are live (my own votes' answer):
          the whole banner was, its hint and buttons read again at each dot. ForumAnnouncer says
          the vote opening. */}
      {/* The list (VoteList) holds the title, the dots left and the messages while it is open. */}
      {!listOpen && (
        <section
          ref={inView}
          className="vote-banner"
          aria-labelledby={`vote-title-${vote.id}`}
          data-voting={voting}
          data-more={more}
        >
          {/* The question and the dots left: one row on a wide screen; on a phone while voting,
              one above the other beside « ? », so « Voter en liste » shares the buttons' row
              (vote-list.css) and the banner stays a line or two. */}
          <span className="vote-what">
            <strong id={`vote-title-${vote.id}`}>{vote.title}</strong>
            <span className="vote-remaining" role="status" data-remaining={dots?.remaining ?? ''}>
              {/* « Il vous reste 0 point » read as a count left to spend, not as done. */}
              {dots
                ? dots.remaining === 0
                  ? t('forum.votes.allPlaced')
                  : t('forum.votes.remaining', { count: dots.remaining })
                : ''}
            </span>
          </span>
          <button
            type="button"
            className="vote-more"
            aria-expanded={more}
            aria-controls={`vote-hint-${vote.id}`}
            aria-label={t('forum.votes.showHowTo')}
            title={t('forum.votes.showHowTo')}
            onClick={(e) => {
              if (!more) keepBannerInView(e.currentTarget.closest('.vote-banner'));
              setMore(!more);
            }}
          >
            ?
          </button>
          <span className="hint" id={`vote-hint-${vote.id}`}>
            {t(
              voting
                ? touch
                  ? 'forumDay.vote.howToTouch'
                  : 'forum.votes.howTo'
                : 'forum.votes.editing',
            )}
          </span>
          <button
            type="button"
            className="vote-toggle"
            aria-pressed={voting}
            onClick={() => {
              setMessage(null);
              setVoting(!voting);
            }}
          >
            {t(voting ? 'forum.votes.leave' : 'forum.votes.enter')}
          </button>
          <button
            ref={listButton}
            type="button"
            className="vote-list-open"
            onClick={() => {
              setMessage(null);
              voteListStore(session).setState({ open: vote.id });
            }}
          >
            {t('forum.voteList.open')}
          </button>
          {message && <span role="alert">{message.words((key, values) => t(key, values))}</span>}
        </section>
      )}
      {voting ? (
        <MyDotButtons mine={mine} onRemove={(id) => act(id, true)} />
      ) : (
        <NoteBadges counts={mine} mine />
      )}
    </>
  );
}

/** A note's words as a vote's line names them (the first 60 characters). */
function noteWords(session: BoardSession, shapeId: string): string {
  const shape = session.scene.getShape(shapeId);
  return ideaLabel(shape?.type === 'note' ? shape.text.replace(/\s+/g, ' ').trim() : '');
}

function MyDotButtons({
  mine,
  onRemove,
}: {
  mine: ReadonlyMap<string, number>;
  onRemove: (shapeId: string) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const camera = useSessionState((s) => s.camera);
  const rect = canvasRect();
  if (!rect) return null;
  return (
    <>
      {[...mine].map(([shapeId, count]) => {
        const at = badgeAt(session, camera, shapeId, count);
        const bounds = session.scene.bounds(shapeId);
        if (!at || !bounds) return null;
        const note = { width: bounds.width * camera.zoom, height: bounds.height * camera.zoom };
        // Drawn, not a button (too small to take back by a tap): a picture named by its note,
        // as a bare « 2 » said nothing to a screen reader. Delete on the note takes a dot back.
        if (!takesBackByTap(note))
          return (
            <span
              key={shapeId}
              className="vote-dot mine"
              role="img"
              aria-label={t('forumDay.vote.myDotsOn', { count, text: noteWords(session, shapeId) })}
              data-shape-id={shapeId}
              data-count={count}
              style={{ left: rect.left + at.x, top: rect.top + at.y }}
            >
              {count}
            </span>
          );
        // Named by its note as the badges are: « Retirer mon point » on every note said neither
        // which idea it took the dot from nor that it holds two of mine.
        const text = noteWords(session, shapeId);
        const label = text
          ? t('forumDay.vote.removeMyDotOn', { count, text })
          : t('forum.votes.removeDot');
        return (
          <button
            key={shapeId}
            type="button"
            className="vote-dot mine"
            data-shape-id={shapeId}
            aria-label={label}
            title={label}
            style={{ left: rect.left + at.x, top: rect.top + at.y }}
            onClick={() => onRemove(shapeId)}
          >
            {count}
          </button>
        );
      })}
    </>
  );
}

export function VoteLayer({ room }: { room: ForumRoom }) {
  const session = useSession();
  const { votes } = useForumSnapshot(room);
  const open = activeVote(votes, session.boardId);
  // Keyed by vote: a newly opened vote starts in vote mode again. The same vote closing keeps
  // its VoteOnBoard, so « Voter en liste » stays open to say the vote is over.
  if (open && !session.readOnly) return <VoteOnBoard key={open.id} room={room} vote={open} />;
  const closed = open ? null : closedVote(votes, session.boardId);
  if (!closed) return null;
  return <VoteOnBoard key={closed.id} room={room} vote={closed} />;
}

/** A vote over this board: its banner and dots on the canvas, and « Voter en liste ». */
function VoteOnBoard({ room, vote }: { room: ForumRoom; vote: VoteState }) {
  const session = useSession();
  const my = useMyVote(room, vote);
  const listOpen = useStore(voteListStore(session), (s) => s.open === vote.id);
  return (
    <>
      {vote.state === 'open' ? (
        <OpenVote vote={vote} my={my} listOpen={listOpen} />
      ) : (
        <ClosedVote vote={vote} myDots={my.dots} />
      )}
      {listOpen && createPortal(<VoteList vote={vote} my={my} />, document.body)}
    </>
  );
}

/** A closed vote's counts on this board's notes, naming this device's own dots among them. */
function ClosedVote({ vote, myDots }: { vote: VoteState; myDots: MyDots | null }) {
  const session = useSession();
  // Without my dots the counts are still named, only « dont 2 à vous » is left out.
  const myCounts = useMemo(
    () => (myDots ? dotsByNote(myDots.dots, session.boardId) : undefined),
    [myDots, session.boardId],
  );
  const { t } = useTranslation();
  const counts = countsOnBoard(vote.counts, session.boardId);
  if (counts.size === 0) return null;
  // In a region named by the vote (the badges are fixed over the canvas, the wrapper takes no
  // room): outside every landmark, a screen reader's landmarks never reached the board's counts.
  return (
    <section
      className="vote-counts"
      aria-label={t('forumDay.vote.countsOf', { title: vote.title })}
    >
      <NoteBadges counts={counts} mine={false} {...(myCounts ? { myCounts } : {})} />
    </section>
  );
}
