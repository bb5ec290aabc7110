import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { shapesMapOf } from '../doc/layout.ts';
import type { ShapesMap } from '../doc/layout.ts';
import { newTestBoard } from '../test/fixtures.ts';
import { checkInvariants } from '../invariants/invariants.ts';

function shapesOf(doc: Y.Doc): ShapesMap {
  const shapes = shapesMapOf(doc);
  if (shapes === undefined) throw new Error('not initialised');
  return shapes;
}

function writeRaw(doc: Y.Doc, key: string, record: Record<string, unknown>): void {
  doc.transact(() => shapesOf(doc).set(key, new Y.Map<unknown>(Object.entries(record))));
}

describe('validated reads', () => {
  it('M10: malformed peer records are skipped and left intact', () => {
    const { doc, board, me } = newTestBoard();
    const good = board.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Arrimage' }), me);
    writeRaw(doc, 'shape:bad-x', { id: 'shape:bad-x', type: 'note', x: 'left', y: 0, index: 'a1' });
    writeRaw(doc, 'shape:other-key', {
      id: 'shape:not-this',
      type: 'rect',
      x: 0,
      y: 0,
      index: 'a1',
    });
    writeRaw(doc, 'shape:future', { id: 'shape:future', type: 'sticker3d', index: 'a2', depth: 3 });
    doc.transact(() => shapesOf(doc).set('shape:not-a-map', 'hello' as unknown as Y.Map<unknown>));
    expect(board.listShapes().map((shape) => shape.id)).toEqual([good]);
    expect(board.getShape('shape:bad-x')).toBeUndefined();
    expect(board.getShape('shape:future')).toBeUndefined();
    expect(board.getShape('shape:not-a-map')).toBeUndefined();
    expect(shapesOf(doc).get('shape:future')?.toJSON()).toEqual({
      id: 'shape:future',
      type: 'sticker3d',
      index: 'a2',
      depth: 3,
    });
    expect(checkInvariants(doc)).toEqual([]);
  });

  it('M10: commands still work around malformed records', () => {
    const { doc, board, me } = newTestBoard();
    writeRaw(doc, 'shape:bad-index', {
      id: 'shape:bad-index',
      type: 'note',
      index: 'zz!',
      x: 0,
      y: 0,
    });
    const id = board.run((tx) => tx.create('note', { x: 0, y: 0 }), me);
    board.run((tx) => {
      tx.reorder([id, 'shape:bad-index'], 'back');
      tx.duplicate([id, 'shape:bad-index']);
      tx.delete(['shape:bad-index']);
    }, me);
    expect(board.listShapes()).toHaveLength(2);
  });

  it('M11: a parentId naming a non-carton, or a malformed carton, reads as null', () => {
    const { doc, board, me } = newTestBoard();
    const note = board.run((tx) => tx.create('note', { x: 0, y: 0 }), me);
    const carton = board.run((tx) => tx.create('carton', { x: 0, y: 0 }), me);
    const child = board.run((tx) => tx.create('note', { x: 0, y: 0, parentId: carton }), me);
    doc.transact(() => shapesOf(doc).get(child)?.set('parentId', note));
    expect(board.getShape(child)?.parentId).toBeNull();
    doc.transact(() => {
      shapesOf(doc).get(child)?.set('parentId', carton);
      shapesOf(doc).get(carton)?.set('w', -1);
    });
    expect(board.getShape(child)?.parentId).toBeNull();
    doc.transact(() => shapesOf(doc).get(carton)?.set('w', 800));
    expect(board.getShape(child)?.parentId).toBe(carton);
  });

  it('M11: a binding to a missing target reads as unbound at the stored point', () => {
    const { doc, board, me } = newTestBoard();
    const arrow = board.run(
      (tx) => tx.create('arrow', { x: 0, y: 0, start: { x: 3, y: 4 }, end: { x: 50, y: 0 } }),
      me,
    );
    doc.transact(() =>
      shapesOf(doc)
        .get(arrow)
        ?.set('startBinding', { shapeId: 'shape:gone', anchor: { x: 0, y: 0 } }),
    );
    expect(board.getShape(arrow)).toMatchObject({ startBinding: null, start: { x: 3, y: 4 } });
    expect(checkInvariants(doc)).toEqual([]);
  });

  it('M15: reads are frozen snapshots', () => {
    const { board, me } = newTestBoard();
    const id = board.run(
      (tx) => tx.create('stroke', { x: 0, y: 0, points: [0, 0, 1, 5, 5, 1] }),
      me,
    );
    const stroke = board.getShape(id);
    expect(Object.isFrozen(stroke)).toBe(true);
    if (stroke?.type !== 'stroke') throw new Error('stroke expected');
    expect(Object.isFrozen(stroke.points)).toBe(true);
  });
});
