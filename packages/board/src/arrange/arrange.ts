// « Aligner et répartir » (M34): align the chosen shapes on an edge or centre of their box,
// spread them with equal gaps, or lay them out in a tidy grid. The geometry is pure
// (planArrange); arrangeShapes writes the plan with the transaction's own update, so moving a
// carton moves its children (M6), locks are honoured (M33) and bound arrows follow (M8).
import type { BoardTransaction } from '../commands/types.ts';
import { isLocked } from '../shapes/common/base.ts';
import type { Box } from '../shapes/common/geometry.ts';
import type { Shape } from '../shapes/registry.ts';
import { shapeBounds, shapesBounds } from '../shapes/registry.ts';

export const ARRANGE_KINDS = [
  'left',
  'centre',
  'right',
  'top',
  'middle',
  'bottom',
  'distributeHorizontal',
  'distributeVertical',
  'grid',
] as const;

/** Six alignments (on the box of the shapes), two distributions, and the grid. */
export type ArrangeKind = (typeof ARRANGE_KINDS)[number];

/** Room between shapes laid out in a grid (page units; a note is 200 wide). */
export const ARRANGE_GRID_GAP = 24;

/** Fewest shapes an arrangement needs: a distribution keeps the two outermost where they are. */
export function arrangeMinimum(kind: ArrangeKind): number {
  return kind === 'distributeHorizontal' || kind === 'distributeVertical' ? 3 : 2;
}

export interface ArrangeMove {
  readonly id: string;
  readonly dx: number;
  readonly dy: number;
}

/** `arranged`: done (moves may be empty if all were in place); the others change nothing. */
export type ArrangeOutcome = 'arranged' | 'allLocked' | 'tooFew';

export interface ArrangePlan {
  readonly kind: ArrangeKind;
  readonly outcome: ArrangeOutcome;
  /** The shapes arranged: moved, or already in place (anchors), in the order given. */
  readonly arranged: readonly string[];
  /** Chosen shapes left alone and not used as anchors because they are locked (M33). */
  readonly locked: readonly string[];
  /** Non-zero moves; a carton's move carries its children (M6), which are not listed. */
  readonly moves: readonly ArrangeMove[];
}

export interface ArrangeOptions {
  /** Grid gap, ARRANGE_GRID_GAP by default. */
  readonly gap?: number;
  /** A carton's page box, or null when missing (the grid's columns fit the carton's width). */
  readonly cartonBox?: (cartonId: string) => Box | null;
}

interface Item {
  readonly id: string;
  readonly shape: Shape;
  readonly box: Box;
}

/**
 * Which chosen shapes take part: not a locked one (M33), not a child whose chosen carton carries
 * it (M6), not an arrow bound to a shape (its bound ends follow their shapes, M8).
 */
function participants(shapes: readonly Shape[]): { items: Item[]; locked: string[] } {
  const locked = shapes.filter((s) => isLocked(s)).map((s) => s.id);
  const free = shapes.filter((s) => !isLocked(s));
  const movingCartons = new Set(free.filter((s) => s.type === 'carton').map((s) => s.id));
  const seen = new Set<string>();
  const items: Item[] = [];
  for (const shape of free) {
    if (seen.has(shape.id)) continue;
    seen.add(shape.id);
    if (shape.parentId !== null && movingCartons.has(shape.parentId)) continue;
    if (shape.type === 'arrow' && (shape.startBinding || shape.endBinding)) continue;
    items.push({ id: shape.id, shape, box: shapeBounds(shape) });
  }
  return { items, locked };
}

/** Plans an arrangement of `shapes` (page bounds, rotation included) without writing. */
export function planArrange(
  shapes: readonly Shape[],
  kind: ArrangeKind,
  options: ArrangeOptions = {},
): ArrangePlan {
  const { items, locked } = participants(shapes);
  const arranged = items.map((item) => item.id);
  if (items.length < arrangeMinimum(kind)) {
    const outcome = items.length === 0 && locked.length > 0 ? 'allLocked' : 'tooFew';
    return { kind, outcome, arranged: [], locked, moves: [] };
  }
  let moves: ArrangeMove[];
  if (kind === 'distributeHorizontal' || kind === 'distributeVertical') {
    moves = distribute(items, kind === 'distributeHorizontal' ? 'x' : 'y');
  } else if (kind === 'grid') {
    const gap = options.gap ?? ARRANGE_GRID_GAP;
    moves = grid(items, gap, sharedCartonBox(shapes, items, options));
  } else {
    moves = align(items, kind);
  }
  return {
    kind,
    outcome: 'arranged',
    arranged,
    locked,
    moves: moves.filter((m) => m.dx !== 0 || m.dy !== 0),
  };
}

/**
 * Arranges the chosen shapes inside the caller's `board.run` (one transaction, one undo step
 * with a local origin). Reads through the transaction, so it sees the document as it is now.
 */
export function arrangeShapes(
  tx: BoardTransaction,
  ids: readonly string[],
  kind: ArrangeKind,
  options: Omit<ArrangeOptions, 'cartonBox'> = {},
): ArrangePlan {
  const shapes = ids.flatMap((id) => tx.getShape(id) ?? []);
  const byId = new Map(shapes.map((s) => [s.id, s]));
  const plan = planArrange(shapes, kind, {
    ...options,
    cartonBox: (id) => {
      const carton = tx.getShape(id);
      return carton?.type === 'carton' ? shapeBounds(carton) : null;
    },
  });
  for (const move of plan.moves) {
    const shape = byId.get(move.id);
    if (shape) tx.update(move.id, { x: shape.x + move.dx, y: shape.y + move.dy });
  }
  return plan;
}

function align(items: readonly Item[], kind: ArrangeKind): ArrangeMove[] {
  const all = boxOf(items);
  return items.map(({ id, box }) => {
    switch (kind) {
      case 'left':
        return { id, dx: all.x - box.x, dy: 0 };
      case 'centre':
        return { id, dx: all.x + all.w / 2 - (box.x + box.w / 2), dy: 0 };
      case 'right':
        return { id, dx: all.x + all.w - (box.x + box.w), dy: 0 };
      case 'top':
        return { id, dx: 0, dy: all.y - box.y };
      case 'middle':
        return { id, dx: 0, dy: all.y + all.h / 2 - (box.y + box.h / 2) };
      default:
        return { id, dx: 0, dy: all.y + all.h - (box.y + box.h) };
    }
  });
}

/** The page box of the arranged shapes (their bounds, rotation included). */
function boxOf(items: readonly Item[]): Box {
  return shapesBounds(items.map((item) => item.shape)) as Box;
}

/**
 * Equal gaps along one axis: in order of their centres, the first and the last stay where they
 * are and the others are spaced between them, whatever their sizes (the gap may be negative
 * when they overlap more than the span allows).
 */
function distribute(items: readonly Item[], axis: 'x' | 'y'): ArrangeMove[] {
  const size = axis === 'x' ? 'w' : 'h';
  const centre = (item: Item) => item.box[axis] + item.box[size] / 2;
  const sorted = [...items].sort((a, b) => centre(a) - centre(b) || compareIds(a.id, b.id));
  const first = sorted[0] as Item;
  const last = sorted[sorted.length - 1] as Item;
  const span = last.box[axis] + last.box[size] - first.box[axis];
  const sizes = sorted.reduce((sum, item) => sum + item.box[size], 0);
  const gap = (span - sizes) / (sorted.length - 1);
  let at = first.box[axis] + first.box[size] + gap;
  const moves: ArrangeMove[] = [];
  for (const item of sorted.slice(1, -1)) {
    const delta = at - item.box[axis];
    moves.push({ id: item.id, dx: axis === 'x' ? delta : 0, dy: axis === 'y' ? delta : 0 });
    at += item.box[size] + gap;
  }
  return moves;
}

/**
 * Reading order of the shapes as they lie: rows from the top (a shape whose centre is above the
 * bottom of a row's first shape belongs to that row), each row from the left.
 */
export function readingOrder<T extends { readonly id: string; readonly box: Box }>(
  items: readonly T[],
): T[] {
  const byTop = [...items].sort(
    (a, b) => a.box.y - b.box.y || a.box.x - b.box.x || compareIds(a.id, b.id),
  );
  const rows: T[][] = [];
  let rowBottom = -Infinity;
  for (const item of byTop) {
    const row = rows[rows.length - 1];
    if (row && item.box.y + item.box.h / 2 < rowBottom) row.push(item);
    else {
      rows.push([item]);
      rowBottom = item.box.y + item.box.h;
    }
  }
  return rows.flatMap((row) =>
    row.sort((a, b) => a.box.x - b.box.x || a.box.y - b.box.y || compareIds(a.id, b.id)),
  );
}

/** The carton every arranged shape sits in (not itself arranged), or null. */
function sharedCartonBox(
  shapes: readonly Shape[],
  items: readonly Item[],
  options: ArrangeOptions,
): Box | null {
  const parentOf = new Map(shapes.map((s) => [s.id, s.parentId]));
  const parents = new Set(items.map((item) => parentOf.get(item.id) ?? null));
  const [parent] = parents;
  if (parents.size !== 1 || !parent || !options.cartonBox) return null;
  return options.cartonBox(parent);
}

/** Column widths and row heights of `ordered` laid out `cols` wide. */
function tracks(ordered: readonly Item[], cols: number): { widths: number[]; heights: number[] } {
  const widths: number[] = [];
  const heights: number[] = [];
  ordered.forEach(({ box }, i) => {
    const c = i % cols;
    const r = Math.floor(i / cols);
    widths[c] = Math.max(widths[c] ?? 0, box.w);
    heights[r] = Math.max(heights[r] ?? 0, box.h);
  });
  return { widths, heights };
}

const total = (sizes: readonly number[], gap: number) =>
  sizes.reduce((sum, s) => sum + s, 0) + gap * Math.max(0, sizes.length - 1);

/**
 * A grid in reading order from the shapes' top-left: each column as wide as its widest shape,
 * each row as tall as its tallest, `gap` between them. About √n columns; inside one carton, as
 * many as fit between the grid's left and the carton's right edge (less a gap), at least one.
 */
function grid(items: readonly Item[], gap: number, carton: Box | null): ArrangeMove[] {
  const ordered = readingOrder(items);
  const origin = boxOf(items);
  const n = ordered.length;
  let cols = Math.ceil(Math.sqrt(n));
  if (carton) {
    const room = carton.x + carton.w - gap - origin.x;
    cols = 1;
    for (let c = n; c > 1; c--) {
      if (total(tracks(ordered, c).widths, gap) <= room) {
        cols = c;
        break;
      }
    }
  }
  const { widths, heights } = tracks(ordered, cols);
  const columnX = widths.map((_, c) => origin.x + total(widths.slice(0, c), gap) + (c ? gap : 0));
  const rowY = heights.map((_, r) => origin.y + total(heights.slice(0, r), gap) + (r ? gap : 0));
  return ordered.map(({ id, box }, i) => ({
    id,
    dx: (columnX[i % cols] as number) - box.x,
    dy: (rowY[Math.floor(i / cols)] as number) - box.y,
  }));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
