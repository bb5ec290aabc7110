// The shapes an arrow's ends are bound to, live from the board view: the drawn ends stop at
// their outlines (arrowDrawnEnds), so the arrow redraws when a target changes, even when the
// anchor point itself does not move (a resize about the anchor).
import { useCallback, useContext, useSyncExternalStore } from 'react';
import type { ArrowShape, ArrowTargets, BoardView, Shape } from '@carton/board';
import { SessionContext } from '../../board/context';

const NOTHING = () => () => undefined;

function useShape(view: BoardView | undefined, id: string | undefined): Shape | undefined {
  const subscribe = useCallback(
    (listener: () => void) => (view && id ? view.subscribeShape(id, listener) : NOTHING()),
    [view, id],
  );
  return useSyncExternalStore(subscribe, () => (view && id ? view.getShape(id) : undefined));
}

/** Bound targets of `arrow`; none outside a board session (the arrow then draws as stored). */
export function useArrowTargets(arrow: ArrowShape): ArrowTargets {
  const view = useContext(SessionContext)?.view;
  const start = useShape(view, arrow.startBinding?.shapeId);
  const end = useShape(view, arrow.endBinding?.shapeId);
  return { start, end };
}
