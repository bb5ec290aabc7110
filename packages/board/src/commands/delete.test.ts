import { describe, expect, it } from 'vitest';
import { newTestBoard } from '../test/fixtures.ts';

describe('delete', () => {
  it('M5: deleting a carton deletes its contents, nothing else', () => {
    const { board, me } = newTestBoard();
    const carton = board.run((tx) => tx.create('carton', { x: 0, y: 0, title: 'Les Basques' }), me);
    const inside = board.run(
      (tx) => [
        tx.create('note', { x: 10, y: 10, parentId: carton }),
        tx.create('stamp', { x: 10, y: 10, parentId: carton, kind: 'heart' }),
      ],
      me,
    );
    const outside = board.run((tx) => tx.create('note', { x: 2000, y: 0 }), me);
    board.run((tx) => tx.delete([carton]), me);
    for (const id of [carton, ...inside]) expect(board.getShape(id)).toBeUndefined();
    expect(board.getShape(outside)).toBeDefined();
  });

  it('M4: deleting a shape unbinds arrows bound to it, keeping the end where it was drawn', () => {
    const { board, me } = newTestBoard();
    const note = board.run((tx) => tx.create('note', { x: 400, y: 0, w: 100, h: 100 }), me);
    const arrow = board.run(
      (tx) =>
        tx.create('arrow', {
          x: 0,
          y: 0,
          end: { x: 1, y: 1 },
          endBinding: { shapeId: note, anchor: { x: 0.5, y: 1 } },
        }),
      me,
    );
    board.run((tx) => tx.update(note, { x: 600 }), me);
    board.run((tx) => tx.delete([note]), me);
    expect(board.getShape(arrow)).toMatchObject({
      endBinding: null,
      end: { x: 650, y: 100 },
      startBinding: null,
      start: { x: 0, y: 0 },
    });
  });

  it('M4: arrows bound to a carton’s children are unbound when the carton goes', () => {
    const { board, me } = newTestBoard();
    const carton = board.run((tx) => tx.create('carton', { x: 0, y: 0 }), me);
    const child = board.run(
      (tx) => tx.create('note', { x: 0, y: 0, w: 10, h: 10, parentId: carton }),
      me,
    );
    const arrow = board.run(
      (tx) =>
        tx.create('arrow', {
          x: 900,
          y: 900,
          startBinding: { shapeId: child, anchor: { x: 1, y: 1 } },
        }),
      me,
    );
    board.run((tx) => tx.delete([carton]), me);
    expect(board.getShape(arrow)).toMatchObject({
      startBinding: null,
      start: { x: -890, y: -890 },
    });
  });

  it('M12: deleting missing ids is a no-op', () => {
    const { board, me } = newTestBoard();
    const id = board.run((tx) => tx.create('note', { x: 0, y: 0 }), me);
    board.run((tx) => tx.delete(['shape:gone', 'shape:also-gone']), me);
    expect(board.listShapes().map((shape) => shape.id)).toEqual([id]);
  });
});
