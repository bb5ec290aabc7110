// Handles of the selection box (eight resize handles and one rotate handle), in screen space so
// they stay finger-sized at any zoom. One box for single and multi selections: the union of the
// selected shapes' page bounds.
import { worldToScreen, type Camera } from '../geometry/camera';
import { unionRects, type Point, type Rect } from '../geometry/rect';
import type { ResizeHandle, SelectionHandle } from '../tools/types';

export const HANDLES: readonly ResizeHandle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

/** Screen pixels between the top of the box and the rotate handle's centre. */
export function rotateHandleOffset(coarse: boolean): number {
  return coarse ? 40 : 26;
}

/** Hit radius of a handle: a 44 px target on coarse pointers (touch). */
export function handleRadius(coarse: boolean): number {
  return coarse ? 22 : 9;
}

export function handlePosition(r: Rect, handle: ResizeHandle): Point {
  const x = handle.includes('w') ? r.x : handle.includes('e') ? r.x + r.width : r.x + r.width / 2;
  const y = handle.includes('n') ? r.y : handle.includes('s') ? r.y + r.height : r.y + r.height / 2;
  return { x, y };
}

/** Where the rotate handle sits: above the top edge's middle, `offset` screen pixels out. */
export function rotateHandlePosition(screenRect: Rect, offset: number): Point {
  return { x: screenRect.x + screenRect.width / 2, y: screenRect.y - offset };
}

/**
 * The resize handles a selection box of this on-screen size offers. Each handle's target (a disc
 * of `radius`) must leave the shape's middle free, so a finger on a small shape moves it instead
 * of resizing it, and few handles cover little of its text (a note at a phone's fitted 23 %):
 * - all eight while the edge handles stay out of the middle half (both sides ≥ 4 radii);
 * - the four corners while theirs stay out of the middle half (half-diagonal ≥ 2 radii);
 * - the bottom-right corner alone while its target stays off the centre (half-diagonal ≥ 1 radius);
 * - none below: the shape still moves, and is resized after zooming in.
 */
export function resizeHandlesFor(screenRect: Rect, radius: number): readonly ResizeHandle[] {
  const { width, height } = screenRect;
  if (width >= radius * 4 && height >= radius * 4) return HANDLES;
  const halfDiagonal = Math.hypot(width, height) / 2;
  if (halfDiagonal >= radius * 2) return CORNERS;
  if (halfDiagonal >= radius) return ONE_CORNER;
  return [];
}

const CORNERS: readonly ResizeHandle[] = ['nw', 'ne', 'se', 'sw'];
const ONE_CORNER: readonly ResizeHandle[] = ['se'];

/** Which resize handle of `screenRect` is under `p`; `radius` grows for touch. */
export function handleAtPoint(screenRect: Rect, p: Point, radius: number): ResizeHandle | null {
  let best: ResizeHandle | null = null;
  let bestDistance = radius;
  for (const handle of resizeHandlesFor(screenRect, radius)) {
    const h = handlePosition(screenRect, handle);
    const d = Math.hypot(h.x - p.x, h.y - p.y);
    if (d <= bestDistance) {
      best = handle;
      bestDistance = d;
    }
  }
  return best;
}

/** What the selection box offers: arrows alone are edited by their ends, so they only rotate. */
export interface SelectionBox {
  world: Rect;
  resizable: boolean;
}

export function selectionBox(
  ids: readonly string[],
  boundsOf: (id: string) => Rect | undefined,
  typeOf: (id: string) => string | undefined,
): SelectionBox | null {
  const world = unionRects(ids.flatMap((id) => boundsOf(id) ?? []));
  if (!world) return null;
  const single = ids.length === 1 ? typeOf(ids[0] ?? '') : undefined;
  return { world, resizable: single !== 'arrow' };
}

export function toScreenRect(camera: Camera, r: Rect): Rect {
  const topLeft = worldToScreen(camera, r);
  return {
    x: topLeft.x,
    y: topLeft.y,
    width: r.width * camera.zoom,
    height: r.height * camera.zoom,
  };
}

/** The handle of the selection box under screen point `p` (the rotate handle wins ties). */
export function selectionHandleAt(
  box: SelectionBox,
  camera: Camera,
  p: Point,
  coarse: boolean,
): SelectionHandle | null {
  const screen = toScreenRect(camera, box.world);
  const radius = handleRadius(coarse);
  const rotate = rotateHandlePosition(screen, rotateHandleOffset(coarse));
  if (Math.hypot(rotate.x - p.x, rotate.y - p.y) <= radius) return 'rotate';
  return box.resizable ? handleAtPoint(screen, p, radius) : null;
}

// CSS has no rotate cursor: a small circular arrow (white-edged to show on any fill), with
// `grab` for browsers that refuse image cursors.
const ROTATE_CURSOR_SVG =
  "<svg xmlns='http://www.w3.org/2000/svg' width='24' height='24' viewBox='0 0 24 24'>" +
  "<path d='M18 13a6 6 0 1 1-1.8-4.3' fill='none' stroke='white' stroke-width='4.5'/>" +
  "<path d='M18 13a6 6 0 1 1-1.8-4.3' fill='none' stroke='black' stroke-width='2'/>" +
  "<path d='M19.5 4.5v6.5h-6.5z' fill='black' stroke='white' stroke-width='1.2'/></svg>";
export const ROTATE_CURSOR = `url("data:image/svg+xml,${encodeURIComponent(ROTATE_CURSOR_SVG)}") 12 12, grab`;

const RESIZE_CURSORS: Record<ResizeHandle, string> = {
  nw: 'nwse-resize',
  se: 'nwse-resize',
  ne: 'nesw-resize',
  sw: 'nesw-resize',
  n: 'ns-resize',
  s: 'ns-resize',
  e: 'ew-resize',
  w: 'ew-resize',
};

/** The cursor a handle shows under the mouse (the selection box is always axis-aligned). */
export function handleCursor(handle: SelectionHandle): string {
  return handle === 'rotate' ? ROTATE_CURSOR : RESIZE_CURSORS[handle];
}

/** What the pointer is over, as far as the cursor cares. */
export interface HoverTarget {
  tool: string;
  readOnly: boolean;
  spacePan: boolean;
  /** The pointer is panning the view (hand tool, space or middle button held down). */
  panning: boolean;
  handle: SelectionHandle | null;
  overShape: boolean;
}

/**
 * The canvas cursor for what is under the pointer, or null to keep the tool's own cursor
 * (crosshair for drawing tools, grab for the hand, …).
 */
export function hoverCursor(t: HoverTarget): string | null {
  if (t.panning) return 'grabbing';
  if (t.spacePan || t.readOnly || t.tool !== 'select') return null;
  if (t.handle) return handleCursor(t.handle);
  return t.overShape ? 'move' : null;
}
