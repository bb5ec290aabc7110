// One territory's tile in the mosaic, and what it shares with the territory shown large: its
// live drawing (with each note's dots once a vote is closed) and the vote's total. Memoised:
// the panel re-renders when the votes or the layout change; a tile re-renders only when its
// own board was redrawn (LiveDrawing tells that board's subscribers only).
import { memo, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteState } from '@carton/board';
import type { ForumBoard } from '../forum/api';
import type { LiveBoard } from './liveBoard';
import { countsOnBoard, shownTotal, voteBadgesSvg, withBadges } from './tileVotes';

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
  const name = territoryName(board);
  const empty = live.shapeCount() === 0;
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
        className="mosaic-svg"
        aria-hidden="true"
        style={{ aspectRatio: aspect, visibility: empty ? 'hidden' : undefined }}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      {empty && <span className="mosaic-empty">{t('mosaic.empty')}</span>}
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
