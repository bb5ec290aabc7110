import * as Y from 'yjs';
import { z } from 'zod';
import { formatPath } from '../json/json.ts';
import type { BoardMeta, ShapeRecordMap } from '../doc/layout.ts';
import { BOARD_SCHEMA_VERSION, boardMetaSchema, initBoardDoc, shapesMapOf } from '../doc/layout.ts';
import { isShapeId } from '../ids/ids.ts';
import { migrateRecord } from '../migrations/migrate.ts';
import type { Origin } from '../origin/origin.ts';
import { MIGRATION_ORIGIN } from '../origin/origin.ts';
import type { Shape } from '../shapes/registry.ts';
import { definitionOf, isShapeType } from '../shapes/registry.ts';
import { isValidIndex } from '../zorder/zorder.ts';
import type { BoardFileIssue } from './errors.ts';
import { BoardFileError } from './errors.ts';
import type { BoardFileShape } from './file.ts';
import { BOARD_FILE_FORMAT, BOARD_FILE_VERSION } from './file.ts';

export const MAX_FILE_SHAPES = 200_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const envelopeSchema = z.object({
  format: z.literal(BOARD_FILE_FORMAT),
  version: z.number().int().min(1),
  meta: z.unknown(),
  shapes: z
    .array(z.unknown())
    .max(MAX_FILE_SHAPES, `a board holds at most ${MAX_FILE_SHAPES} shapes`),
});

const unknownRecordSchema = z.looseObject({
  id: z.string().refine(isShapeId, { message: "must be a 'shape:' id" }),
  type: z.string().min(1).max(100),
  index: z.string().refine(isValidIndex, { message: 'invalid fractional index' }),
});

type Issues = BoardFileIssue[];

function collect(issues: Issues, error: z.ZodError, prefix: string): void {
  for (const issue of error.issues) {
    issues.push({ path: formatPath(prefix, issue.path), message: issue.message });
  }
}

/**
 * Builds a new Y.Doc from a board file (M16). Everything is checked before anything is
 * written; all problems are reported together as a BoardFileError.
 */
export function importBoard(file: unknown, origin: Origin = MIGRATION_ORIGIN): Y.Doc {
  const { meta, shapes } = parseBoardFile(file);
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: meta.title, kind: meta.kind }, origin);
  doc.transact(() => {
    const map = shapesMapOf(doc);
    if (map === undefined) throw new Error('initBoardDoc did not create shapes');
    for (const record of shapes) {
      const entries: [string, unknown][] = [];
      for (const [key, value] of Object.entries(record)) {
        if (value !== undefined) entries.push([key, value]);
      }
      map.set(record.id, new Y.Map<unknown>(entries) as ShapeRecordMap);
    }
  }, origin);
  return doc;
}

/** Validates a board file without building a document. */
export function parseBoardFile(file: unknown): { meta: BoardMeta; shapes: BoardFileShape[] } {
  const issues: Issues = [];
  const envelope = envelopeSchema.safeParse(file);
  if (!envelope.success) {
    collect(issues, envelope.error, '');
    throw new BoardFileError(issues);
  }
  const { version } = envelope.data;
  if (version > BOARD_FILE_VERSION) {
    throw new BoardFileError([
      {
        path: 'version',
        message: `this file is version ${version}, newer than this Carton reads (${BOARD_FILE_VERSION}); update Carton to import it`,
      },
    ]);
  }
  const meta = boardMetaSchema.safeParse(envelope.data.meta);
  if (!meta.success) collect(issues, meta.error, 'meta');
  else if (meta.data.schemaVersion > BOARD_SCHEMA_VERSION) {
    issues.push({
      path: 'meta.schemaVersion',
      message: `schema version ${meta.data.schemaVersion} is newer than this Carton reads (${BOARD_SCHEMA_VERSION})`,
    });
  }
  // Files from an older schema are lifted record by record before validation (M29).
  const from = meta.success ? meta.data.schemaVersion : BOARD_SCHEMA_VERSION;
  const entries: Entry[] = [];
  envelope.data.shapes.forEach((raw, i) => {
    const path = `shapes[${i}]`;
    const lifted =
      from < BOARD_SCHEMA_VERSION && typeof raw === 'object' && raw !== null && !Array.isArray(raw)
        ? migrateRecord(raw as Record<string, unknown>, from)
        : raw;
    const record = parseShape(lifted, path, issues);
    if (record !== undefined) entries.push({ record, path });
  });
  checkReferences(entries, envelope.data.shapes, issues);
  if (issues.length > 0 || !meta.success) throw new BoardFileError(issues);
  return { meta: meta.data, shapes: entries.map((entry) => entry.record) };
}

function parseShape(raw: unknown, path: string, issues: Issues): BoardFileShape | undefined {
  const type =
    typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (!isShapeType(type)) {
    const parsed = unknownRecordSchema.safeParse(raw);
    if (!parsed.success) {
      collect(issues, parsed.error, path);
      return undefined;
    }
    const forbidden = Object.keys(raw as object).find((key) => FORBIDDEN_KEYS.has(key));
    if (forbidden !== undefined) {
      issues.push({ path: `${path}.${forbidden}`, message: 'reserved key' });
      return undefined;
    }
    const json = z.record(z.string(), z.json()).safeParse(parsed.data);
    if (!json.success) {
      collect(issues, json.error, path);
      return undefined;
    }
    return parsed.data as BoardFileShape;
  }
  const definition = definitionOf(type);
  let ok = true;
  for (const key of Object.keys(raw as object)) {
    if (!definition.recordKeys.includes(key)) {
      issues.push({ path: `${path}.${key}`, message: `not a prop of ${type}` });
      ok = false;
    }
  }
  const parsed = definition.schema.safeParse(raw);
  if (!parsed.success) {
    collect(issues, parsed.error, path);
    return undefined;
  }
  return ok ? parsed.data : undefined;
}

/** Ids unique; parents are cartons of the file; bindings target non-arrow shapes of the file. */
function checkReferences(
  entries: readonly Entry[],
  raws: readonly unknown[],
  issues: Issues,
): void {
  // Ids of records that were rejected already: no second, cascading error for pointing at them.
  const rejected = new Set<string>();
  for (const raw of raws) {
    const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    if (typeof id === 'string') rejected.add(id);
  }
  for (const { record } of entries) rejected.delete(record.id);
  const byId = new Map<string, BoardFileShape>();
  for (const { record, path } of entries) {
    if (byId.has(record.id))
      issues.push({ path: `${path}.id`, message: `duplicate id ${record.id}` });
    else byId.set(record.id, record);
  }
  for (const { record, path } of entries) {
    if (!isShapeType(record.type)) continue;
    const shape = record as Shape;
    if (shape.parentId !== null) {
      if (shape.type === 'carton') {
        issues.push({ path: `${path}.parentId`, message: 'a carton cannot be inside a carton' });
      } else if (!rejected.has(shape.parentId) && byId.get(shape.parentId)?.type !== 'carton') {
        issues.push({
          path: `${path}.parentId`,
          message: `${shape.parentId} is not a carton of this file`,
        });
      }
    }
    if (shape.type !== 'arrow') continue;
    for (const end of ['startBinding', 'endBinding'] as const) {
      const binding = shape[end];
      if (binding === null || rejected.has(binding.shapeId)) continue;
      const target = byId.get(binding.shapeId);
      const bindable =
        target !== undefined &&
        isShapeType(target.type) &&
        target.type !== 'arrow' &&
        target !== record;
      if (!bindable) {
        issues.push({
          path: `${path}.${end}.shapeId`,
          message: `${binding.shapeId} is not a shape an arrow can bind to in this file`,
        });
      }
    }
  }
}

interface Entry {
  readonly record: BoardFileShape;
  readonly path: string;
}
