// One territory's tile in the mosaic, and what it shares with the territory shown large: its
// live drawing (with each note's dots once a vote is closed) and the vote's total. Memoised:
// the panel re-renders when the votes or the layout change; a tile re-renders only when its
// own board was redrawn (LiveDrawing tells that board's subscribers only).
import {
  memo,
  useMemo,
  useSyncExternalStore,
  type CSSProperties,
  type KeyboardEventHandler,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteState } from '@carton/board';
import type { ForumBoard } from '../forum/api';
import { contentView, framedSvg } from './contentView';
import type { LiveBoard } from './liveBoard';
import type { MosaicLayout } from './mosaicLayout';
import { countsOnBoard, shownTotal, shownVote, voteBadgesSvg, withBadges } from './tileVotes';
import { useSharpPhotos } from './useSharpPhotos';

/** The board's drawing, with each note's dots once its vote is closed. */
export function useTileSvg(live: LiveBoard, boardId: string, vote: VoteState | null): string {
  const svg = useSyncExternalStore(live.subscribe, live.getSvg);
  return useMemo(() => {
    if (vote?.state !== 'closed') return svg;
    return withBadges(
      svg,
      voteBadgesSvg(countsOnBoard(vote, boardId), live.getShapes(), live.getBox()),
    );
  }, [svg, vote, live, boardId]);
}

/**
 * What a carton with no shape says: « Chargement… » until its board's first sync (a carton made
 * from a template has no shape until its content arrives), then that it is really empty.
 */
export function useNothingDrawn(live: LiveBoard): 'loading' | 'empty' | null {
  const loaded = useSyncExternalStore(live.subscribe, live.isLoaded);
  if (live.shapeCount() > 0) return null;
  return loaded ? 'empty' : 'loading';
}

/** The words for useNothingDrawn's state. */
export const nothingDrawnKey = (state: 'loading' | 'empty') =>
  state === 'loading' ? 'mosaic.loading' : 'mosaic.empty';

/**
 * The drawing of a territory shown large (the mosaic's focus, the projector's slide): framed on
 * what the table wrote, not the carton's empty bottom (contentView), so its notes are larger.
 */
export function useLargeSvg(live: LiveBoard, boardId: string, vote: VoteState | null): string {
  const svg = useTileSvg(live, boardId, vote);
  return useMemo(() => framedSvg(svg, contentView(live.getShapes(), live.getBox())), [svg, live]);
}

export function VoteTotal({ vote, boardId }: { vote: VoteState; boardId: string }) {
  const { t } = useTranslation();
  const total = shownTotal(vote, boardId);
  if (total === null) return null;
  return (
    <span className="mosaic-votes" data-state={vote.state} data-total={total} title={vote.title}>
      {t(vote.state === 'open' ? 'plenary.voteOpen' : 'plenary.voteClosed', { count: total })}
    </span>
  );
}

/** The name a tile shows: the territory (the board's title for another kind of board). */
export const territoryName = (board: ForumBoard): string => board.territory ?? board.title;

export interface TileProps {
  readonly board: ForumBoard;
  readonly live: LiveBoard;
  readonly tileWidth: number | null;
  readonly aspect: number;
  readonly vote: VoteState | null;
  readonly onOpen: (boardId: string) => void;
  readonly onBring: ((boardId: string) => void) | null;
}

export const Tile = memo(function Tile({
  board,
  live,
  tileWidth,
  aspect,
  vote,
  onOpen,
  onBring,
}: TileProps) {
  const { t } = useTranslation();
  const svg = useTileSvg(live, board.id, vote);
  const drawing = useSharpPhotos<HTMLSpanElement>(live, svg);
  const name = territoryName(board);
  const empty = live.shapeCount() === 0;
  const nothing = useNothingDrawn(live);
  return (
    <li
      className="mosaic-tile"
      data-board-id={board.id}
      data-shapes={live.shapeCount()}
      style={tileWidth ? { width: tileWidth } : undefined}
    >
      {/* The drawing is a picture beside the button, which lies over it: inside, its notes'
          words were the button's visible text while its name is « Agrandir … » (WCAG 2.5.3),
          and a screen reader read every note of every tile. */}
      <span
        ref={drawing}
        className="mosaic-svg"
        aria-hidden="true"
        style={{ aspectRatio: aspect, visibility: empty ? 'hidden' : undefined }}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      {nothing && (
        <span className="mosaic-empty" data-state={nothing}>
          {t(nothingDrawnKey(nothing))}
        </span>
      )}
      <button
        type="button"
        className="mosaic-open"
        data-board-id={board.id}
        onClick={() => onOpen(board.id)}
        aria-label={t('plenary.open', { name })}
      />
      {/* Name at the left, the vote's total at the right; the total goes above the name, whole,
          when both do not fit one line (see mosaic.css). */}
      <span className="mosaic-caption">
        <strong className="mosaic-name" title={name}>
          {name}
        </strong>
        {vote && <VoteTotal vote={vote} boardId={board.id} />}
      </span>
      {onBring && (
        <button type="button" className="mosaic-bring" onClick={() => onBring(board.id)}>
          {t('plenary.bring')}
        </button>
      )}
    </li>
  );
});

/**
 * The tiles in their grid, as laid out (mosaicLayout): the plenary's « Mosaïque » and the
 * projector's mosaic slide. A board whose live drawing is not made yet has no tile.
 */
export function TileGrid({
  boards,
  lives,
  layout,
  gap,
  aspect,
  votes,
  onOpen,
  onBring,
  gridRef,
  hidden,
  onKeyDown,
}: {
  boards: readonly ForumBoard[];
  lives: ReadonlyMap<string, LiveBoard>;
  layout: MosaicLayout | null;
  gap: number;
  aspect: number;
  votes: readonly VoteState[];
  onOpen: (boardId: string) => void;
  onBring: ((boardId: string) => void) | null;
  gridRef: (grid: HTMLUListElement | null) => void;
  hidden?: boolean;
  onKeyDown?: KeyboardEventHandler<HTMLUListElement>;
}) {
  return (
    <ul
      className="mosaic-grid"
      ref={gridRef}
      hidden={hidden}
      onKeyDown={onKeyDown}
      data-columns={layout?.columns}
      data-rows={layout?.rows}
      style={{ gap, '--tile-w': layout ? `${layout.tileWidth}px` : undefined } as CSSProperties}
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
            onOpen={onOpen}
            onBring={onBring}
          />
        ) : null;
      })}
    </ul>
  );
}
