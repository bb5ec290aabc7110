// When the outline is rebuilt: after the document changes — the board view never hears cursors
// or selections (awareness) — and at most once per window, so a remote drag written every frame
// or a burst of edits on a 10,000-shape board costs a few rebuilds, not one per update.
import type { BoardView } from '@carton/board';

export const REBUILD_MS = 250;

/** Calls `rebuild` once per `ms` window in which the view changed. Returns the unsubscribe. */
export function watchOutline(view: BoardView, rebuild: () => void, ms = REBUILD_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = view.subscribe(() => {
    timer ??= setTimeout(() => {
      timer = null;
      rebuild();
    }, ms);
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
