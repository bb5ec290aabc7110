// Moving through the board without a pointer: the order Tab visits shapes in, and where a shape
// placed with Enter lands. Pure functions over boxes, so they are tested without a board.
import { rectsIntersect, type Point, type Rect } from '../geometry/rect';

/** What the reading order needs of a shape. */
export interface PlacedShape {
  id: string;
  bounds: Rect;
  parentId: string | null;
  /** The shape's type: only a rectangle or a pen line can be a divider (see `isDivider`). */
  type?: string;
}

/** Shape types that can divide a carton into columns: a rule drawn as a rectangle or a pen line. */
export const DIVIDING_TYPES: ReadonlySet<string> = new Set(['rect', 'stroke']);

/** A divider is at least this many times taller than wide… */
const DIVIDER_THINNESS = 8;
/** …and spans at least this share of its carton's height (of its siblings' when it has none). */
const DIVIDER_SPAN = 0.6;

/** Whether a shape's box alone makes it a divider candidate (tall and thin), whatever its frame. */
export function isTallAndThin(shape: { type?: string; bounds: Rect }): boolean {
  return (
    (shape.type === undefined || DIVIDING_TYPES.has(shape.type)) &&
    shape.bounds.height >= DIVIDER_THINNESS * Math.max(shape.bounds.width, 1)
  );
}

/**
 * Whether `shape` divides `frame` into columns: a tall, thin rule (the territory carton's line
 * between « Conditions présentes » and « Conditions souhaitées ») spanning most of its height.
 */
export function isDivider(shape: PlacedShape, frame: Rect): boolean {
  return isTallAndThin(shape) && shape.bounds.height >= DIVIDER_SPAN * frame.height;
}

/**
 * Shapes as a person reads the board: rows from top to bottom, each row left to right, and a
 * carton's contents right after the carton (so Tab goes through one territory's notes before
 * the next carton). A shape joins a row when its top is above the middle of the row's first
 * shape: notes placed by hand are never exactly aligned. A divider (`isDivider`) splits its
 * carton into columns read one after the other, each in rows, the divider between them: a
 * heading is followed by its own column's notes, not by the next column's heading. What lies
 * wholly above or below the dividers is read before or after the columns. `frame` is the box
 * the top-level shapes lie in (the carton the outline lists), by default their own extent.
 */
export function readingOrder(shapes: readonly PlacedShape[], frame?: Rect): string[] {
  const ids = new Set(shapes.map((s) => s.id));
  const byId = new Map(shapes.map((s) => [s.id, s] as const));
  const children = new Map<string | null, PlacedShape[]>();
  for (const shape of shapes) {
    const parent = shape.parentId !== null && ids.has(shape.parentId) ? shape.parentId : null;
    const list = children.get(parent);
    if (list) list.push(shape);
    else children.set(parent, [shape]);
  }
  const out: string[] = [];
  const visit = (parent: string | null) => {
    const siblings = children.get(parent) ?? [];
    const box = parent === null ? (frame ?? extent(siblings)) : byId.get(parent)?.bounds;
    for (const shape of inReadingOrder(siblings, box ?? extent(siblings))) {
      out.push(shape.id);
      visit(shape.id);
    }
  };
  visit(null);
  return out;
}

function extent(shapes: readonly PlacedShape[]): Rect {
  if (shapes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const left = Math.min(...shapes.map((s) => s.bounds.x));
  const top = Math.min(...shapes.map((s) => s.bounds.y));
  const right = Math.max(...shapes.map((s) => s.bounds.x + s.bounds.width));
  const bottom = Math.max(...shapes.map((s) => s.bounds.y + s.bounds.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

const centreX = (s: PlacedShape) => s.bounds.x + s.bounds.width / 2;
const centreY = (s: PlacedShape) => s.bounds.y + s.bounds.height / 2;

function inReadingOrder(siblings: readonly PlacedShape[], frame: Rect): PlacedShape[] {
  const dividers = siblings
    .filter((s) => isDivider(s, frame))
    .sort((a, b) => centreX(a) - centreX(b));
  if (dividers.length === 0) return inRows(siblings);
  const top = Math.min(...dividers.map((d) => d.bounds.y));
  const bottom = Math.max(...dividers.map((d) => d.bounds.y + d.bounds.height));
  const above: PlacedShape[] = [];
  const below: PlacedShape[] = [];
  const columns: PlacedShape[][] = dividers.map(() => []);
  columns.push([]);
  const set = new Set(dividers);
  for (const shape of siblings) {
    if (set.has(shape)) continue;
    const y = centreY(shape);
    if (y < top) above.push(shape);
    else if (y > bottom) below.push(shape);
    else {
      const x = centreX(shape);
      const column = dividers.findIndex((d) => x < centreX(d));
      columns[column === -1 ? dividers.length : column]?.push(shape);
    }
  }
  const read = columns.flatMap((column, i) => {
    const divider = dividers[i];
    return divider ? [...inRows(column), divider] : inRows(column);
  });
  return [...inRows(above), ...read, ...inRows(below)];
}

function inRows(siblings: readonly PlacedShape[]): PlacedShape[] {
  const byTop = [...siblings].sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x);
  const rows: PlacedShape[][] = [];
  let rowEnd = -Infinity;
  for (const shape of byTop) {
    const row = rows[rows.length - 1];
    if (row && shape.bounds.y < rowEnd) row.push(shape);
    else {
      rows.push([shape]);
      rowEnd = shape.bounds.y + shape.bounds.height / 2;
    }
  }
  return rows.flatMap((row) => row.sort((a, b) => a.bounds.x - b.bounds.x));
}

/**
 * The shape Tab (`step` 1) or Shift+Tab (-1) goes to from the selection, or null past either
 * end: the focus then leaves the board as usual, so Tab never traps anyone on the canvas.
 */
export function adjacentShape(
  order: readonly string[],
  selection: readonly string[],
  step: 1 | -1,
): string | null {
  if (order.length === 0) return null;
  if (selection.length === 0) return (step === 1 ? order[0] : order[order.length - 1]) ?? null;
  const positions = selection.map((id) => order.indexOf(id)).filter((i) => i >= 0);
  if (positions.length === 0) return order[0] ?? null;
  const from = step === 1 ? Math.max(...positions) : Math.min(...positions);
  return order[from + step] ?? null;
}

/** Offsets tried around the view's centre, nearest first, in steps of a shape's size. */
const RING: readonly Point[] = [
  { x: 0, y: 0 },
  { x: 1, y: 0 },
  { x: -1, y: 0 },
  { x: 0, y: 1 },
  { x: 0, y: -1 },
  { x: 1, y: 1 },
  { x: -1, y: 1 },
  { x: 1, y: -1 },
  { x: -1, y: -1 },
  { x: 2, y: 0 },
  { x: -2, y: 0 },
];

/**
 * Where a shape placed with Enter goes: the view's centre, or the nearest free spot around it,
 * so notes placed one after another sit side by side instead of hiding each other. With no
 * free spot, a small cascade keeps each new one visible.
 */
export function freeSpot(
  centre: Point,
  size: { width: number; height: number },
  occupied: (rect: Rect) => boolean,
  gap = 20,
): Point {
  const stepX = size.width + gap;
  const stepY = size.height + gap;
  for (const offset of RING) {
    const c = { x: centre.x + offset.x * stepX, y: centre.y + offset.y * stepY };
    const rect = { x: c.x - size.width / 2, y: c.y - size.height / 2, ...size };
    if (!occupied(rect)) return c;
  }
  return { x: centre.x + 24, y: centre.y + 24 };
}

/** Whether any of `boxes` overlaps `rect` (a test helper and the editor's occupancy check). */
export function overlapsAny(rect: Rect, boxes: readonly Rect[]): boolean {
  return boxes.some((box) => rectsIntersect(rect, box));
}
