import { Board, SERVER_ORIGIN, shapesMapOf, type Shape } from '@carton/board';
import * as Y from 'yjs';

export interface RestoreSummary {
  /** Shapes in the restored version. */
  shapes: number;
  /** Shapes removed or replaced, and shapes (re)created. */
  deleted: number;
  created: number;
}

/** Key-order independent JSON, so two reads of the same shape compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Cartons first (children name them as parent), arrows last (they bind to the others). */
const CREATE_ORDER = (shape: Shape): number =>
  shape.type === 'carton' ? 0 : shape.type === 'arrow' ? 2 : 1;

/**
 * R37: makes the live board's shapes those of a stored version, as ONE transaction with the
 * server origin, through the model's commands: shapes not in the version are deleted, shapes
 * that differ are replaced (same id), missing ones are created; equal shapes are not touched,
 * so the change is small and concurrent edits elsewhere survive. Everyone connected receives it
 * as one ordinary update. Undo cannot take it back (the server origin is in nobody's undo
 * history): the route keeps an auto version of the board just before.
 * Only readable shapes are restored (malformed records in the version are skipped).
 */
export function restoreVersion(doc: Y.Doc, versionState: Uint8Array): RestoreSummary {
  const versionDoc = new Y.Doc();
  let target: Shape[];
  try {
    Y.applyUpdate(versionDoc, versionState);
    target = new Board(versionDoc).listShapes();
  } finally {
    versionDoc.destroy();
  }
  const wanted = new Map(target.map((shape) => [shape.id, shape]));
  const wantedText = new Map(target.map((shape) => [shape.id, canonical(shape)]));
  const board = new Board(doc);
  try {
    return board.run((tx) => {
      let deleted = 0;
      // Deleting a carton takes its contents and unbinds arrows: repeat until stable.
      for (let round = 0; round < 4; round++) {
        const shapes = shapesMapOf(doc);
        const doomed: string[] = [];
        for (const id of shapes?.keys() ?? []) {
          const current = tx.getShape(id);
          if (!current || wantedText.get(id) !== canonical(current)) doomed.push(id);
        }
        if (doomed.length === 0) break;
        deleted += doomed.length;
        tx.delete(doomed);
      }
      let created = 0;
      const missing = target
        .filter((shape) => tx.getShape(shape.id) === undefined)
        .sort((a, b) => CREATE_ORDER(a) - CREATE_ORDER(b));
      for (const shape of missing) {
        const { type, ...input } = shape;
        tx.create(type, input as Parameters<typeof tx.create>[1]);
        created++;
      }
      return { shapes: wanted.size, deleted, created };
    }, SERVER_ORIGIN);
  } finally {
    board.destroy();
  }
}
