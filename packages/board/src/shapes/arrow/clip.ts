// Where a bound arrow is drawn: a bound end stops at its shape's outline, a little short of it,
// on the line toward the other end, instead of at the anchor inside the shape (where the
// pointer was released, across the note's text). Drawing only: the model's ends (read.ts) stay
// on the anchors, so bindings, selection and hit-testing are unchanged. The editor's canvas
// and @carton/render's export both draw with this, so they agree.
import type { Point } from '../common/geometry.ts';
import { toLocal, toPage } from '../common/geometry.ts';
import type { Shape } from '../registry.ts';
import { definitionOf } from '../registry.ts';
import type { ArrowShape } from './arrow.ts';

/** Space between a bound end and its shape's outline, in board units. */
export const ARROW_GAP = 7;

/** The shapes an arrow's ends are bound to, as the reader resolved them (absent: free end). */
export interface ArrowTargets {
  readonly start?: Shape | undefined;
  readonly end?: Shape | undefined;
}

/**
 * Where the segment from `from` to `to` (page points) first enters `target`'s outline, as a
 * fraction of the way (0 at `from`); null when `from` is already inside or the segment misses.
 * The outline is the shape's rotated local box, or the ellipse inscribed in it for an ellipse.
 */
function entryAlong(target: Shape, from: Point, to: Point): number | null {
  const box = definitionOf(target.type).localBox(target);
  const a = toLocal(target, from);
  const b = toLocal(target, to);
  const d = { x: b.x - a.x, y: b.y - a.y };
  if (target.type === 'ellipse' && box.w > 0 && box.h > 0) {
    const rx = box.w / 2;
    const ry = box.h / 2;
    const p = { x: (a.x - box.x - rx) / rx, y: (a.y - box.y - ry) / ry };
    const q = { x: d.x / rx, y: d.y / ry };
    const qq = q.x * q.x + q.y * q.y;
    const pq = p.x * q.x + p.y * q.y;
    const pp = p.x * p.x + p.y * p.y - 1;
    if (pp <= 0 || qq === 0) return null;
    const disc = pq * pq - qq * pp;
    if (disc < 0) return null;
    const u = (-pq - Math.sqrt(disc)) / qq;
    return u >= 0 && u <= 1 ? u : null;
  }
  // Liang–Barsky against the box's two slabs.
  let enter = -Infinity;
  let exit = Infinity;
  for (const [start, delta, min, max] of [
    [a.x, d.x, box.x, box.x + box.w],
    [a.y, d.y, box.y, box.y + box.h],
  ] as const) {
    if (delta === 0) {
      if (start < min || start > max) return null;
      continue;
    }
    const u1 = (min - start) / delta;
    const u2 = (max - start) / delta;
    enter = Math.max(enter, Math.min(u1, u2));
    exit = Math.min(exit, Math.max(u1, u2));
  }
  if (enter > exit || enter < 0 || enter > 1) return null;
  return enter;
}

const bound = (binding: ArrowShape['startBinding'], target: Shape | undefined) =>
  binding !== null && target !== undefined && binding.shapeId === target.id ? target : undefined;

/**
 * The arrow's ends as drawn, in its local frame (as `start` and `end`). A bound end moves from
 * its anchor to where the line from the other end meets its shape's outline, `gap` short of it
 * (the start a further half line width, for its round cap). Free ends, ends whose target is not
 * given, and degenerate cases — the ends on top of each other, overlapping shapes leaving no
 * visible line — draw as stored: the straight line between the two anchors.
 */
export function arrowDrawnEnds(
  arrow: ArrowShape,
  targets: ArrowTargets,
  gap: number = ARROW_GAP,
): { start: Point; end: Point } {
  const stored = { start: arrow.start, end: arrow.end };
  const startTarget = bound(arrow.startBinding, targets.start);
  const endTarget = bound(arrow.endBinding, targets.end);
  if (!startTarget && !endTarget) return stored;
  const s = toPage(arrow, arrow.start);
  const e = toPage(arrow, arrow.end);
  const length = Math.hypot(e.x - s.x, e.y - s.y);
  if (!(length > 1e-6) || !Number.isFinite(length)) return stored;
  // Fractions of the way from start to end.
  let from = 0;
  let to = 1;
  if (startTarget) {
    const u = entryAlong(startTarget, e, s);
    if (u !== null) from = 1 - u + (gap + arrow.width / 2) / length;
  }
  if (endTarget) {
    const u = entryAlong(endTarget, s, e);
    if (u !== null) to = u - gap / length;
  }
  // Too short to show a line and its head: the shapes overlap or touch.
  if (!((to - from) * length >= arrow.width * 4)) return stored;
  const at = (t: number) => toLocal(arrow, { x: s.x + (e.x - s.x) * t, y: s.y + (e.y - s.y) * t });
  return { start: from === 0 ? arrow.start : at(from), end: to === 1 ? arrow.end : at(to) };
}
