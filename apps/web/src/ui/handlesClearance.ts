// On a phone the toolbar and the selection's actions cover the bottom of the canvas, so a note
// tapped low on the screen had its bottom handles under them, out of reach. After such a tap the
// camera pans (never zooms) just enough to bring the handles above the panels.
import type { Camera } from '../geometry/camera';
import type { Rect } from '../geometry/rect';
import { handleRadius, rotateHandleOffset, selectionBox, toScreenRect } from '../board/handles';

/** The band of the canvas not covered by the header (top) and bottom panels, in canvas pixels. */
export interface ClearBand {
  top: number;
  bottom: number;
}

/**
 * The camera that shows the touch handles of a selection framing `world` inside `clear`, or
 * null when they already clear the bottom panels. Moves up only as far as keeps the rotate handle
 * below the header, so a selection taller than the band keeps its top in reach.
 */
export function cameraClearingHandles(
  camera: Camera,
  world: Rect,
  clear: ClearBand,
): Camera | null {
  const screen = toScreenRect(camera, world);
  const reach = handleRadius(true);
  const lowest = screen.y + screen.height + reach;
  if (lowest <= clear.bottom) return null;
  const highest = screen.y - rotateHandleOffset(true) - reach;
  const dy = Math.max(clear.bottom - lowest, Math.min(0, clear.top - highest));
  return dy < 0 ? { ...camera, y: camera.y + dy } : null;
}

/** The same for a selection of shapes, framed as the selection box frames them. */
export function cameraClearingSelection(
  camera: Camera,
  ids: readonly string[],
  boundsOf: (id: string) => Rect | undefined,
  typeOf: (id: string) => string | undefined,
  clear: ClearBand,
): Camera | null {
  const box = selectionBox(ids, boundsOf, typeOf);
  return box ? cameraClearingHandles(camera, box.world, clear) : null;
}
