// Snapping a moving box to other shapes' edges and centres, with the guides to draw.
import type { Rect } from '../../geometry/rect';
import type { Guide } from '../types';

export interface SnapResult {
  dx: number;
  dy: number;
  guides: Guide[];
}

function lines(r: Rect, axis: 'x' | 'y'): number[] {
  return axis === 'x'
    ? [r.x, r.x + r.width / 2, r.x + r.width]
    : [r.y, r.y + r.height / 2, r.y + r.height];
}

function bestOffset(moving: Rect, targets: readonly Rect[], axis: 'x' | 'y', threshold: number) {
  let best: { offset: number; at: number } | null = null;
  for (const target of targets) {
    for (const t of lines(target, axis)) {
      for (const m of lines(moving, axis)) {
        const offset = t - m;
        if (Math.abs(offset) <= threshold && (!best || Math.abs(offset) < Math.abs(best.offset))) {
          best = { offset, at: t };
        }
      }
    }
  }
  return best;
}

/**
 * Snaps `moving` (already at its unsnapped position) to the nearest edge or centre line of
 * `targets` within `threshold` world units, independently on each axis.
 */
export function snapBox(moving: Rect, targets: readonly Rect[], threshold: number): SnapResult {
  const bx = bestOffset(moving, targets, 'x', threshold);
  const by = bestOffset(moving, targets, 'y', threshold);
  const dx = bx?.offset ?? 0;
  const dy = by?.offset ?? 0;
  const snapped = { ...moving, x: moving.x + dx, y: moving.y + dy };
  const guides: Guide[] = [];
  if (bx) guides.push(guideFor('x', bx.at, snapped, targets));
  if (by) guides.push(guideFor('y', by.at, snapped, targets));
  return { dx, dy, guides };
}

// The guide spans the moving box and every target touching the same line.
function guideFor(axis: 'x' | 'y', at: number, moving: Rect, targets: readonly Rect[]): Guide {
  const along = (r: Rect): [number, number] =>
    axis === 'x' ? [r.y, r.y + r.height] : [r.x, r.x + r.width];
  let [from, to] = along(moving);
  for (const t of targets) {
    if (lines(t, axis).some((v) => Math.abs(v - at) < 0.5)) {
      const [a, b] = along(t);
      from = Math.min(from, a);
      to = Math.max(to, b);
    }
  }
  return { axis, at, from, to };
}

/**
 * Snaps the edges a resize handle moves (the west edge for 'w', 'nw', 'sw', …) to the nearest
 * edge or centre line of `targets`; dx, dy are what to add to the pointer's delta.
 */
export function snapResize(
  box: Rect,
  handle: string,
  targets: readonly Rect[],
  threshold: number,
): SnapResult {
  const edge = (axis: 'x' | 'y'): number | null => {
    if (axis === 'x') {
      if (handle.includes('w')) return box.x;
      return handle.includes('e') ? box.x + box.width : null;
    }
    if (handle.includes('n')) return box.y;
    return handle.includes('s') ? box.y + box.height : null;
  };
  const best = (axis: 'x' | 'y') => {
    const at = edge(axis);
    if (at === null) return null;
    let found: { offset: number; at: number } | null = null;
    for (const target of targets) {
      for (const t of lines(target, axis)) {
        const offset = t - at;
        if (Math.abs(offset) <= threshold && (!found || Math.abs(offset) < Math.abs(found.offset)))
          found = { offset, at: t };
      }
    }
    return found;
  };
  const bx = best('x');
  const by = best('y');
  const grow = (r: Rect, axis: 'x' | 'y', offset: number): Rect => {
    const west = axis === 'x' ? handle.includes('w') : handle.includes('n');
    if (axis === 'x')
      return west
        ? { ...r, x: r.x + offset, width: r.width - offset }
        : { ...r, width: r.width + offset };
    return west
      ? { ...r, y: r.y + offset, height: r.height - offset }
      : { ...r, height: r.height + offset };
  };
  let snapped = box;
  if (bx) snapped = grow(snapped, 'x', bx.offset);
  if (by) snapped = grow(snapped, 'y', by.offset);
  const guides: Guide[] = [];
  if (bx) guides.push(guideFor('x', bx.at, snapped, targets));
  if (by) guides.push(guideFor('y', by.at, snapped, targets));
  return { dx: bx?.offset ?? 0, dy: by?.offset ?? 0, guides };
}
