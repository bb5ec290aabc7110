// Keeping the outline up to date without rebuilding it: a remote edit every 100 ms on a
// 10,000-shape board rebuilt it (reading order of 6,000 notes) four times a second, which cost
// frames while panning. Most edits change a note's words or redraw a stroke: the outline then
// only needs those entries replaced. Anything that could move a line (a shape added, removed,
// moved, resized, reparented, turned into another kind, any change to a carton) rebuilds.
import { shapeBounds, type Shape } from '@carton/board';
import { DIVIDING_TYPES, isTallAndThin } from '../board/keyboardNav';
import { countKindOf, entryOf, type Outline, type OutlineEntry } from './outline';

/** The shapes an outline was built from, by id (snapshots keep their identity while unchanged). */
export type ShapesById = ReadonlyMap<string, Shape>;

function couldDivide(shape: Shape): boolean {
  if (!DIVIDING_TYPES.has(shape.type)) return false;
  const box = shapeBounds(shape);
  return isTallAndThin({
    type: shape.type,
    bounds: { x: box.x, y: box.y, width: box.w, height: box.h },
  });
}

function sameBox(a: Shape, b: Shape): boolean {
  const p = shapeBounds(a);
  const q = shapeBounds(b);
  return p.x === q.x && p.y === q.y && p.w === q.w && p.h === q.h;
}

/**
 * `outline` (built from `before`) brought up to `after`, the same ids in the same order, or null
 * when the change needs a rebuild. Unchanged: the same object back (nothing to draw again).
 */
export function patchOutline(
  outline: Outline,
  before: ShapesById,
  after: ShapesById,
): Outline | null {
  if (before.size !== after.size) return null;
  const replaced = new Map<string, OutlineEntry>();
  const listed = new Map(outline.entries.map((e) => [e.id, e] as const));
  for (const [id, next] of after) {
    const previous = before.get(id);
    if (previous === next) continue;
    if (!previous || previous.type !== next.type || previous.parentId !== next.parentId)
      return null;
    // A drawing, photo, stamp, arrow or frame is only counted: its group's count is unchanged,
    // unless it is or becomes a divider, whose box orders its carton's columns.
    if (countKindOf(next) !== null) {
      if (!sameBox(previous, next) && (couldDivide(previous) || couldDivide(next))) return null;
      continue;
    }
    if (next.type === 'carton' || !sameBox(previous, next)) return null;
    const old = listed.get(id);
    const entry = old ? entryOf(next, old.cartonTitle) : null;
    if (!old || !entry) return null;
    if (entry.text !== old.text || entry.kind !== old.kind || entry.locked !== old.locked) {
      replaced.set(id, entry);
    }
  }
  if (replaced.size === 0) return outline;
  const swap = (e: OutlineEntry) => replaced.get(e.id) ?? e;
  const groups = outline.groups.map((g) =>
    g.entries.some((e) => replaced.has(e.id)) ? { ...g, entries: g.entries.map(swap) } : g,
  );
  return { groups, entries: outline.entries.map(swap) };
}
