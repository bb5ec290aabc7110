import * as Y from 'yjs';
import { z } from 'zod';
import type { Origin } from '../origin/origin.ts';
import { SERVER_ORIGIN } from '../origin/origin.ts';

// Layout: doc.getMap('board') → { meta: Y.Map, shapes: Y.Map<id, Y.Map<prop, value>> }.
export const ROOT_KEY = 'board';
export const META_KEY = 'meta';
export const SHAPES_KEY = 'shapes';

export const BOARD_SCHEMA_VERSION = 1;

/**
 * M36: a root map of its own, beside `board`, naming who made the last deletion that named its
 * author: one entry (a fresh key each time) `{ ids, by }`, the entries before it removed in the
 * same transaction. A deletion carries no author in Yjs, and the deleter's presence may be gone
 * by the time another device sees it (after reconnecting). A root map of its own so that a relay
 * can tell, from an update alone, a deletion naming its author from anything else (R30: a full
 * board still takes deletions).
 */
export const DELETED_BY_KEY = 'deletedBy';
/** A deleter's name is kept this long at most (names are shorter; a hostile one is cut). */
export const DELETED_BY_MAX_NAME = 100;

export const BOARD_KINDS = ['territory', 'plenary', 'postcards'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

export interface BoardMeta {
  readonly schemaVersion: number;
  readonly title: string;
  readonly kind: BoardKind;
}

export const boardMetaSchema = z.object({
  schemaVersion: z.number().int().min(1),
  title: z.string().max(500),
  kind: z.enum(BOARD_KINDS),
});

export type ShapeRecordMap = Y.Map<unknown>;
export type ShapesMap = Y.Map<ShapeRecordMap>;

export function rootMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT_KEY);
}

export function shapesMapOf(doc: Y.Doc): ShapesMap | undefined {
  const shapes = rootMap(doc).get(SHAPES_KEY);
  return shapes instanceof Y.Map ? (shapes as ShapesMap) : undefined;
}

/**
 * Creates meta and shapes once (M1). Only the board's creator calls this (the server, or
 * importBoard): two peers creating the root maps concurrently would each lose the other's.
 * A no-op for the parts that already exist.
 */
export function initBoardDoc(
  doc: Y.Doc,
  meta: { title: string; kind: BoardKind },
  origin: Origin = SERVER_ORIGIN,
): void {
  const parsed = boardMetaSchema.parse({ schemaVersion: BOARD_SCHEMA_VERSION, ...meta });
  doc.transact(() => {
    const root = rootMap(doc);
    if (!(root.get(META_KEY) instanceof Y.Map)) {
      root.set(META_KEY, new Y.Map<unknown>(Object.entries(parsed)));
    }
    if (!(root.get(SHAPES_KEY) instanceof Y.Map)) {
      root.set(SHAPES_KEY, new Y.Map<ShapeRecordMap>());
    }
  }, origin);
}

/** Validated meta, or null when absent or malformed (never throws). */
export function readMeta(doc: Y.Doc): BoardMeta | null {
  const meta = rootMap(doc).get(META_KEY);
  if (!(meta instanceof Y.Map)) return null;
  const parsed = boardMetaSchema.safeParse(meta.toJSON());
  return parsed.success ? Object.freeze(parsed.data) : null;
}

/**
 * M36: the names of who deleted shapes in `transaction`, by shape id, as written by the deleter
 * in that same transaction (a name written by an earlier deletion of the same id is not theirs).
 * Empty for a deletion that named nobody (an older client, a deletion by the server).
 */
export function deletersIn(doc: Y.Doc, transaction: Y.Transaction): Map<string, string> {
  const names = new Map<string, string>();
  const map = doc.share.get(DELETED_BY_KEY);
  if (!map) return names;
  const keys = transaction.changed.get(map);
  if (!keys) return names;
  const entries = doc.getMap<unknown>(DELETED_BY_KEY);
  for (const key of keys) {
    if (key === null) continue;
    const entry = entries.get(key) as { ids?: unknown; by?: unknown } | undefined;
    if (!entry || typeof entry.by !== 'string' || !Array.isArray(entry.ids)) continue;
    const by = entry.by.trim().slice(0, DELETED_BY_MAX_NAME);
    if (!by) continue;
    for (const id of entry.ids) if (typeof id === 'string') names.set(id, by);
  }
  return names;
}
