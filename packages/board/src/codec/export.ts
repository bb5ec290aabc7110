import * as Y from 'yjs';
import type { ShapesMap } from '../doc/layout.ts';
import { readMeta, shapesMapOf } from '../doc/layout.ts';
import { isShapeId } from '../ids/ids.ts';
import { storableJsonProblem } from '../json/json.ts';
import type { ReadCache } from '../read/read.ts';
import { readRecord } from '../read/read.ts';
import { isShapeType } from '../shapes/registry.ts';
import { isValidIndex } from '../zorder/zorder.ts';
import { BoardFileError } from './errors.ts';
import type { BoardFile, BoardFileShape } from './file.ts';
import { BOARD_FILE_FORMAT, BOARD_FILE_VERSION } from './file.ts';
import { MAX_FILE_JSON_DEPTH } from './import.ts';

/**
 * The board as readers see it (M16): readable shapes with references repaired (arrow ends as
 * stored, bindings kept), plus records of unknown types that have an id, a type and a valid
 * index whose values an import takes (MAX_FILE_JSON_DEPTH). Malformed records of known types
 * are left out. Sorted by (index, id).
 */
export function exportBoard(
  doc: Y.Doc,
  /** The board's territory (its row's), written into a territory board's meta. */
  options: { territory?: string | null } = {},
): BoardFile {
  const meta = readMeta(doc);
  if (meta === null) {
    throw new BoardFileError([
      { code: 'invalid_value', path: 'meta', message: 'the board has no readable meta' },
    ]);
  }
  const shapes = shapesMapOf(doc);
  const records: BoardFileShape[] = [];
  if (shapes !== undefined) {
    const cache: ReadCache = new Map();
    for (const id of shapes.keys()) {
      const record = exportRecord(shapes, id, cache);
      if (record !== undefined) records.push(record);
    }
  }
  records.sort((a, b) =>
    a.index < b.index ? -1 : a.index > b.index ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  return {
    format: BOARD_FILE_FORMAT,
    version: BOARD_FILE_VERSION,
    meta: {
      schemaVersion: meta.schemaVersion,
      title: meta.title,
      kind: meta.kind,
      ...(meta.kind === 'territory' && options.territory ? { territory: options.territory } : {}),
    },
    shapes: records,
  };
}

function exportRecord(shapes: ShapesMap, id: string, cache: ReadCache): BoardFileShape | undefined {
  const map = shapes.get(id);
  if (!(map instanceof Y.Map)) return undefined;
  const type = map.get('type');
  if (isShapeType(type)) return readRecord(shapes, id, cache);
  if (typeof type !== 'string' || map.get('id') !== id || !isShapeId(id)) return undefined;
  if (!isValidIndex(map.get('index'))) return undefined;
  const record = map.toJSON() as Record<string, unknown>;
  // Nested past what an import takes (a peer wrote it over the socket): left out like a
  // malformed record, so every file Carton writes imports again.
  if (storableJsonProblem(record, MAX_FILE_JSON_DEPTH) !== null) return undefined;
  return canonicalRecord(record);
}

/**
 * id, type and index first, then the other keys sorted: the same record is written the same
 * way however its keys were inserted (by a peer, or by an import), so files are stable.
 */
function canonicalRecord(record: Record<string, unknown>): BoardFileShape {
  const { id, type, index, ...rest } = record;
  const out: Record<string, unknown> = { id, type, index };
  for (const key of Object.keys(rest).sort()) out[key] = rest[key];
  return out as BoardFileShape;
}
