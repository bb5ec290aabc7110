// One territory brought up large inside the mosaic (the facilitator's « let's look at
// Témiscouata »): its live drawing fills the mosaic's area under the header (which writes its
// name large), ‹ › and ← → to the previous or next territory, Escape or « Retour à la
// mosaïque » back to the tiles.
// It is the same LiveBoard as the tile: nothing more is connected or drawn.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteState } from '@carton/board';
import type { ForumBoard } from '../forum/api';
import { focusKey, isTyping, type FocusMove } from './focusNav';
import type { LiveBoard } from './liveBoard';
import { nothingDrawnKey, territoryName, useLargeSvg, useNothingDrawn } from './MosaicTile';
import { useSharpPhotos } from './useSharpPhotos';

/**
 * The mosaic's keys while a territory is shown large, heard first (capture) and kept from the
 * plenary board behind, whose arrows would move its chosen shape and Escape let go of it.
 */
export function useFocusKeys(
  ids: readonly string[],
  current: string | null,
  apply: (move: FocusMove) => void,
): void {
  useEffect(() => {
    if (current === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const move = focusKey(e.key, ids, current);
      if (!move) return;
      e.preventDefault();
      e.stopPropagation();
      apply(move);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [ids, current, apply]);
}

/** A chevron drawn as a thick line (the font's ‹ › are thin and small from afar). */
function Chevron({ pointing }: { pointing: 'left' | 'right' }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={pointing === 'left' ? 'M15 4 7 12l8 8' : 'M9 4l8 8-8 8'}
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function MosaicFocus({
  board,
  live,
  vote,
  count,
  previous,
  next,
  onShow,
}: {
  board: ForumBoard;
  live: LiveBoard;
  vote: VoteState | null;
  count: number;
  previous: ForumBoard;
  next: ForumBoard;
  onShow: (boardId: string) => void;
}) {
  const { t } = useTranslation();
  const svg = useLargeSvg(live, board.id, vote);
  const drawing = useSharpPhotos<HTMLDivElement>(live, svg);
  const nothing = useNothingDrawn(live);
  const name = territoryName(board);
  const several = count > 1;
  return (
    // `mosaic-large`: the name the tile opened large had (the forum's e2e test finds it by it).
    <section
      className="mosaic-focus mosaic-large"
      data-board-id={board.id}
      data-shapes={live.shapeCount()}
      aria-label={t('mosaic.focused', { name })}
    >
      {several && (
        <button
          type="button"
          className="mosaic-step"
          data-step="previous"
          onClick={() => onShow(previous.id)}
          aria-label={t('mosaic.previous', { name: territoryName(previous) })}
          title={t('mosaic.previous', { name: territoryName(previous) })}
        >
          <Chevron pointing="left" />
        </button>
      )}
      <div className="mosaic-focus-stage">
        <div
          ref={drawing}
          className="mosaic-focus-svg"
          role="img"
          aria-label={board.title}
          dangerouslySetInnerHTML={{ __html: svg }}
        />
        {nothing && (
          <p className="mosaic-empty" data-state={nothing}>
            {t(nothingDrawnKey(nothing))}
          </p>
        )}
      </div>
      {several && (
        <button
          type="button"
          className="mosaic-step"
          data-step="next"
          onClick={() => onShow(next.id)}
          aria-label={t('mosaic.next', { name: territoryName(next) })}
          title={t('mosaic.next', { name: territoryName(next) })}
        >
          <Chevron pointing="right" />
        </button>
      )}
    </section>
  );
}
