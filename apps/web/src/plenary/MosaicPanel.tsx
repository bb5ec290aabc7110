// The plenary's « Mosaïque »: a live tile per territory board (read-only, drawn by @carton/render);
// a click opens a tile large; « Amener en plénière » copies that board into the plenary. The
// tiles are laid out to fill the screen (mosaicLayout), the territory's name and the vote's
// total written over the drawing, so the room reads them from afar.
import { useEffect, useMemo, useState, useSyncExternalStore, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteState } from '@carton/board';
import type { RenderFonts } from '@carton/render';
import { localOrigin } from '@carton/board';
import { useSession } from '../board/context';
import { fetchForumBoards, type ForumBoard } from '../forum/api';
import type { ForumRoom } from '../forum/room';
import { useForumSnapshot } from '../forum/useForumRoom';
import { bringToPlenary } from './bringToPlenary';
import { loadRenderFonts } from './fonts';
import { LiveBoard } from './liveBoard';
import { mosaicLayout, sharedAspect, type MosaicLayout } from './mosaicLayout';
import { countsOnBoard, shownVote, totalOnBoard, voteBadgesSvg, withBadges } from './tileVotes';
import './mosaic.css';
import { useCloseOnEscape } from '../dialog/useCloseOnEscape';

const GAP = 10;

/** The board's drawing, with each note's dots once its vote is closed. */
function useTileSvg(live: LiveBoard, boardId: string, vote: VoteState | null): string {
  const svg = useSyncExternalStore(live.subscribe, live.getSvg);
  return useMemo(() => {
    if (vote?.state !== 'closed') return svg;
    return withBadges(
      svg,
      voteBadgesSvg(countsOnBoard(vote, boardId), live.getShapes(), live.getBox()),
    );
  }, [svg, vote, live, boardId]);
}

function VoteTotal({ vote, boardId }: { vote: VoteState; boardId: string }) {
  const { t } = useTranslation();
  const total = totalOnBoard(vote, boardId);
  return (
    <span className="mosaic-votes" data-state={vote.state} data-total={total} title={vote.title}>
      {t(vote.state === 'open' ? 'plenary.voteOpen' : 'plenary.voteClosed', { count: total })}
    </span>
  );
}

function Tile({
  board,
  live,
  layout,
  aspect,
  vote,
  onOpen,
  onBring,
}: {
  board: ForumBoard;
  live: LiveBoard;
  layout: MosaicLayout | null;
  aspect: number;
  vote: VoteState | null;
  onOpen: () => void;
  onBring: (() => void) | null;
}) {
  const { t } = useTranslation();
  const svg = useTileSvg(live, board.id, vote);
  const name = board.territory ?? board.title;
  return (
    <li
      className="mosaic-tile"
      data-board-id={board.id}
      data-shapes={live.shapeCount()}
      style={layout ? { width: layout.tileWidth } : undefined}
    >
      <button
        type="button"
        className="mosaic-open"
        onClick={onOpen}
        aria-label={t('plenary.open', { name })}
      >
        <span
          className="mosaic-svg"
          style={{ aspectRatio: aspect }}
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      </button>
      <strong className="mosaic-name">{name}</strong>
      {vote && <VoteTotal vote={vote} boardId={board.id} />}
      {onBring && (
        <button type="button" className="mosaic-bring" onClick={onBring}>
          {t('plenary.bring')}
        </button>
      )}
    </li>
  );
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
  const [opened, setOpened] = useState<string | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const [grid, setGrid] = useState<HTMLUListElement | null>(null);
  const area = useAreaSize(grid);
  const aspect = useSharedAspect(lives);
  const forumId = session.info.board.forumId;

  useEffect(() => {
    let live = true;
    void loadRenderFonts().then((f) => live && setFonts(f));
    fetchForumBoards(forumId, session.token).then(
      (answer) => live && setBoards(answer.boards.filter((b) => b.kind === 'territory')),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [forumId, session.token]);

  useEffect(() => {
    if (!fonts) return;
    const created = new Map(
      boards.map((b) => [b.id, new LiveBoard(b.id, session.token, fonts, b.title)] as const),
    );
    setLives(created);
    return () => created.forEach((l) => l.destroy());
  }, [boards, fonts, session.token]);

  const bring = (board: ForumBoard) => {
    const live = lives.get(board.id);
    if (!live || session.readOnly) return;
    const created = bringToPlenary(
      live.doc,
      session.board,
      localOrigin(session.identity.userId),
      session.undo,
    );
    setToast(t('plenary.brought', { count: created, name: board.territory ?? board.title }));
  };

  const layout = area && boards.length > 0 ? mosaicLayout(boards.length, area, aspect, GAP) : null;
  const openBoard = boards.find((b) => b.id === opened);
  const openLive = opened ? lives.get(opened) : undefined;
  return (
    <section className="mosaic" aria-label={t('plenary.mosaic')}>
      <header className="mosaic-header">
        <h2>{t('plenary.mosaic')}</h2>
        {toast && <span role="status">{toast}</span>}
        <button type="button" onClick={onClose}>
          {t('plenary.close')}
        </button>
      </header>
      <ul
        className="mosaic-grid"
        ref={setGrid}
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
              layout={layout}
              aspect={aspect}
              vote={shownVote(votes, b.id)}
              onOpen={() => setOpened(b.id)}
              onBring={session.readOnly ? null : () => bring(b)}
            />
          ) : null;
        })}
      </ul>
      {openBoard && openLive && (
        <LargeTile
          board={openBoard}
          live={openLive}
          vote={shownVote(votes, openBoard.id)}
          onClose={() => setOpened(null)}
          onBring={session.readOnly ? null : () => bring(openBoard)}
        />
      )}
    </section>
  );
}

function LargeTile({
  board,
  live,
  vote,
  onClose,
  onBring,
}: {
  board: ForumBoard;
  live: LiveBoard;
  vote: VoteState | null;
  onClose: () => void;
  onBring: (() => void) | null;
}) {
  const { t } = useTranslation();
  const svg = useTileSvg(live, board.id, vote);
  useCloseOnEscape(onClose);
  return (
    <div className="mosaic-large" role="dialog" aria-modal="true" aria-label={board.title}>
      <header className="mosaic-header">
        <h2>{board.title}</h2>
        {vote && <VoteTotal vote={vote} boardId={board.id} />}
        {onBring && (
          <button type="button" onClick={onBring}>
            {t('plenary.bring')}
          </button>
        )}
        <button type="button" onClick={onClose} autoFocus>
          {t('plenary.close')}
        </button>
      </header>
      <div className="mosaic-svg mosaic-svg-large" dangerouslySetInnerHTML={{ __html: svg }} />
    </div>
  );
}
