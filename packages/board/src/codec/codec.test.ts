import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { Board } from '../board/board.ts';
import { shapesMapOf } from '../doc/layout.ts';
import { readMeta } from '../doc/layout.ts';
import { localOrigin } from '../origin/origin.ts';
import { CONDITIONS_PRESENTES, CONDITIONS_SOUHAITEES, newTestBoard } from '../test/fixtures.ts';
import { BoardFileError } from './errors.ts';
import { exportBoard } from './export.ts';
import type { BoardFile } from './file.ts';
import { importBoard } from './import.ts';

/** The Témiscouata carton of the forum: headings, notes with hearts and stars, an arrow. */
function temiscouata(): Y.Doc {
  const { doc, board, me } = newTestBoard('Témiscouata');
  board.run((tx) => {
    const carton = tx.create('carton', { x: 0, y: 0, w: 1600, h: 1000, title: 'Témiscouata' });
    tx.create('text', { x: 40, y: 40, text: 'Conditions présentes', parentId: carton });
    tx.create('text', { x: 840, y: 40, text: 'Conditions souhaitées', parentId: carton });
    const first = CONDITIONS_PRESENTES.map((text, i) =>
      tx.create('note', { x: 40, y: 120 + i * 210, text, color: 'pink', parentId: carton }),
    );
    CONDITIONS_SOUHAITEES.forEach((text, i) =>
      tx.create('note', { x: 840, y: 120 + i * 210, text, parentId: carton }),
    );
    tx.create('stamp', { x: 20, y: 120, kind: 'heart', parentId: carton });
    tx.create('stamp', { x: 820, y: 120, kind: 'star', color: 'yellow', parentId: carton });
    tx.create('arrow', {
      x: 300,
      y: 200,
      startBinding: { shapeId: first[0] as string, anchor: { x: 1, y: 0.5 } },
      parentId: carton,
    });
    tx.create('stroke', { x: 600, y: 500, points: [0, 0, 0.5, 40, 10, 0.6, 80, 0, 0.4] });
    tx.create('image', {
      x: 1700,
      y: 0,
      blobId: 'blob:sha256-flyer',
      mime: 'image/jpeg',
      naturalWidth: 1200,
      naturalHeight: 1600,
      w: 300,
      h: 400,
    });
    tx.create('ellipse', { x: 0, y: 1100 });
    tx.create('rect', { x: 300, y: 1100, fill: 'solid' });
  }, me);
  return doc;
}

function mutableFile(doc: Y.Doc): { shapes: Record<string, unknown>[]; [key: string]: unknown } {
  return JSON.parse(JSON.stringify(exportBoard(doc))) as {
    shapes: Record<string, unknown>[];
  };
}

function issuesOf(file: unknown): { code: string; path: string; message: string }[] {
  try {
    importBoard(file);
  } catch (error) {
    if (error instanceof BoardFileError) return [...error.issues];
    throw error;
  }
  throw new Error('import succeeded');
}

describe('JSON codec', () => {
  it('M16: export → import → export is exact, and survives JSON text', () => {
    const doc = temiscouata();
    const file = exportBoard(doc);
    expect(file.format).toBe('carton-board');
    expect(file.version).toBe(2);
    expect(file.meta).toEqual({ schemaVersion: 1, title: 'Témiscouata', kind: 'territory' });
    expect(file.shapes).toHaveLength(18);
    const again = exportBoard(importBoard(JSON.parse(JSON.stringify(file))));
    expect(again).toEqual(file);
    const board = new Board(importBoard(file));
    expect(board.listShapes()).toEqual(new Board(doc).listShapes());
  });

  it('M16: shapes are sorted by index for stable output', () => {
    const file = exportBoard(temiscouata());
    const indices = file.shapes.map((shape) => shape.index);
    expect(indices).toEqual([...indices].sort());
  });

  it('M17: unknown-type records round-trip; malformed known records are left out', () => {
    const doc = temiscouata();
    doc.transact(() => {
      const shapes = shapesMapOf(doc);
      const future = { id: 'shape:future', type: 'sticker3d', index: 'a0V', x: 1, y: 2, depth: 3 };
      shapes?.set('shape:future', new Y.Map<unknown>(Object.entries(future)));
      const broken = { id: 'shape:broken', type: 'note', index: 'a0W', x: 'left', y: 0 };
      shapes?.set('shape:broken', new Y.Map<unknown>(Object.entries(broken)));
    });
    const file = exportBoard(doc);
    expect(file.shapes.find((shape) => shape.id === 'shape:future')).toEqual({
      id: 'shape:future',
      type: 'sticker3d',
      index: 'a0V',
      x: 1,
      y: 2,
      depth: 3,
    });
    expect(file.shapes.find((shape) => shape.id === 'shape:broken')).toBeUndefined();
    expect(exportBoard(importBoard(file))).toEqual(file);
  });

  it('M11: exports repair dangling references as readers see them', () => {
    const doc = temiscouata();
    const shapes = shapesMapOf(doc);
    const carton = exportBoard(doc).shapes.find((shape) => shape.type === 'carton');
    doc.transact(() => shapes?.delete(carton?.id ?? ''));
    const file = exportBoard(doc);
    expect(file.shapes.every((shape) => shape.parentId === null)).toBe(true);
    expect(exportBoard(importBoard(file))).toEqual(file);
  });

  it('M16: errors list every problem with its path', () => {
    const file = mutableFile(temiscouata());
    (file.shapes[3] as Record<string, unknown>)['x'] = 'far left';
    (file.shapes[5] as Record<string, unknown>)['color'] = 'chartreuse';
    (file.shapes[6] as Record<string, unknown>)['sparkle'] = true;
    const paths = issuesOf(file).map((issue) => issue.path);
    expect(paths).toEqual(['shapes[3].x', 'shapes[5].color', 'shapes[6].sparkle']);
    expect(() => importBoard(file)).toThrow(/shapes\[3\]\.x/);
  });

  it('M16: references must hold inside the file', () => {
    const file = mutableFile(temiscouata());
    const noteAt = file.shapes.findIndex((shape) => shape['type'] === 'note');
    const arrowAt = file.shapes.findIndex((shape) => shape['type'] === 'arrow');
    const cartonAt = file.shapes.findIndex((shape) => shape['type'] === 'carton');
    const note = file.shapes[noteAt] as Record<string, unknown>;
    file.shapes.push({ ...note });
    note['parentId'] = 'shape:missing-carton';
    (file.shapes[arrowAt] as Record<string, unknown>)['startBinding'] = {
      shapeId: file.shapes[arrowAt]?.['id'],
      anchor: { x: 0, y: 0 },
    };
    (file.shapes[cartonAt] as Record<string, unknown>)['parentId'] = note['id'];
    const issues = issuesOf(file);
    expect(issues.map((issue) => issue.path).sort()).toEqual(
      [
        `shapes[${noteAt}].parentId`,
        `shapes[${arrowAt}].startBinding.shapeId`,
        `shapes[${cartonAt}].parentId`,
        `shapes[${file.shapes.length - 1}].id`,
      ].sort(),
    );
  });

  it('M16: a future version is refused with a clear message', () => {
    const file = { ...mutableFile(temiscouata()), version: 3 };
    expect(() => importBoard(file)).toThrow(/version 3.*update Carton/);
    const meta = {
      ...mutableFile(temiscouata()),
      meta: { schemaVersion: 9, title: 'x', kind: 'plenary' },
    };
    expect(issuesOf(meta)).toEqual([
      {
        code: 'future_version',
        path: 'meta.schemaVersion',
        message: expect.stringMatching(/newer/),
      },
    ]);
  });

  it('M16: not a board file at all', () => {
    expect(issuesOf(null)[0]?.path).toBe('(root)');
    expect(issuesOf({ format: 'tldraw', version: 1, meta: {}, shapes: [] })[0]?.path).toBe(
      'format',
    );
    expect(
      issuesOf({ format: 'carton-board', version: 1, meta: {}, shapes: 'none' }).map((i) => i.path),
    ).toContain('shapes');
  });

  it('M16: an imported board is a normal board (meta, commands)', () => {
    const empty: BoardFile = {
      format: 'carton-board',
      version: 1,
      meta: { schemaVersion: 1, title: 'Cartes postales', kind: 'postcards' },
      shapes: [],
    };
    const doc = importBoard(empty);
    expect(readMeta(doc)).toEqual(empty.meta);
    const board = new Board(doc);
    board.run((tx) => tx.create('note', { x: 0, y: 0 }), localOrigin('x'));
    expect(exportBoard(doc).shapes).toHaveLength(1);
  });

  it('M16: exporting a board without meta is an error', () => {
    expect(() => exportBoard(new Y.Doc())).toThrow(BoardFileError);
  });
});

describe('JSON codec limits', () => {
  it('M17: unknown records must be plain JSON without reserved keys', () => {
    const file = mutableFile(temiscouata());
    file.shapes.push(
      JSON.parse('{"id":"shape:odd","type":"sticker3d","index":"a0","__proto__":{"x":1}}'),
    );
    file.shapes.push({ id: 'shape:fn', type: 'sticker3d', index: 'a0', when: new Date(0) });
    const paths = issuesOf(file).map((issue) => issue.path);
    expect(paths[0]).toBe(`shapes[${file.shapes.length - 2}].__proto__`);
    expect(paths[1]).toMatch(new RegExp(`^shapes\\[${file.shapes.length - 1}\\]`));
  });
});
