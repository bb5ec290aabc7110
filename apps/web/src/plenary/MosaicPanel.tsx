// The plenary's « Mosaïque »: a live tile per territory board (read-only, drawn by @carton/render);
// a click, a tap or Enter on a tile brings that territory up large inside the mosaic (← → to the
// previous or next one, Escape or « Retour à la mosaïque » back); « Amener en plénière » copies
// a board into the plenary. The tiles are laid out to fill the screen (mosaicLayout), the
// territory's name written over the drawing, large enough to read from the back of the room.
// On the whole screen (« Plein écran », for the TV across the room) T tours the territories as
// the projector does (ProjectorTour): each large in turn with a countdown, P, + and −.
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { localOrigin } from '@carton/board';
import { useSession } from '../board/context';
import type { ForumRoom } from '../forum/room';
import { useForumSnapshot } from '../forum/useForumRoom';
import { TourCountdown, useTour } from '../projector/ProjectorTour';
import { bringToPlenary } from './bringToPlenary';
import { gridKey, type FocusMove } from './focusNav';
import { useTitleRow } from './focusTitleRow';
import { MosaicFocus, useFocusKeys } from './MosaicFocus';
import { useFullScreen, useRailPlacement } from './fullScreen';
import { minTileWidth, mosaicLayout } from './mosaicLayout';
import { territoryName, TileGrid, VoteTotal } from './MosaicTile';
import { shownVote } from './tileVotes';
import { captionFloorPx, useAreaSize, useSharedAspect, useTerritoryLives } from './territoryLives';
import './mosaic.css';

const GAP = 10;

/** The territory last shown large in each forum's mosaic, kept while the page is open. */
const lastShown = new Map<string, string>();

export function MosaicPanel({ room, onClose }: { room: ForumRoom | null; onClose: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const { votes } = useForumSnapshot(room);
  const forumId = session.info.board.forumId;
  const { boards, lives } = useTerritoryLives(forumId, session.token);
  const [focused, setFocused] = useState<string | null>(null);
  // « … amenés en plénière », said while the territory it names stays shown (or the tiles do).
  const [toast, setToast] = useState<{ text: string; shown: string | null } | null>(null);
  const [grid, setGrid] = useState<HTMLUListElement | null>(null);
  const [section, setSection] = useState<HTMLElement | null>(null);
  // The tile to give the focus back to once the mosaic shows again (the last one shown large).
  const returnTo = useRef<string | null>(null);
  const area = useAreaSize(grid);
  const aspect = useSharedAspect(lives);
  const [full, toggleFull] = useFullScreen();
  const header = useRef<HTMLElement>(null);

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
  // The tour's slides: the tiles, then each territory large.
  const tourSlides = useMemo(
    () => [{ kind: 'mosaic' }, ...ids.map((boardId) => ({ kind: 'territory', boardId }))],
    [ids],
  );
  const tour = useTour(
    tourSlides,
    focusedIndex + 1,
    (to) => (to > 0 ? setFocused(ids[to - 1] ?? null) : applyMove({ kind: 'back' })),
    { enabled: full, capture: true },
  );

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

  const rail = useRailPlacement(section, header, boards.length, aspect, GAP, full && !large);
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
    <section
      className="mosaic"
      aria-label={t('plenary.mosaic')}
      data-focused={shown ?? undefined}
      data-full={full || undefined}
      data-rail={full && !large ? rail : undefined}
      ref={setSection}
    >
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
          <>
            {/* Pressed: the editor's chrome is gone and the tiles take the whole screen (a
                territory shown large keeps it; beside its name and buttons at 1280 px this
                button cost the carton its height). */}
            <button
              type="button"
              className="mosaic-full"
              aria-pressed={full}
              onClick={toggleFull}
              title={t(full ? 'mosaic.fullLeave' : 'mosaic.fullEnter')}
            >
              {t('mosaic.full')}
            </button>
            <button type="button" onClick={onClose}>
              {t('plenary.close')}
            </button>
          </>
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
          {tour.phase !== 'off' ? (
            <TourCountdown tour={tour} />
          ) : (
            <p className="mosaic-keys">{t(full ? 'mosaic.keysFull' : 'mosaic.keys')}</p>
          )}
        </div>
      )}
      <TileGrid
        boards={boards}
        lives={lives}
        layout={layout}
        gap={GAP}
        aspect={aspect}
        votes={votes}
        onOpen={show}
        onBring={canBring ? bring : null}
        gridRef={setGrid}
        hidden={focusedBoard !== undefined}
        onKeyDown={onGridKey}
      />
    </section>
  );
}
