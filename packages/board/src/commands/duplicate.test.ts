import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../invariants/invariants.ts';
import { newTestBoard } from '../test/fixtures.ts';

describe('duplicate', () => {
  it('M13: copies get new ids, the offset, and go on top in the same relative order', () => {
    const { doc, board, me } = newTestBoard();
    const a = board.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Accompagnement' }), me);
    const b = board.run((tx) => tx.create('stamp', { x: 50, y: 0, kind: 'star' }), me);
    const top = board.run((tx) => tx.create('rect', { x: 0, y: 0 }), me);
    const copies = board.run((tx) => tx.duplicate([b, a], { x: 10, y: 5 }), me);
    expect(copies).toHaveLength(2);
    const [copyB, copyA] = copies as [string, string];
    expect(board.getShape(copyA)).toMatchObject({
      type: 'note',
      text: 'Accompagnement',
      x: 10,
      y: 5,
    });
    expect(board.getShape(copyB)).toMatchObject({ type: 'stamp', kind: 'star', x: 60, y: 5 });
    expect(board.listShapes().map((s) => s.id)).toEqual([a, b, top, copyA, copyB]);
    expect(checkInvariants(doc)).toEqual([]);
  });

  it('M13: a carton brings its children and bindings inside the set are remapped', () => {
    const { doc, board, me } = newTestBoard();
    const carton = board.run(
      (tx) => tx.create('carton', { x: 0, y: 0, title: 'Rimouski-Neigette' }),
      me,
    );
    const note = board.run(
      (tx) => tx.create('note', { x: 10, y: 10, w: 100, h: 100, parentId: carton }),
      me,
    );
    const outside = board.run((tx) => tx.create('note', { x: 1000, y: 0, w: 100, h: 100 }), me);
    const inner = board.run(
      (tx) =>
        tx.create('arrow', {
          x: 0,
          y: 0,
          parentId: carton,
          startBinding: { shapeId: note, anchor: { x: 1, y: 0 } },
          endBinding: { shapeId: outside, anchor: { x: 0, y: 0 } },
        }),
      me,
    );
    const [copy] = board.run((tx) => tx.duplicate([carton], { x: 0, y: 2000 }), me) as [string];
    const shapes = board.listShapes();
    const copiedNote = shapes.find((s) => s.parentId === copy && s.type === 'note');
    const copiedArrow = shapes.find((s) => s.parentId === copy && s.type === 'arrow');
    expect(copiedNote).toMatchObject({ x: 10, y: 2010 });
    expect(copiedArrow).toMatchObject({
      startBinding: { shapeId: copiedNote?.id },
      endBinding: null,
      // The end that was bound outside stays where it was drawn, moved with the copy.
      end: { x: 1000, y: 0 },
      y: 2000,
    });
    expect(board.getShape(inner)).toMatchObject({ startBinding: { shapeId: note } });
    expect(checkInvariants(doc)).toEqual([]);
  });

  it('M13: a child duplicated without its carton stays in that carton', () => {
    const { board, me } = newTestBoard();
    const carton = board.run((tx) => tx.create('carton', { x: 0, y: 0 }), me);
    const note = board.run((tx) => tx.create('note', { x: 0, y: 0, parentId: carton }), me);
    const [copy] = board.run((tx) => tx.duplicate([note]), me) as [string];
    expect(board.getShape(copy)).toMatchObject({ parentId: carton, x: 24, y: 24 });
  });
});
