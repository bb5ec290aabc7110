import * as Y from 'yjs';
import { z } from 'zod';
import {
  formatPath,
  repairLoneSurrogates,
  RESERVED_KEYS,
  storableJsonProblem,
} from '../json/json.ts';
import type { ShapeRecordMap } from '../doc/layout.ts';
import { BOARD_SCHEMA_VERSION, boardMetaSchema, initBoardDoc, shapesMapOf } from '../doc/layout.ts';
import { isShapeId } from '../ids/ids.ts';
import { migrateRecord } from '../migrations/migrate.ts';
import type { Origin } from '../origin/origin.ts';
import { MIGRATION_ORIGIN } from '../origin/origin.ts';
import type { Shape } from '../shapes/registry.ts';
import { definitionOf, isShapeType } from '../shapes/registry.ts';
import { storedEntries } from '../stored/stored.ts';
import { isValidIndex } from '../zorder/zorder.ts';
import type { BoardFileIssue } from './errors.ts';
import { BoardFileError } from './errors.ts';
import type { BoardFileImage, BoardFileMeta, BoardFileShape } from './file.ts';
import { decodeText } from '../interop/text/decode.ts';
import type { UpgradeOptions } from './migrations.ts';
import { upgradeBoardFile } from './migrations.ts';
import { IMAGE_MIME_TYPES } from '../shapes/image/image.ts';
import { BOARD_FILE_FORMAT } from './file.ts';
import { MAX_BOARD_SHAPES } from '../commands/limit.ts';

/**
 * The most shapes a board file may hold (M16), so the most one import adds to a board. The canvas
 * pans a 10,000-shape board at 60 fps (bench/canvas); an import of 150,000 notes held the server's
 * event loop 10–17 s (every board's sync waited) for a board nobody could have drawn.
 */
export const MAX_FILE_SHAPES = MAX_BOARD_SHAPES;
/** Largest embedded image (decoded bytes), like the server's upload limit. */
export const MAX_FILE_IMAGE_BYTES = 16 * 1024 * 1024;
/**
 * How deeply the values of a record of an unknown type (M17) may nest. A newer client's props are
 * small JSON; a hostile file's 3 000 nested arrays overflowed the validator's stack (a 500 from the
 * server, a crash in the import dialog) instead of an `invalid_value`.
 */
export const MAX_FILE_JSON_DEPTH = 64;
const FORBIDDEN_KEYS = RESERVED_KEYS;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const envelopeSchema = z.object({
  format: z.literal(BOARD_FILE_FORMAT),
  version: z.number().int().min(1),
  meta: z.unknown(),
  shapes: z.array(z.unknown()),
  images: z.record(z.string().min(1).max(200), z.unknown()).optional(),
});

/** The document's meta and, for a territory board, its territory (a name of 1 to 80 characters). */
const fileMetaSchema = boardMetaSchema.extend({
  territory: z.string().trim().min(1).max(80).optional(),
});

const imageSchema = z.strictObject({
  mime: z.enum(IMAGE_MIME_TYPES),
  data: z.string().min(1),
});

const unknownRecordSchema = z.looseObject({
  id: z.string().refine(isShapeId, { message: "must be a 'shape:' id" }),
  type: z.string().min(1).max(100),
  index: z.string().refine(isValidIndex, { message: 'invalid fractional index' }),
});

type Issues = BoardFileIssue[];

function collect(issues: Issues, error: z.ZodError, prefix: string): void {
  for (const issue of error.issues) {
    const path = formatPath(prefix, issue.path);
    const tooBig = issue.code === 'too_big' && path === 'shapes';
    issues.push({ code: tooBig ? 'too_large' : 'invalid_value', path, message: issue.message });
  }
}

/**
 * Builds a new Y.Doc from a board file (M16). Everything is checked before anything is
 * written; all problems are reported together as a BoardFileError. Embedded images are not
 * part of the document: the caller stores them (parseBoardFile returns them).
 */
export function importBoard(file: unknown, origin: Origin = MIGRATION_ORIGIN): Y.Doc {
  const { meta, shapes } = parseBoardFile(file);
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: meta.title, kind: meta.kind }, origin);
  doc.transact(() => {
    const map = shapesMapOf(doc);
    if (map === undefined) throw new Error('initBoardDoc did not create shapes');
    for (const record of shapes) {
      map.set(record.id, new Y.Map<unknown>(storedEntries(record)) as ShapeRecordMap);
    }
  }, origin);
  return doc;
}

/** A validated board file. */
export interface ParsedBoardFile {
  readonly meta: BoardFileMeta;
  readonly shapes: BoardFileShape[];
  /** Embedded images, base64 checked (the bytes are the caller's to sniff). */
  readonly images: Record<string, BoardFileImage>;
}

/**
 * Reads the text (or bytes) of a file as JSON: `too_large` past `maxBytes`, `not_json` if it
 * does not parse. A UTF-8 byte order mark is allowed.
 */
export function parseBoardFileText(
  text: string | Uint8Array,
  options: { maxBytes?: number } = {},
): unknown {
  const size = typeof text === 'string' ? text.length : text.byteLength;
  if (options.maxBytes !== undefined && size > options.maxBytes) {
    throw new BoardFileError([
      {
        code: 'too_large',
        path: '(root)',
        message: `the file is larger than ${options.maxBytes} bytes`,
      },
    ]);
  }
  const source = typeof text === 'string' ? text : decodeText(text).text;
  try {
    return JSON.parse(source.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new BoardFileError([
      {
        code: 'not_json',
        path: '(root)',
        message: `not JSON: ${(error as Error).message}`,
      },
    ]);
  }
}

/** Validates a board file without building a document (older versions are lifted first, M30). */
export function parseBoardFile(file: unknown, options: UpgradeOptions = {}): ParsedBoardFile {
  const issues: Issues = [];
  // M30: a lone surrogate reads as U+FFFD here, as every peer reads it once Yjs encoded it.
  const lifted = repairLoneSurrogates(checkFormatAndUpgrade(file, options));
  const envelope = envelopeSchema.safeParse(lifted);
  if (!envelope.success) {
    collect(issues, envelope.error, '');
    throw new BoardFileError(issues);
  }
  if (envelope.data.shapes.length > MAX_FILE_SHAPES) {
    throw new BoardFileError([
      {
        code: 'too_many_shapes',
        path: 'shapes',
        message: `a board holds at most ${MAX_FILE_SHAPES} shapes (this file has ${envelope.data.shapes.length})`,
      },
    ]);
  }
  const meta = fileMetaSchema.safeParse(envelope.data.meta);
  if (!meta.success) collect(issues, meta.error, 'meta');
  else if (meta.data.schemaVersion > BOARD_SCHEMA_VERSION) {
    issues.push({
      code: 'future_version',
      path: 'meta.schemaVersion',
      message: `schema version ${meta.data.schemaVersion} is newer than this Carton reads (${BOARD_SCHEMA_VERSION})`,
    });
  }
  // Files from an older schema are lifted record by record before validation (M29).
  const from = meta.success ? meta.data.schemaVersion : BOARD_SCHEMA_VERSION;
  const entries: Entry[] = [];
  envelope.data.shapes.forEach((raw, i) => {
    const path = `shapes[${i}]`;
    const liftedRecord =
      from < BOARD_SCHEMA_VERSION && typeof raw === 'object' && raw !== null && !Array.isArray(raw)
        ? migrateRecord(raw as Record<string, unknown>, from)
        : raw;
    const record = parseShape(liftedRecord, path, issues);
    if (record !== undefined) entries.push({ record, path });
  });
  checkReferences(entries, envelope.data.shapes, issues);
  const images = parseImages(envelope.data.images ?? {}, issues);
  if (issues.length > 0 || !meta.success) throw new BoardFileError(issues);
  return { meta: meta.data, shapes: entries.map((entry) => entry.record), images };
}

/** `wrong_format` for anything but a Carton board file; lifts older versions (M30). */
function checkFormatAndUpgrade(file: unknown, options: UpgradeOptions): unknown {
  if (typeof file !== 'object' || file === null || Array.isArray(file)) {
    throw new BoardFileError([
      { code: 'wrong_format', path: '(root)', message: 'not a Carton board file (not an object)' },
    ]);
  }
  const record = file as Record<string, unknown>;
  if (record['format'] !== BOARD_FILE_FORMAT) {
    const found =
      typeof record['format'] === 'string'
        ? ` (found ${JSON.stringify(record['format']).slice(0, 60)})`
        : '';
    throw new BoardFileError([
      {
        code: 'wrong_format',
        path: 'format',
        message: `not a Carton board file: format must be '${BOARD_FILE_FORMAT}'${found}`,
      },
    ]);
  }
  const version = record['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BoardFileError([
      { code: 'invalid_value', path: 'version', message: 'version must be a whole number ≥ 1' },
    ]);
  }
  const upgraded = upgradeBoardFile(record, version, options);
  if ('issue' in upgraded) throw new BoardFileError([upgraded.issue]);
  return upgraded.file;
}

function parseImages(raw: Record<string, unknown>, issues: Issues): Record<string, BoardFileImage> {
  const images: Record<string, BoardFileImage> = {};
  for (const [blobId, value] of Object.entries(raw)) {
    const path = `images.${blobId}`;
    if (FORBIDDEN_KEYS.has(blobId)) {
      issues.push({ code: 'invalid_value', path, message: 'reserved key' });
      continue;
    }
    const parsed = imageSchema.safeParse(value);
    if (!parsed.success) {
      collect(issues, parsed.error, path);
      continue;
    }
    const { data } = parsed.data;
    if (data.length % 4 !== 0 || !BASE64.test(data)) {
      issues.push({ code: 'broken_image', path: `${path}.data`, message: 'not base64' });
      continue;
    }
    if ((data.length / 4) * 3 > MAX_FILE_IMAGE_BYTES + 2) {
      issues.push({
        code: 'too_large',
        path: `${path}.data`,
        message: `an image may hold at most ${MAX_FILE_IMAGE_BYTES} bytes`,
      });
      continue;
    }
    images[blobId] = parsed.data;
  }
  return images;
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
    // Before the JSON validator, which recurses: too deep, or a reserved key at any depth.
    const problem = storableJsonProblem(raw, MAX_FILE_JSON_DEPTH);
    if (problem !== null) {
      const where = formatPath(path, problem.path);
      issues.push({ code: 'invalid_value', path: where, message: problem.message });
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
      issues.push({
        code: 'invalid_value',
        path: `${path}.${key}`,
        message: `not a prop of ${type}`,
      });
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
      issues.push({
        code: 'duplicate_id',
        path: `${path}.id`,
        message: `duplicate id ${record.id}`,
      });
    else byId.set(record.id, record);
  }
  for (const { record, path } of entries) {
    if (!isShapeType(record.type)) continue;
    const shape = record as Shape;
    if (shape.parentId !== null) {
      if (shape.type === 'carton') {
        issues.push({
          code: 'bad_reference',
          path: `${path}.parentId`,
          message: 'a carton cannot be inside a carton',
        });
      } else if (!rejected.has(shape.parentId) && byId.get(shape.parentId)?.type !== 'carton') {
        issues.push({
          code: 'bad_reference',
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
          code: 'bad_reference',
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
