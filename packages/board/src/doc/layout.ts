import * as Y from 'yjs';
import { z } from 'zod';
import type { Origin } from '../origin/origin.ts';
import { SERVER_ORIGIN } from '../origin/origin.ts';

// Layout: doc.getMap('board') → { meta: Y.Map, shapes: Y.Map<id, Y.Map<prop, value>> }.
export const ROOT_KEY = 'board';
export const META_KEY = 'meta';
export const SHAPES_KEY = 'shapes';

export const BOARD_SCHEMA_VERSION = 1;

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
