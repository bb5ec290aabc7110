// The plenary's « Mosaïque »: a live tile per territory board (read-only, drawn by @carton/render);
// a click, a tap or Enter on a tile brings that territory up large inside the mosaic (← → to the
// previous or next one, Escape or « Retour à la mosaïque » back); « Amener en plénière » copies
// a board into the plenary. The tiles are laid out to fill the screen (mosaicLayout), the
// territory's name written over the drawing, large enough to read from the back of the room.
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent as ReactKeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderFonts } from '@carton/render';
import { localOrigin } from '@carton/board';
import { useSession } from '../board/context';
import { fetchForumBoards, type ForumBoard } from '../forum/api';
import { isTerritoryBoard } from '../forum/boardKind';
import type { ForumRoom } from '../forum/room';
import { useForumSnapshot } from '../forum/useForumRoom';
import { bringToPlenary } from './bringToPlenary';
import { gridKey, type FocusMove } from './focusNav';
import { loadRenderFonts } from './fonts';
import { useTitleRow } from './focusTitleRow';
import { LiveBoard } from './liveBoard';
import { MosaicFocus, useFocusKeys } from './MosaicFocus';
import { minTileWidth, mosaicLayout, sharedAspect } from './mosaicLayout';
import { territoryName, Tile, VoteTotal } from './MosaicTile';
import { shownVote } from './tileVotes';
import './mosaic.css';

const GAP = 10;

/** The territory last shown large in each forum's mosaic, kept while the page is open. */
const lastShown = new Map<string, string>();

/** The same territories, names and order: nothing for the mosaic to redo. */
function sameBoards(a: readonly ForumBoard[], b: readonly ForumBoard[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (x, i) => x.id === b[i]!.id && x.title === b[i]!.title && x.territory === b[i]!.territory,
    )
  );
}

/**
 * The captions' smallest font size in CSS px: mosaic.css's max(1rem, 2.6vh, …) (its third term,
 * which grows with the tile, is below both for the narrowest tiles). The grid's size follows the
 * window, so a resize renders again and reads it anew.
 */
function captionFloorPx(): number {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return Math.max(rem, 0.026 * window.innerHeight);
}

/** The grid area's size, followed as the window (or the projector) changes. */
function useAreaSize(element: HTMLElement | null): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    if (!element) return;
    const measure = () =>
      setSize((old) => {
        const width = element.clientWidth;
        const height = element.clientHeight;
        return old && old.width === width && old.height === height ? old : { width, height };
      });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return size;
}

/** The cartons' shared aspect, followed as boards are drawn (an empty board has none yet). */
function useSharedAspect(lives: ReadonlyMap<string, LiveBoard>): number {
  const [aspect, setAspect] = useState(16 / 10);
  useEffect(() => {
    const update = () => {
      const boxes = [...lives.values()].filter((l) => l.shapeCount() > 0).map((l) => l.getBox());
      const next = sharedAspect(boxes);
      setAspect((old) => (Math.abs(old - next) / old < 0.01 ? old : next));
    };
    update();
    const offs = [...lives.values()].map((l) => l.subscribe(update));
    return () => offs.forEach((off) => off());
  }, [lives]);
  return aspect;
}

export function MosaicPanel({ room, onClose }: { room: ForumRoom | null; onClose: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const { votes } = useForumSnapshot(room);
  const [fonts, setFonts] = useState<RenderFonts | null>(null);
  const [boards, setBoards] = useState<ForumBoard[]>([]);
  const [lives, setLives] = useState<Map<string, LiveBoard>>(new Map());
  const [focused, setFocused] = useState<string | null>(null);
  // « … amenés en plénière », said while the territory it names stays shown (or the tiles do).
  const [toast, setToast] = useState<{ text: string; shown: string | null } | null>(null);
  const [grid, setGrid] = useState<HTMLUListElement | null>(null);
  // The tile to give the focus back to once the mosaic shows again (the last one shown large).
  const returnTo = useRef<string | null>(null);
  const area = useAreaSize(grid);
  const aspect = useSharedAspect(lives);
  const forumId = session.info.board.forumId;

  useEffect(() => {
    let live = true;
    void loadRenderFonts().then((f) => live && setFonts(f));
    // Asked again whenever the facilitator comes back to this window (a territory added,
    // renamed or taken out on the forum page meanwhile), never on a timer.
    const load = () =>
      fetchForumBoards(forumId, session.token).then(
        (answer) =>
          live &&
          setBoards((old) => {
            // The territories' boards; « Autre tableau » is not one (boardKind.ts).
            const next = answer.boards.filter(isTerritoryBoard);
            return sameBoards(old, next) ? old : next;
          }),
        () => undefined,
      );
    void load();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    window.addEventListener('focus', onVisible);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      window.removeEventListener('focus', onVisible);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [forumId, session.token]);

  // One LiveBoard per territory, kept while its board stays in the forum: a board added later
  // connects alone, the others keep their socket and drawing.
  const livesHeld = useRef(new Map<string, LiveBoard>());
  useEffect(() => {
    if (!fonts) return;
    const held = livesHeld.current;
    const wanted = new Set(boards.map((b) => b.id));
    for (const [id, live] of held) {
      if (wanted.has(id)) continue;
      live.destroy();
      held.delete(id);
    }
    for (const b of boards) {
      if (!held.has(b.id)) held.set(b.id, new LiveBoard(b.id, session.token, fonts, b.title));
    }
    setLives(new Map(held));
  }, [boards, fonts, session.token]);
  useEffect(() => {
    const held = livesHeld.current;
    return () => {
      held.forEach((l) => l.destroy());
      held.clear();
    };
  }, []);

  // Read by the tiles' (memoised) callbacks without changing them at every render.
  const current = useRef({ boards, lives, session, t, shown: null as string | null });
  const bring = useCallback((boardId: string) => {
    const { boards, lives, session, t } = current.current;
    const board = boards.find((b) => b.id === boardId);
    const live = lives.get(boardId);
    if (!board || !live || session.readOnly) return;
    const created = bringToPlenary(
      live.doc,
      session.board,
      localOrigin(session.identity.userId),
      session.undo,
    );
    setToast({
      text: t('plenary.brought', { count: created, name: territoryName(board) }),
      shown: current.current.shown,
    });
  }, []);
  const show = useCallback((boardId: string) => setFocused(boardId), []);

  const ids = useMemo(() => boards.map((b) => b.id), [boards]);
  const applyMove = useCallback((move: FocusMove) => {
    if (move.kind === 'show') setFocused(move.id);
    else
      setFocused((was) => {
        returnTo.current = was;
        return null;
      });
  }, []);
  const focusedIndex = focused === null ? -1 : ids.indexOf(focused);
  const shown = focusedIndex >= 0 ? focused : null;
  current.current = { boards, lives, session, t, shown };
  useFocusKeys(ids, shown, applyMove);

  // Back on the tiles: the focus goes to the territory last shown, so Enter opens it again.
  useEffect(() => {
    if (shown !== null || !grid || returnTo.current === null) return;
    const id = returnTo.current;
    returnTo.current = null;
    grid
      .querySelector<HTMLButtonElement>(`button.mosaic-open[data-board-id="${CSS.escape(id)}"]`)
      ?.focus();
  }, [shown, grid]);
  // Opening the mosaic gives its tiles the focus, on the territory last shown large or the
  // first: Enter then brings it up and the arrows move at once. Left on « Mosaïque », Enter
  // closed the mosaic it had just opened. Once, as the tiles appear (they wait for the boards
  // and fonts), and only if the focus is still where the opening left it.
  const opener = useRef<Element | null>(document.activeElement);
  const entered = useRef(false);
  useEffect(() => {
    if (shown !== null) lastShown.set(forumId, shown);
  }, [shown, forumId]);
  useEffect(() => {
    if (entered.current || !grid || shown !== null) return;
    const tiles = [...grid.querySelectorAll<HTMLButtonElement>('button.mosaic-open')];
    const first = tiles[0];
    if (!first) return;
    entered.current = true;
    const active = document.activeElement;
    const untouched =
      active === null ||
      active === document.body ||
      active === opener.current ||
      grid.closest('section.mosaic')?.contains(active) === true;
    if (!untouched) return;
    const last = lastShown.get(forumId);
    (tiles.find((tile) => tile.dataset.boardId === last) ?? first).focus();
  }, [grid, lives, shown, forumId]);
  const backButton = useRef<HTMLButtonElement | null>(null);
  const large = shown !== null;
  useEffect(() => {
    // Only on entering: ← → keep the focus where the facilitator left it.
    if (large) backButton.current?.focus();
  }, [large]);

  const layout =
    area && boards.length > 0
      ? mosaicLayout(boards.length, area, aspect, GAP, minTileWidth(captionFloorPx()))
      : null;
  const onGridKey = (e: ReactKeyboardEvent<HTMLUListElement>) => {
    const target = e.target as HTMLElement;
    if (!target.classList.contains('mosaic-open') || !layout) return;
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button.mosaic-open')];
    const to = gridKey(
      e.key,
      buttons.indexOf(target as HTMLButtonElement),
      buttons.length,
      layout.columns,
    );
    if (to === null) return;
    // The plenary board behind must not move its chosen shape with these arrows.
    e.preventDefault();
    e.stopPropagation();
    buttons[to]?.focus();
  };

  const header = useRef<HTMLElement>(null);
  const focusedBoard = shown !== null ? boards[focusedIndex] : undefined;
  const focusedLive = shown !== null ? lives.get(shown) : undefined;
  const focusedVote = focusedBoard ? shownVote(votes, focusedBoard.id) : null;
  const canBring = !session.readOnly;
  const titleRow = useTitleRow(
    header,
    focusedBoard ? `${focusedBoard.id} ${focusedVote ? focusedVote.state : ''}` : null,
  );
  // Not in the header's row, where the forum kit centred over it covered it (1280, 1366 px):
  // over the tiles' bottom, or just above the keys' line under a territory shown large.
  const said = toast && toast.shown === shown && (
    <span role="status" className="mosaic-said">
      {toast.text}
    </span>
  );
  return (
    <section className="mosaic" aria-label={t('plenary.mosaic')} data-focused={shown ?? undefined}>
      <header className="mosaic-header" ref={header} data-wrap={titleRow || undefined}>
        {focusedBoard ? (
          <h2 className="mosaic-focus-title" aria-live="polite" title={territoryName(focusedBoard)}>
            <span className="mosaic-focus-name">{territoryName(focusedBoard)}</span>{' '}
            <span className="mosaic-focus-position">
              {t('projector.position', { n: focusedIndex + 1, count: boards.length })}
            </span>
            {/* Inside the title, whose width leaves the forum kit room: on the right of the row
                it went under « Minuterie » on a 1280 or 1366 px wide screen. */}
            {focusedVote && <VoteTotal vote={focusedVote} boardId={focusedBoard.id} />}
          </h2>
        ) : (
          <h2>{t('plenary.mosaic')}</h2>
        )}
        {!focusedBoard && said}
        {focusedBoard ? (
          <>
            {canBring && (
              <button type="button" onClick={() => bring(focusedBoard.id)}>
                {t('plenary.bring')}
              </button>
            )}
            <button
              type="button"
              className="mosaic-back"
              ref={backButton}
              onClick={() => applyMove({ kind: 'back' })}
              aria-keyshortcuts="Escape"
            >
              {t('mosaic.back')}
            </button>
          </>
        ) : (
          <button type="button" onClick={onClose}>
            {t('plenary.close')}
          </button>
        )}
      </header>
      {focusedBoard && focusedLive && (
        <MosaicFocus
          board={focusedBoard}
          live={focusedLive}
          vote={focusedVote}
          count={boards.length}
          previous={boards[(focusedIndex - 1 + boards.length) % boards.length]!}
          next={boards[(focusedIndex + 1) % boards.length]!}
          onShow={show}
        />
      )}
      {focusedBoard && (
        <div className="mosaic-foot">
          {said}
          <p className="mosaic-keys">{t('mosaic.keys')}</p>
        </div>
      )}
      <ul
        className="mosaic-grid"
        ref={setGrid}
        hidden={focusedBoard !== undefined}
        onKeyDown={onGridKey}
        data-columns={layout?.columns}
        data-rows={layout?.rows}
        style={
          { gap: GAP, '--tile-w': layout ? `${layout.tileWidth}px` : undefined } as CSSProperties
        }
      >
        {boards.map((b) => {
          const live = lives.get(b.id);
          return live ? (
            <Tile
              key={b.id}
              board={b}
              live={live}
              tileWidth={layout?.tileWidth ?? null}
              aspect={aspect}
              vote={shownVote(votes, b.id)}
              onOpen={show}
              onBring={canBring ? bring : null}
            />
          ) : null;
        })}
      </ul>
    </section>
  );
}
