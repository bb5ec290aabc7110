// Resize handles of a single selection, in screen space (so they stay finger-sized at any zoom).
import type { Point, Rect } from '../geometry/rect';
import type { ResizeHandle } from '../tools/types';

export const HANDLES: readonly ResizeHandle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

export function handlePosition(r: Rect, handle: ResizeHandle): Point {
  const x = handle.includes('w') ? r.x : handle.includes('e') ? r.x + r.width : r.x + r.width / 2;
  const y = handle.includes('n') ? r.y : handle.includes('s') ? r.y + r.height : r.y + r.height / 2;
  return { x, y };
}

/** Which handle of `screenRect` is under `p`; `radius` grows for touch. */
export function handleAtPoint(screenRect: Rect, p: Point, radius: number): ResizeHandle | null {
  // Small shapes keep only corner handles so the body stays grabbable.
  const small = screenRect.width < radius * 4 || screenRect.height < radius * 4;
  let best: ResizeHandle | null = null;
  let bestDistance = radius;
  for (const handle of HANDLES) {
    if (small && handle.length === 1) continue;
    const h = handlePosition(screenRect, handle);
    const d = Math.hypot(h.x - p.x, h.y - p.y);
    if (d <= bestDistance) {
      best = handle;
      bestDistance = d;
    }
  }
  return best;
}
