import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { Board } from '../board/board.ts';
import { localOrigin, SERVER_ORIGIN } from '../origin/origin.ts';
import { CONDITIONS_PRESENTES, newTestBoard } from '../test/fixtures.ts';
import { BoardFileError } from './errors.ts';
import { exportBoard } from './export.ts';
import type { BoardFile } from './file.ts';
import { serializeBoardFile, withImages } from './file.ts';
import { importBoard, parseBoardFile, parseBoardFileText } from './import.ts';
import { insertBoardFile } from './insert.ts';
import type { BoardFileMigration } from './migrations.ts';

const PNG_1x1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function kamouraska(): Y.Doc {
  const { doc, board, me } = newTestBoard('Kamouraska');
  board.run((tx) => {
    const carton = tx.create('carton', { x: 0, y: 0, w: 900, h: 700, title: 'Kamouraska' });
    const note = tx.create('note', {
      x: 40,
      y: 120,
      text: CONDITIONS_PRESENTES[1],
      parentId: carton,
    });
    tx.create('arrow', {
      x: 300,
      y: 300,
      startBinding: { shapeId: note, anchor: { x: 1, y: 0.5 } },
      parentId: carton,
    });
    tx.create('image', {
      x: 950,
      y: 0,
      blobId: 'a'.repeat(64),
      mime: 'image/png',
      naturalWidth: 1,
      naturalHeight: 1,
    });
  }, me);
  return doc;
}

function codesOf(run: () => unknown): { code: string; path: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof BoardFileError) {
      return error.issues.map(({ code, path }) => ({ code, path }));
    }
    throw error;
  }
  throw new Error('no error');
}

describe('M30: board files — codes, text, images, versions', () => {
  it('M30: the file is pretty (2-space) JSON ending with a newline', () => {
    const file = exportBoard(kamouraska());
    const text = serializeBoardFile(file);
    expect(text.startsWith('{\n  "format": "carton-board",\n  "version": 2,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(file);
  });

  it('M30: a territory board’s file names its territory; parsing keeps it; a bad one is refused', () => {
    const file = exportBoard(kamouraska(), { territory: 'Kamouraska' });
    expect(file.meta).toMatchObject({ title: 'Kamouraska', kind: 'territory' });
    expect(file.meta.territory).toBe('Kamouraska');
    const parsed = parseBoardFile(JSON.parse(serializeBoardFile(file)));
    expect(parsed.meta.territory).toBe('Kamouraska');
    // Without a territory (an older file, or none given) the key is absent.
    expect('territory' in exportBoard(kamouraska()).meta).toBe(false);
    expect('territory' in exportBoard(kamouraska(), { territory: null }).meta).toBe(false);
    const long = { ...file, meta: { ...file.meta, territory: 'x'.repeat(81) } };
    expect(codesOf(() => parseBoardFile(long))).toEqual([
      { code: 'invalid_value', path: 'meta.territory' },
    ]);
  });

  it('M30: text that is not JSON is not_json; too many bytes is too_large', () => {
    expect(codesOf(() => parseBoardFileText('{"format": "carton-board",'))).toEqual([
      { code: 'not_json', path: '(root)' },
    ]);
    expect(codesOf(() => parseBoardFileText('x'.repeat(11), { maxBytes: 10 }))).toEqual([
      { code: 'too_large', path: '(root)' },
    ]);
    const bom = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...'{"a":1}'.split('').map((c) => c.charCodeAt(0)),
    ]);
    expect(parseBoardFileText(bom)).toEqual({ a: 1 });
  });

  it('M30: another format is wrong_format, naming what it found', () => {
    const excalidraw = { type: 'excalidraw', version: 2, elements: [] };
    expect(codesOf(() => parseBoardFile(excalidraw))).toEqual([
      { code: 'wrong_format', path: 'format' },
    ]);
    expect(() => parseBoardFile({ format: 'tldraw' })).toThrow(/found "tldraw"/);
    expect(codesOf(() => parseBoardFile([1, 2]))).toEqual([
      { code: 'wrong_format', path: '(root)' },
    ]);
  });

  it('M30: a future version is future_version and says to update Carton', () => {
    const file = { ...exportBoard(kamouraska()), version: 3 };
    expect(codesOf(() => parseBoardFile(file))).toEqual([
      { code: 'future_version', path: 'version' },
    ]);
    expect(() => parseBoardFile(file)).toThrow(/update Carton/);
  });

  it('M30: the migration table lifts older files step by step before validation', () => {
    // Pretend this Carton writes version 3 and version 1 named the title `name`.
    const steps: BoardFileMigration[] = [
      {
        from: 2,
        up: (file) => ({ ...file, meta: { ...(file['meta'] as object), schemaVersion: 1 } }),
      },
      {
        from: 1,
        up: (file) => {
          const { name, ...meta } = file['meta'] as Record<string, unknown>;
          return { ...file, meta: { ...meta, title: name } };
        },
      },
    ];
    const old = {
      format: 'carton-board',
      version: 1,
      meta: { schemaVersion: 1, name: 'La Mitis', kind: 'territory' },
      shapes: [],
    };
    const parsed = parseBoardFile(old, { migrations: steps, currentVersion: 3 });
    expect(parsed.meta).toEqual({ schemaVersion: 1, title: 'La Mitis', kind: 'territory' });
    // Without the table, version 1 of a "version 3" reader has no path.
    expect(codesOf(() => parseBoardFile(old, { migrations: [], currentVersion: 3 }))).toEqual([
      { code: 'invalid_value', path: 'version' },
    ]);
    // The real table today: version 1 (no locks, M33) lifts to 2 unchanged.
    expect(parseBoardFile({ ...old, meta: { ...old.meta, title: 'x' } }).meta.title).toBe('x');
  });

  it('M30: invalid values, duplicates and references have their codes and paths', () => {
    const file = JSON.parse(JSON.stringify(exportBoard(kamouraska()))) as {
      shapes: Record<string, unknown>[];
    };
    (file.shapes[1] as Record<string, unknown>)['w'] = -5;
    file.shapes.push({ ...(file.shapes[3] as object) });
    const arrow = file.shapes.find((shape) => shape['type'] === 'arrow') as Record<string, unknown>;
    arrow['startBinding'] = { shapeId: 'shape:nowhere', anchor: { x: 0, y: 0 } };
    const codes = codesOf(() => parseBoardFile(file));
    expect(codes).toContainEqual({ code: 'invalid_value', path: 'shapes[1].w' });
    expect(codes).toContainEqual({ code: 'duplicate_id', path: 'shapes[4].id' });
    expect(codes).toContainEqual({
      code: 'bad_reference',
      path: `shapes[${file.shapes.indexOf(arrow)}].startBinding.shapeId`,
    });
  });

  it('M30: embedded images round-trip; broken base64 is broken_image', () => {
    const file = withImages(exportBoard(kamouraska()), (blobId) =>
      blobId === 'a'.repeat(64) ? { mime: 'image/png', data: PNG_1x1 } : null,
    );
    expect(Object.keys(file.images ?? {})).toEqual(['a'.repeat(64)]);
    expect(parseBoardFile(JSON.parse(serializeBoardFile(file))).images).toEqual(file.images);
    const broken = { ...file, images: { ['a'.repeat(64)]: { mime: 'image/png', data: '%%%' } } };
    expect(codesOf(() => parseBoardFile(broken))).toEqual([
      { code: 'broken_image', path: `images.${'a'.repeat(64)}.data` },
    ]);
    const badMime = { ...file, images: { x: { mime: 'image/svg+xml', data: PNG_1x1 } } };
    expect(codesOf(() => parseBoardFile(badMime))).toEqual([
      { code: 'invalid_value', path: 'images.x.mime' },
    ]);
    // No image on the board: no `images` key at all.
    const { doc } = newTestBoard();
    expect('images' in withImages(exportBoard(doc), () => null)).toBe(false);
  });
});

describe('M31: importing a file into a live board', () => {
  it('M31: one server transaction, new ids, references remapped, above existing shapes', () => {
    const source = exportBoard(kamouraska());
    const { doc, board, me } = newTestBoard('Kamouraska');
    const existing = board.run((tx) => tx.create('note', { x: 0, y: 0, text: 'déjà là' }), me);
    const transactions: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => transactions.push(tr.origin));
    const summary = insertBoardFile(board, parseBoardFile(source), SERVER_ORIGIN);
    expect(transactions).toEqual([SERVER_ORIGIN]);
    expect(summary).toMatchObject({ created: 4, skipped: 0 });
    const shapes = board.listShapes();
    expect(shapes[0]?.id).toBe(existing);
    const added = shapes.slice(1);
    expect(added.map((shape) => shape.type)).toEqual(source.shapes.map((shape) => shape.type));
    for (const shape of added) expect(source.shapes.some((s) => s.id === shape.id)).toBe(false);
    const carton = added.find((shape) => shape.type === 'carton');
    const note = added.find((shape) => shape.type === 'note');
    const arrow = added.find((shape) => shape.type === 'arrow');
    expect(note?.parentId).toBe(carton?.id);
    expect(arrow?.type === 'arrow' && arrow.startBinding?.shapeId).toBe(note?.id);
    // Importing twice is fine: ids are new each time.
    insertBoardFile(board, parseBoardFile(source), SERVER_ORIGIN);
    expect(board.listShapes()).toHaveLength(9);
  });

  it('M31: nothing is written when the file is refused', () => {
    const { doc, board } = newTestBoard();
    const before = Y.encodeStateVector(doc);
    const bad = { ...exportBoard(kamouraska()), version: 7 };
    expect(() => insertBoardFile(board, parseBoardFile(bad), SERVER_ORIGIN)).toThrow(
      BoardFileError,
    );
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('M31: an empty board file adds nothing', () => {
    const empty: BoardFile = {
      format: 'carton-board',
      version: 1,
      meta: { schemaVersion: 1, title: 'Cartes postales', kind: 'postcards' },
      shapes: [],
    };
    const board = new Board(importBoard(exportBoard(kamouraska())));
    const summary = insertBoardFile(board, parseBoardFile(empty), localOrigin('a'));
    expect(summary.created).toBe(0);
    expect(board.listShapes()).toHaveLength(4);
  });
});
