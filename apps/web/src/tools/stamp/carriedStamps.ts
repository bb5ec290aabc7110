// A heart, star or vote dot put on a note travels with it (as FigJam's stamps on a sticky do).
// The rule is geometric, read once when a move begins, so every existing board and an older
// client's stamps follow too, and the model keeps no link to repair on copy, import or delete:
// a stamp is carried by a moved note when its centre lies on the note (in the note's own,
// possibly turned, frame), it is drawn above that note, it is not locked (M33) and it is not
// moving already (chosen itself, or a moving carton's child). Among several moved notes under
// it, the topmost below it carries it. A stamp dragged by itself is simply moved: it is then
// part of the selection, not carried. A resized or turned note keeps its stamps where they were
// on it (stampOnChangedNote).
import {
  hitTestShape,
  isLocked,
  shapeBounds,
  toLocal,
  toPage,
  type NoteShape,
  type Shape,
  type StampShape,
} from '@carton/board';
import { rectContainsPoint, type Rect } from '../../geometry/rect';
import type { ToolContext } from '../types';

/** What the rule reads of the board: the Scene answers it. */
export interface StampLookup {
  getShape(id: string): Shape | undefined;
  orderOf(id: string): number;
  /** Ids whose boxes meet `rect`, bottom to top. */
  visibleIds(rect: Rect): readonly string[];
}

/** Stamp id → the moved note that carries it. */
export type CarriedStamps = ReadonlyMap<string, string>;

export function carriedStamps(board: StampLookup, moving: ReadonlySet<string>): CarriedStamps {
  const carried = new Map<string, string>();
  for (const noteId of moving) {
    const note = board.getShape(noteId);
    if (note?.type !== 'note') continue;
    const noteOrder = board.orderOf(noteId);
    const b = shapeBounds(note);
    for (const id of board.visibleIds({ x: b.x, y: b.y, width: b.w, height: b.h })) {
      const stamp = board.getShape(id);
      if (stamp?.type !== 'stamp' || moving.has(id) || isLocked(stamp)) continue;
      const order = board.orderOf(id);
      if (order <= noteOrder) continue;
      const s = shapeBounds(stamp);
      if (!hitTestShape(note, { x: s.x + s.w / 2, y: s.y + s.h / 2 }, 0)) continue;
      const other = carried.get(id);
      if (other === undefined || board.orderOf(other) < noteOrder) carried.set(id, noteId);
    }
  }
  return carried;
}

/**
 * Where a stamp carried by a note goes when the note is resized or turned (`before` → `after`):
 * its centre keeps its place on the note (stretched with the note's sides, turned with it) and
 * the stamp turns with the note, its size unchanged: a heart in a note's corner stays in that
 * corner, not left behind off a shrunk note nor inside a note it no longer sits on.
 */
export function stampOnChangedNote(
  stamp: StampShape,
  before: NoteShape,
  after: NoteShape,
): Pick<StampShape, 'x' | 'y' | 'rotation'> {
  const half = { x: stamp.size / 2, y: stamp.size / 2 };
  const onNote = toLocal(before, toPage(stamp, half));
  const centre = toPage(after, {
    x: before.w > 0 ? (onNote.x * after.w) / before.w : onNote.x,
    y: before.h > 0 ? (onNote.y * after.h) / before.h : onNote.y,
  });
  const turn = after.rotation - before.rotation;
  // Kept in (-π, π] so that turn after turn stays within the model's bounds.
  const rotation =
    turn === 0
      ? stamp.rotation
      : Math.atan2(Math.sin(stamp.rotation + turn), Math.cos(stamp.rotation + turn));
  const corner = toPage({ x: 0, y: 0, rotation }, half);
  return { x: centre.x - corner.x, y: centre.y - corner.y, rotation };
}

/** The stamps carried by any of `noteIds` (to join them in a carton, or bring them forward). */
export function stampsOf(carried: CarriedStamps, noteIds: readonly string[]): string[] {
  const notes = new Set(noteIds);
  return [...carried].flatMap(([stamp, note]) => (notes.has(note) ? [stamp] : []));
}

/**
 * The stamps a drag of `ids` will carry, as a tool sees them (boxes only, so a little wider
 * than the rule: any stamp centred in a dragged note's box): they ride along, so the dragged
 * shapes must not snap to where they were.
 */
export function stampsRiding(
  ctx: Pick<ToolContext, 'getInfo' | 'shapesInRect'>,
  ids: Iterable<string>,
): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const note = ctx.getInfo(id);
    if (note?.type !== 'note') continue;
    const b = note.bounds;
    // A stamp partly off the note is still on it when its centre is.
    const around = {
      x: b.x - b.width,
      y: b.y - b.height,
      width: b.width * 3,
      height: b.height * 3,
    };
    for (const s of ctx.shapesInRect(around)) {
      const centre = { x: s.bounds.x + s.bounds.width / 2, y: s.bounds.y + s.bounds.height / 2 };
      if (s.type === 'stamp' && rectContainsPoint(b, centre)) out.push(s.id);
    }
  }
  return out;
}
