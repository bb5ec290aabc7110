// The territories on the projector (`/p/` of the plenary board): their live mosaic as one slide,
// laid out as large as the screen allows (mosaicLayout), then each territory large as a slide of
// its own. The same tiles and live boards as the plenary's « Mosaïque » (plenary/): a tile
// redraws as its territory writes, and shows its vote's total.
import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteState } from '@carton/board';
import type { ForumBoard } from '../forum/api';
import type { LiveBoard } from '../plenary/liveBoard';
import {
  minTileWidth,
  mosaicLayout,
  railPlacement,
  type RailPlacement,
} from '../plenary/mosaicLayout';
import {
  nothingDrawnKey,
  territoryName,
  TileGrid,
  useLargeSvg,
  useNothingDrawn,
  VoteTotal,
} from '../plenary/MosaicTile';
import { captionFloorPx, useAreaSize, useSharedAspect } from '../plenary/territoryLives';
import { shownVote } from '../plenary/tileVotes';
import { useSharpPhotos } from '../plenary/useSharpPhotos';
import '../plenary/mosaic.css';

const GAP = 12;

/**
 * Where the projector's top row (the board's title and the timer) goes while the mosaic shows:
 * above the tiles, or the timer alone in a column at their right when that leaves them larger
 * (railPlacement: a 16:9 screen, whose sides three rows of cartons leave empty). The title is
 * not needed there: the tiles name their territories.
 */
function useProjectorRail(
  section: HTMLElement | null,
  count: number,
  aspect: number,
): { placement: RailPlacement; column: number } {
  const [, remeasure] = useState(0);
  const main = section?.closest('main') ?? null;
  const top = main?.querySelector<HTMLElement>('.projector-top') ?? null;
  useEffect(() => {
    if (!main) return;
    const observer = new ResizeObserver(() => remeasure((n) => n + 1));
    observer.observe(main);
    if (top) observer.observe(top);
    return () => observer.disconnect();
  }, [main, top]);
  if (!main || !top || !section || count === 0) return { placement: 'top', column: 0 };
  const footer = main.querySelector<HTMLElement>('.projector-footer');
  const timer = top.querySelector<HTMLElement>('.forum-timer');
  const style = getComputedStyle(section);
  const px = (value: string) => parseFloat(value) || 0;
  // The mosaic's own padding on both sides: beside the tiles, its right padding also holds the
  // column (projector.css), which railPlacement takes off again. Read from there, the side came
  // out a column short, the row won, and the row's padding chose the side: with a timer running
  // at 1440 × 900 the mosaic flipped between the two at every resize callback, without end.
  const screen = {
    width: main.clientWidth - 2 * px(style.paddingLeft),
    height: main.clientHeight - (footer?.offsetHeight ?? 0),
  };
  // The row as tall as the top row with the timer in it; the column as wide as the timer.
  const topStyle = getComputedStyle(top);
  const padY = px(topStyle.paddingTop) + px(topStyle.paddingBottom);
  const rail = {
    row: Math.max(px(topStyle.minHeight), (timer?.offsetHeight ?? 0) + padY),
    column: timer ? timer.offsetWidth + px(topStyle.paddingRight) : 0,
  };
  return {
    placement: railPlacement(count, screen, aspect, GAP, minTileWidth(captionFloorPx()), rail),
    column: rail.column,
  };
}

export function ProjectorMosaic({
  boards,
  lives,
  votes,
  onOpen,
}: {
  boards: readonly ForumBoard[];
  lives: ReadonlyMap<string, LiveBoard>;
  votes: readonly VoteState[];
  onOpen: (boardId: string) => void;
}) {
  const { t } = useTranslation();
  const [grid, setGrid] = useState<HTMLUListElement | null>(null);
  const [section, setSection] = useState<HTMLElement | null>(null);
  const area = useAreaSize(grid);
  const aspect = useSharedAspect(lives);
  const rail = useProjectorRail(section, boards.length, aspect);
  const layout =
    area && boards.length > 0
      ? mosaicLayout(boards.length, area, aspect, GAP, minTileWidth(captionFloorPx()))
      : null;
  return (
    <section
      className="projector-mosaic"
      aria-label={t('projector.mosaic')}
      data-rail={rail.placement}
      ref={setSection}
      style={{ '--rail-column': `${rail.column}px` } as CSSProperties}
    >
      <TileGrid
        boards={boards}
        lives={lives}
        layout={layout}
        gap={GAP}
        aspect={aspect}
        votes={votes}
        onOpen={onOpen}
        onBring={null}
        gridRef={setGrid}
      />
    </section>
  );
}

/**
 * The territory shown large, in the top row beside the timer (in place of the plenary's title,
 * which a row of its own above it cost the drawing 90 px of width): its name, its place among
 * the territories and its vote's total.
 */
export function TerritoryTitle({
  board,
  votes,
  n,
  count,
}: {
  board: ForumBoard;
  votes: readonly VoteState[];
  n: number;
  count: number;
}) {
  const { t } = useTranslation();
  const vote = shownVote(votes, board.id);
  return (
    <h2 className="projector-territory-title">
      <span className="projector-territory-name">{territoryName(board)}</span>{' '}
      <span className="projector-territory-position">{t('projector.position', { n, count })}</span>
      {vote && <VoteTotal vote={vote} boardId={board.id} />}
    </h2>
  );
}

/** One territory's carton on the whole slide, live, with each note's dots once a vote closed. */
export function ProjectorTerritory({
  board,
  live,
  votes,
  n,
  count,
}: {
  board: ForumBoard;
  live: LiveBoard;
  votes: readonly VoteState[];
  n: number;
  count: number;
}) {
  const { t } = useTranslation();
  const vote = shownVote(votes, board.id);
  const svg = useLargeSvg(live, board.id, vote);
  const drawing = useSharpPhotos<HTMLDivElement>(live, svg);
  const nothing = useNothingDrawn(live);
  const name = territoryName(board);
  return (
    <section
      className="projector-territory"
      data-board-id={board.id}
      data-shapes={live.shapeCount()}
      aria-label={t('projector.territory', { name, n, count })}
    >
      <div
        ref={drawing}
        className="projector-slide"
        role="img"
        aria-label={board.title}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      {nothing && (
        <p className="projector-empty" data-state={nothing}>
          <span>{t(nothingDrawnKey(nothing))}</span>
        </p>
      )}
    </section>
  );
}
