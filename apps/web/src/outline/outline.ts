// « Contenu »: the board as text, in reading order — each carton (in the projector's order) with
// what lies in it, then what lies outside every carton. The canvas is pixels; this outline is
// what a screen reader, a keyboard or Ctrl+F reads instead (WCAG 1.1.1, 2.4).
import { shapeBounds, type Shape } from '@carton/board';
import {
  DIVIDING_TYPES,
  isTallAndThin,
  readingOrder,
  type PlacedShape,
} from '../board/keyboardNav';
import { slideOrder } from '../projector/slides';

/** What the outline lists by its words. */
export type OutlineEntryKind = 'carton' | 'heading' | 'text' | 'note';
/** What the outline only counts (« 2 dessins », « 1 photo »). */
export type OutlineCountKind = 'stroke' | 'image' | 'stamp' | 'arrow' | 'shape';

export interface OutlineEntry {
  readonly id: string;
  readonly kind: OutlineEntryKind;
  /** A note's or text's words, a carton's title. */
  readonly text: string;
  readonly locked: boolean;
  /** Title of the top-level carton it lies in, or null outside every carton. */
  readonly cartonTitle: string | null;
}

export interface OutlineCount {
  readonly kind: OutlineCountKind;
  readonly count: number;
}

export interface OutlineGroup {
  /** The top-level carton, or null for what lies outside every carton. */
  readonly carton: OutlineEntry | null;
  readonly entries: readonly OutlineEntry[];
  readonly counts: readonly OutlineCount[];
}

export interface Outline {
  readonly groups: readonly OutlineGroup[];
  /** Every entry (cartons included) in reading order: what Enter and the arrows go through. */
  readonly entries: readonly OutlineEntry[];
}

/** A text at least this large is a heading (« Conditions présentes »); the default is 32. */
export const HEADING_MIN_FONT_SIZE = 36;

const COUNT_ORDER: readonly OutlineCountKind[] = ['image', 'stroke', 'shape', 'arrow', 'stamp'];

export function countKindOf(shape: Shape): OutlineCountKind | null {
  switch (shape.type) {
    case 'stroke':
    case 'image':
    case 'stamp':
    case 'arrow':
      return shape.type;
    case 'rect':
    case 'ellipse':
      return 'shape';
    default:
      return null;
  }
}

export function entryOf(shape: Shape, cartonTitle: string | null): OutlineEntry | null {
  const base = { id: shape.id, locked: shape.locked === true, cartonTitle };
  switch (shape.type) {
    case 'carton':
      return { ...base, kind: 'carton', text: shape.title };
    case 'note':
      return { ...base, kind: 'note', text: shape.text };
    case 'text':
      return {
        ...base,
        kind: shape.fontSize >= HEADING_MIN_FONT_SIZE ? 'heading' : 'text',
        text: shape.text,
      };
    default:
      return null;
  }
}

function placed(shape: Shape): PlacedShape {
  const box = shapeBounds(shape);
  return {
    id: shape.id,
    bounds: { x: box.x, y: box.y, width: box.w, height: box.h },
    parentId: shape.parentId,
    type: shape.type,
  };
}

/**
 * One group's entries in the board's keyboard reading order (rows top to bottom, each left to
 * right, a divider's columns one after the other) and its counts. `members` are the group's
 * shapes, its carton (`frame`) left out.
 */
function fill(
  members: readonly Shape[],
  cartonTitle: string | null,
  byId: ReadonlyMap<string, Shape>,
  frame?: Shape,
): { entries: OutlineEntry[]; counts: OutlineCount[] } {
  const counts = new Map<OutlineCountKind, number>();
  const placedShapes: PlacedShape[] = [];
  for (const shape of members) {
    const kind = countKindOf(shape);
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    if (!kind) placedShapes.push(placed(shape));
    else if (DIVIDING_TYPES.has(shape.type)) {
      // A divider is only counted, but it orders the entries: the same columns as Tab's.
      const rule = placed(shape);
      if (isTallAndThin(rule)) placedShapes.push(rule);
    }
  }
  // Only listed shapes and dividers need boxes: drawings and arrows (most of a big board) are
  // counted, and a drawing's box is only measured when it could be a divider.
  const box = frame ? placed(frame).bounds : undefined;
  const entries = readingOrder(placedShapes, box).flatMap((id) => {
    const shape = byId.get(id);
    const entry = shape ? entryOf(shape, cartonTitle) : null;
    return entry ? [entry] : [];
  });
  return {
    entries,
    counts: COUNT_ORDER.flatMap((kind) => {
      const count = counts.get(kind) ?? 0;
      return count > 0 ? [{ kind, count }] : [];
    }),
  };
}

/** The board's outline: cartons in the projector's order, then what lies outside them. */
export function buildOutline(shapes: readonly Shape[]): Outline {
  const byId = new Map(shapes.map((s) => [s.id, s] as const));
  const cartons = slideOrder(shapes).flatMap((slide) => {
    const carton = slide.kind === 'carton' ? byId.get(slide.id) : undefined;
    return carton ? [carton] : [];
  });
  const cartonIds = new Set(cartons.map((c) => c.id));
  // Each shape joins its carton (cartons never nest, M9), or none: a parent that is gone or
  // not a carton leaves it outside, as the projector shows it.
  const members = new Map<string | null, Shape[]>();
  for (const shape of shapes) {
    if (cartonIds.has(shape.id)) continue;
    const root = shape.parentId !== null && cartonIds.has(shape.parentId) ? shape.parentId : null;
    const list = members.get(root);
    if (list) list.push(shape);
    else members.set(root, [shape]);
  }
  const groups: OutlineGroup[] = cartons.map((carton) => {
    const head = entryOf(carton, null) as OutlineEntry;
    const title = carton.type === 'carton' ? carton.title : '';
    return { carton: head, ...fill(members.get(carton.id) ?? [], title, byId, carton) };
  });
  const loose = members.get(null);
  if (loose?.length) groups.push({ carton: null, ...fill(loose, null, byId) });
  return {
    groups,
    entries: groups.flatMap((g) => (g.carton ? [g.carton, ...g.entries] : g.entries)),
  };
}

/**
 * The outline rebuilt, keeping the previous entry objects that did not change: rows are
 * memoised by entry, so a remote edit of one note re-renders that note's row only.
 */
export function reuseEntries(previous: Outline | null, next: Outline): Outline {
  if (!previous) return next;
  const old = new Map(previous.entries.map((e) => [e.id, e] as const));
  const same = (a: OutlineEntry, b: OutlineEntry) =>
    a.kind === b.kind &&
    a.text === b.text &&
    a.locked === b.locked &&
    a.cartonTitle === b.cartonTitle;
  const keep = (entry: OutlineEntry): OutlineEntry => {
    const before = old.get(entry.id);
    return before && same(before, entry) ? before : entry;
  };
  const groups = next.groups.map((g) => ({
    carton: g.carton ? keep(g.carton) : null,
    entries: g.entries.map(keep),
    counts: g.counts,
  }));
  const entries = groups.flatMap((g) => (g.carton ? [g.carton, ...g.entries] : g.entries));
  // Nothing the outline shows changed (a note moved within its row): the same object, no render.
  const unchanged =
    entries.length === previous.entries.length &&
    entries.every((e, i) => e === previous.entries[i]) &&
    groups.length === previous.groups.length &&
    groups.every((g, i) => sameGroup(g, previous.groups[i]));
  return unchanged ? previous : { groups, entries };
}

function sameGroup(a: OutlineGroup, b: OutlineGroup | undefined): boolean {
  return (
    b !== undefined &&
    a.carton === b.carton &&
    a.entries.length === b.entries.length &&
    a.counts.length === b.counts.length &&
    a.counts.every((c, i) => c.kind === b.counts[i]?.kind && c.count === b.counts[i]?.count)
  );
}
