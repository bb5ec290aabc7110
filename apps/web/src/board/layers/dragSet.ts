// What the drag layer draws while shapes are dragged: the dragged shapes and the arrows bound to
// them. A bound arrow follows its shape on every move; left on the static layer, it made Konva
// redraw the whole board's layer each frame of a drag (a slow phone's dropped frames).
import type { Shape } from '@carton/board';
import { NO_DRAGGING } from '../store';

/**
 * `dragging` plus the ids among `ids` of arrows with an end bound to a dragged shape; `dragging`
 * itself (same set) when no such arrow exists.
 */
export function withBoundArrows(
  ids: readonly string[],
  dragging: ReadonlySet<string>,
  getShape: (id: string) => Shape | undefined,
): ReadonlySet<string> {
  if (dragging.size === 0) return dragging;
  let out: Set<string> | null = null;
  for (const id of ids) {
    if (dragging.has(id)) continue;
    const shape = getShape(id);
    if (shape?.type !== 'arrow') continue;
    const bound = (end: typeof shape.startBinding) => !!end && dragging.has(end.shapeId);
    if (bound(shape.startBinding) || bound(shape.endBinding)) {
      out ??= new Set(dragging);
      out.add(id);
    }
  }
  return out ?? dragging;
}

/**
 * Whether my selection's outlines and handles, and the snapping guides, are drawn on the drag
 * layer: every chosen shape is being dragged, so they change with it there, and the interaction
 * layer's canvas (the size of the stage) is not cleared, redrawn and handed to the compositor on
 * every frame of the drag.
 */
export function selectionOnDragLayer(
  selection: readonly string[],
  dragging: ReadonlySet<string>,
): boolean {
  return (
    dragging !== NO_DRAGGING && selection.length > 0 && selection.every((id) => dragging.has(id))
  );
}
