import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { shapesMapOf } from '../doc/layout.ts';
import { newTestBoard } from '../test/fixtures.ts';
import { checkInvariants } from './invariants.ts';

describe('invariants', () => {
  it('M18: a board built by commands satisfies every invariant', () => {
    const { doc, board, me } = newTestBoard();
    board.run((tx) => {
      const carton = tx.create('carton', { x: 0, y: 0 });
      const note = tx.create('note', { x: 0, y: 0, parentId: carton });
      tx.create('arrow', { x: 0, y: 0, endBinding: { shapeId: note, anchor: { x: 0, y: 0 } } });
    }, me);
    expect(checkInvariants(doc)).toEqual([]);
  });

  it('M18: dangling stored references are repaired by readers, so invariants hold', () => {
    const { doc, board, me } = newTestBoard();
    const [carton, note] = board.run((tx) => {
      const c = tx.create('carton', { x: 0, y: 0 });
      return [c, tx.create('note', { x: 0, y: 0, parentId: c })];
    }, me);
    const arrow = board.run(
      (tx) =>
        tx.create('arrow', { x: 0, y: 0, endBinding: { shapeId: note, anchor: { x: 0, y: 0 } } }),
      me,
    );
    const shapes = shapesMapOf(doc);
    doc.transact(() => {
      shapes?.delete(carton);
      shapes?.delete(note);
    });
    expect(shapes?.get(arrow)?.get('endBinding')).toMatchObject({ shapeId: note });
    expect(checkInvariants(doc)).toEqual([]);
  });

  it('M18: it reports what readers would see wrong (it can fail)', () => {
    const { doc, board, me } = newTestBoard();
    const id = board.run((tx) => tx.create('note', { x: 0, y: 0 }), me);
    // Stored under a second key with the same id: readers must not see the id twice.
    const shapes = shapesMapOf(doc);
    const copy = new Y.Map<unknown>(Object.entries(shapes?.get(id)?.toJSON() ?? {}));
    doc.transact(() => shapes?.set('shape:second-key', copy));
    expect(checkInvariants(doc)).toEqual([]); // the copy is unreadable: its id is not its key
    expect(board.listShapes()).toHaveLength(1);
  });
});
