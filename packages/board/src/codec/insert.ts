import type { Board } from '../board/board.ts';
import type { ShapeCreateInput } from '../commands/types.ts';
import { shapesMapOf } from '../doc/layout.ts';
import { newShapeId } from '../ids/ids.ts';
import type { Origin } from '../origin/origin.ts';
import type { ArrowBinding } from '../shapes/arrow/arrow.ts';
import type { Shape, ShapeType } from '../shapes/registry.ts';
import { isShapeType } from '../shapes/registry.ts';
import { isValidIndex, keysBetween } from '../zorder/zorder.ts';
import type { ParsedBoardFile } from './import.ts';

export interface InsertSummary {
  /** Shapes created on the board. */
  readonly created: number;
  /** Records of types this Carton does not know (they cannot go through commands). */
  readonly skipped: number;
  /** File id → new board id. */
  readonly ids: ReadonlyMap<string, string>;
}

export interface InsertOptions {
  /** Moves every shape by this much (default none). */
  readonly offset?: { readonly x: number; readonly y: number };
  /** Id source (tests); default newShapeId. */
  readonly newId?: () => string;
}

/** Cartons first (children name them), arrows last (they bind to the others). */
const CREATE_RANK = (type: ShapeType): number => (type === 'carton' ? 0 : type === 'arrow' ? 2 : 1);

/**
 * M31: adds the shapes of a validated board file to a live board, as ONE `board.run` with
 * `origin` (the server's, for an import over HTTP): every shape gets a new id (so a file can
 * be imported twice, or into the board it came from), parents and bindings follow the new
 * ids, and the file's z-order is kept above everything already on the board.
 */
export function insertBoardFile(
  board: Board,
  file: ParsedBoardFile,
  origin: Origin,
  options: InsertOptions = {},
): InsertSummary {
  const newId = options.newId ?? newShapeId;
  const dx = options.offset?.x ?? 0;
  const dy = options.offset?.y ?? 0;
  const known = file.shapes.filter((record): record is Shape => isShapeType(record.type));
  const ids = new Map(known.map((shape) => [shape.id, newId()] as const));
  const mapBinding = (binding: ArrowBinding | null): ArrowBinding | null => {
    const target = binding === null ? undefined : ids.get(binding.shapeId);
    return binding === null || target === undefined ? null : { ...binding, shapeId: target };
  };
  return board.run((tx) => {
    tx.ensureRoom(known.length); // M37: the whole file fits, or nothing is written
    const indices = keysBetween(topIndex(board), null, known.length);
    const planned = known.map((shape, order) => ({ shape, order }));
    planned.sort(
      (a, b) => CREATE_RANK(a.shape.type) - CREATE_RANK(b.shape.type) || a.order - b.order,
    );
    for (const { shape, order } of planned) {
      const { type, id, index: _index, parentId, ...props } = shape;
      const input: Record<string, unknown> = {
        ...props,
        x: shape.x + dx,
        y: shape.y + dy,
        id: ids.get(id),
        index: indices[order],
        parentId: parentId === null ? null : (ids.get(parentId) ?? null),
      };
      if (shape.type === 'arrow') {
        input['startBinding'] = mapBinding(shape.startBinding);
        input['endBinding'] = mapBinding(shape.endBinding);
      }
      tx.create(type, input as ShapeCreateInput<typeof type>);
    }
    return { created: known.length, skipped: file.shapes.length - known.length, ids };
  }, origin);
}

/** The highest index of any record on the board, readable or not. */
function topIndex(board: Board): string | null {
  let top: string | null = null;
  for (const record of shapesMapOf(board.doc)?.values() ?? []) {
    const index: unknown = record.get('index');
    if (isValidIndex(index) && (top === null || index > top)) top = index;
  }
  return top;
}
