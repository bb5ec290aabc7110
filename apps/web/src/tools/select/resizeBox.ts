// Resizing a box by one of its eight handles; the opposite side stays put.
import type { Point, Rect } from '../../geometry/rect';
import type { ResizeHandle } from '../types';

export const MIN_SIZE = 16;

export function resizeBox(
  start: Rect,
  handle: ResizeHandle,
  delta: Point,
  keepAspect: boolean,
  minSize = MIN_SIZE,
): Rect {
  let left = start.x;
  let top = start.y;
  let right = start.x + start.width;
  let bottom = start.y + start.height;
  if (handle.includes('w')) left = Math.min(left + delta.x, right - minSize);
  if (handle.includes('e')) right = Math.max(right + delta.x, left + minSize);
  if (handle.includes('n')) top = Math.min(top + delta.y, bottom - minSize);
  if (handle.includes('s')) bottom = Math.max(bottom + delta.y, top + minSize);
  let width = right - left;
  let height = bottom - top;
  if (keepAspect && start.width > 0 && start.height > 0) {
    const ratio = start.width / start.height;
    const horizontalOnly = handle === 'e' || handle === 'w';
    const verticalOnly = handle === 'n' || handle === 's';
    // The dominant change wins; the other side follows the ratio.
    if (horizontalOnly || (!verticalOnly && width / start.width >= height / start.height)) {
      height = width / ratio;
    } else {
      width = height * ratio;
    }
    if (handle.includes('w')) left = right - width;
    if (handle.includes('n')) top = bottom - height;
    if (verticalOnly) left = start.x + (start.width - width) / 2;
    if (horizontalOnly) top = start.y + (start.height - height) / 2;
  }
  return { x: left, y: top, width, height };
}
