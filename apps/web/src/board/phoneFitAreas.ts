// Where a phone's fit-all may put the board. Upright, the folded people pill and « ? » float at
// the screen's right edge under the header: a first fit in the whole area below the header put a
// territory's carton under them (at 320 × 640, « ? » over the end of « Conditions de succès —
// Kamouraska »; a taller board's title and its columns' tops under both). The fit goes either
// below them across the whole width, or beside them down the whole height, whichever shows the
// board larger (a wide carton: below; a tall board: beside).
// Only the fit-all: the zoom to a note being written keeps its own area (editZoom.ts), which the
// keyboard already makes short; taken from there too, it left no room to write above it.
import type { Rect } from '../geometry/rect';

/** Screen pixels kept between the floating controls and the board fitted below or beside them. */
const CLEARANCE = 8;
/** An area narrower or shorter than this is no place to show a board. */
const SMALLEST = 100;

/**
 * The areas of `area` clear of `controls` (the people pill and « ? » together, in the same
 * coordinates): below them, beside them, as many as are large enough; `[area]` when nothing
 * floats over it.
 */
export function clearOfFloatingControls(area: Rect, controls: Rect | null): Rect[] {
  if (!controls || controls.width <= 0 || controls.height <= 0) return [area];
  const bottom = area.y + area.height;
  const overlaps =
    controls.y < bottom &&
    controls.y + controls.height > area.y &&
    controls.x < area.x + area.width &&
    controls.x + controls.width > area.x;
  if (!overlaps) return [area];
  const belowTop = Math.max(area.y, controls.y + controls.height + CLEARANCE);
  const below = { x: area.x, y: belowTop, width: area.width, height: bottom - belowTop };
  const besideRight = Math.min(area.x + area.width, controls.x - CLEARANCE);
  const beside = { ...area, width: besideRight - area.x };
  const clear = [below, beside].filter((r) => r.width >= SMALLEST && r.height >= SMALLEST);
  return clear.length ? clear : [area];
}

/**
 * The phone's floating people pill and « ? » as laid out now, in canvas pixels, or null where
 * they do not float over the board (wider than a phone, where both are in the header or a
 * panel) or show no pill (the list opened, a menu that folds at the next tap).
 */
export function measuredFloatingControls(): Rect | null {
  if (typeof document === 'undefined') return null;
  const canvas = document.querySelector('.canvas')?.getBoundingClientRect();
  const people = document.querySelector('.editor > .people');
  if (!canvas || !people || people.classList.contains('open')) return null;
  const boxes = [people, document.querySelector('.editor > .help-floating')]
    .flatMap((el) => (el ? [el.getBoundingClientRect()] : []))
    .filter((box) => box.width > 0 && box.height > 0);
  if (!boxes.length) return null;
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  const right = Math.max(...boxes.map((b) => b.right));
  const bottom = Math.max(...boxes.map((b) => b.bottom));
  return {
    x: left - canvas.left,
    y: top - canvas.top,
    width: right - left,
    height: bottom - top,
  };
}
