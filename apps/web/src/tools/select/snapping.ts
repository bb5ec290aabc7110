// Snapping a moving box to other shapes' edges and centres, with the guides to draw.
import { rectContains, rectsIntersect, type Rect } from '../../geometry/rect';
import type { Guide, ToolContext } from '../types';

export interface SnapResult {
  dx: number;
  dy: number;
  guides: Guide[];
}

/** Shapes this far (screen pixels) from the moving box can be snapped to. */
export const SNAP_REACH_PX = 400;
/**
 * A gesture gathers its targets this much further (screen pixels) than the reach, so the finger
 * can cross most of a phone's screen before they are gathered again.
 */
const GATHER_PX = 1200;

type Axis = 'x' | 'y';

function lines(r: Rect, axis: Axis): [number, number, number] {
  return axis === 'x'
    ? [r.x, r.x + r.width / 2, r.x + r.width]
    : [r.y, r.y + r.height / 2, r.y + r.height];
}

function widen(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + by * 2, height: r.height + by * 2 };
}

/** Lines of one axis sorted by position, each with the index of the target it belongs to. */
interface SortedLines {
  at: Float64Array;
  owner: Uint32Array;
}

function sortLines(rects: readonly Rect[], axis: Axis): SortedLines {
  const all: { at: number; owner: number }[] = [];
  rects.forEach((r, owner) => {
    for (const at of lines(r, axis)) all.push({ at, owner });
  });
  all.sort((a, b) => a.at - b.at);
  return {
    at: Float64Array.from(all, (l) => l.at),
    owner: Uint32Array.from(all, (l) => l.owner),
  };
}

/** Index of the first line at or past `value`. */
function firstFrom(sorted: SortedLines, value: number): number {
  let lo = 0;
  let hi = sorted.at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted.at[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The boxes a gesture may snap to, with their edge and centre lines sorted on each axis: a move
 * looks up the few lines within the threshold, not every line of every shape. Only targets
 * meeting `reach` (the moving box grown by SNAP_REACH_PX) count.
 */
export class SnapTargets {
  private readonly sorted: Record<Axis, SortedLines>;

  constructor(readonly rects: readonly Rect[]) {
    this.sorted = { x: sortLines(rects, 'x'), y: sortLines(rects, 'y') };
  }

  /** The nearest line to `value` within `threshold`, as the offset to add to reach it. */
  nearest(
    axis: Axis,
    value: number,
    threshold: number,
    reach: Rect | null,
  ): { offset: number; at: number } | null {
    const sorted = this.sorted[axis];
    let best: { offset: number; at: number } | null = null;
    for (let i = firstFrom(sorted, value - threshold); i < sorted.at.length; i++) {
      const at = sorted.at[i] ?? Infinity;
      if (at > value + threshold) break;
      if (!this.counts(sorted.owner[i] ?? 0, reach)) continue;
      const offset = at - value;
      if (!best || Math.abs(offset) < Math.abs(best.offset)) best = { offset, at };
    }
    return best;
  }

  /** Targets with a line on `at` (within half a unit). */
  touching(axis: Axis, at: number, reach: Rect | null): Rect[] {
    const sorted = this.sorted[axis];
    const out: Rect[] = [];
    for (let i = firstFrom(sorted, at - 0.5); i < sorted.at.length; i++) {
      const line = sorted.at[i] ?? Infinity;
      if (line >= at + 0.5) break;
      const owner = sorted.owner[i] ?? 0;
      const rect = this.rects[owner];
      if (rect && Math.abs(line - at) < 0.5 && this.counts(owner, reach)) out.push(rect);
    }
    return out;
  }

  private counts(owner: number, reach: Rect | null): boolean {
    const rect = this.rects[owner];
    return rect !== undefined && (reach === null || rectsIntersect(rect, reach));
  }
}

/**
 * One gesture's snapping targets, gathered when it first moves and again only when the moving
 * box's reach leaves what was gathered: the other shapes do not move under the finger.
 * A peer's edit during the gesture is not seen until then (its shape snaps where it was), which
 * costs a guide at most and spares a spatial query and a pass over every near shape per move.
 */
export class GestureSnapping {
  private gathered: { area: Rect; targets: SnapTargets } | null = null;

  constructor(private readonly moving: ReadonlySet<string>) {}

  /** The targets for `box` this move, and the reach they count within. */
  near(ctx: Pick<ToolContext, 'snapTargets' | 'zoom'>, box: Rect): [SnapTargets, Rect] {
    const reach = widen(box, SNAP_REACH_PX / ctx.zoom);
    let gathered = this.gathered;
    if (!gathered || !rectContains(gathered.area, reach)) {
      const area = widen(reach, GATHER_PX / ctx.zoom);
      gathered = { area, targets: new SnapTargets(ctx.snapTargets(area, this.moving)) };
      this.gathered = gathered;
    }
    return [gathered.targets, reach];
  }
}

const asTargets = (targets: readonly Rect[] | SnapTargets): SnapTargets =>
  targets instanceof SnapTargets ? targets : new SnapTargets(targets);

function bestOffset(
  moving: Rect,
  targets: SnapTargets,
  axis: Axis,
  threshold: number,
  reach: Rect | null,
) {
  let best: { offset: number; at: number } | null = null;
  for (const m of lines(moving, axis)) {
    const found = targets.nearest(axis, m, threshold, reach);
    if (found && (!best || Math.abs(found.offset) < Math.abs(best.offset))) best = found;
  }
  return best;
}

/**
 * Snaps `moving` (already at its unsnapped position) to the nearest edge or centre line of
 * `targets` within `threshold` world units, independently on each axis; with `reach`, only
 * targets meeting it count.
 */
export function snapBox(
  moving: Rect,
  targets: readonly Rect[] | SnapTargets,
  threshold: number,
  reach: Rect | null = null,
): SnapResult {
  const sorted = asTargets(targets);
  const bx = bestOffset(moving, sorted, 'x', threshold, reach);
  const by = bestOffset(moving, sorted, 'y', threshold, reach);
  const dx = bx?.offset ?? 0;
  const dy = by?.offset ?? 0;
  const snapped = { ...moving, x: moving.x + dx, y: moving.y + dy };
  const guides: Guide[] = [];
  if (bx) guides.push(guideFor('x', bx.at, snapped, sorted, reach));
  if (by) guides.push(guideFor('y', by.at, snapped, sorted, reach));
  return { dx, dy, guides };
}

// The guide spans the moving box and every target touching the same line.
function guideFor(
  axis: Axis,
  at: number,
  moving: Rect,
  targets: SnapTargets,
  reach: Rect | null,
): Guide {
  const along = (r: Rect): [number, number] =>
    axis === 'x' ? [r.y, r.y + r.height] : [r.x, r.x + r.width];
  let [from, to] = along(moving);
  for (const t of targets.touching(axis, at, reach)) {
    const [a, b] = along(t);
    from = Math.min(from, a);
    to = Math.max(to, b);
  }
  return { axis, at, from, to };
}

/**
 * Snaps the edges a resize handle moves (the west edge for 'w', 'nw', 'sw', …) to the nearest
 * edge or centre line of `targets` (those meeting `reach`, if given); dx, dy are what to add to
 * the pointer's delta.
 */
export function snapResize(
  box: Rect,
  handle: string,
  targets: readonly Rect[] | SnapTargets,
  threshold: number,
  reach: Rect | null = null,
): SnapResult {
  const sorted = asTargets(targets);
  const edge = (axis: Axis): number | null => {
    if (axis === 'x') {
      if (handle.includes('w')) return box.x;
      return handle.includes('e') ? box.x + box.width : null;
    }
    if (handle.includes('n')) return box.y;
    return handle.includes('s') ? box.y + box.height : null;
  };
  const best = (axis: Axis) => {
    const at = edge(axis);
    return at === null ? null : sorted.nearest(axis, at, threshold, reach);
  };
  const bx = best('x');
  const by = best('y');
  const grow = (r: Rect, axis: Axis, offset: number): Rect => {
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
  if (bx) guides.push(guideFor('x', bx.at, snapped, sorted, reach));
  if (by) guides.push(guideFor('y', by.at, snapped, sorted, reach));
  return { dx: bx?.offset ?? 0, dy: by?.offset ?? 0, guides };
}
