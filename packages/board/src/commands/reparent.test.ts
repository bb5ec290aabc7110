import { describe, expect, it } from 'vitest';
import { forkPeer, newTestBoard, sync } from '../test/fixtures.ts';
import { checkInvariants } from '../invariants/invariants.ts';

describe('reparent', () => {
  it('M9: into a carton, raised above it when below, coordinates kept', () => {
    const { board, me } = newTestBoard();
    const below = board.run((tx) => tx.create('note', { x: 10, y: 20 }), me);
    const carton = board.run((tx) => tx.create('carton', { x: 0, y: 0, title: 'La Matanie' }), me);
    const above = board.run((tx) => tx.create('note', { x: 0, y: 0 }), me);
    board.run((tx) => tx.reparent([below, above], carton), me);
    expect(board.getShape(below)).toMatchObject({ parentId: carton, x: 10, y: 20 });
    expect(board.listShapes().map((shape) => shape.id)).toEqual([carton, below, above]);
    board.run((tx) => tx.reparent([below], null), me);
    expect(board.getShape(below)?.parentId).toBeNull();
  });

  it('M9: cartons do not nest and a non-carton target throws', () => {
    const { board, me } = newTestBoard();
    const a = board.run((tx) => tx.create('carton', { x: 0, y: 0 }), me);
    const b = board.run((tx) => tx.create('carton', { x: 0, y: 0 }), me);
    const note = board.run((tx) => tx.create('note', { x: 0, y: 0 }), me);
    board.run((tx) => tx.reparent([b], a), me);
    expect(board.getShape(b)?.parentId).toBeNull();
    expect(() => board.run((tx) => tx.reparent([b], note), me)).toThrow(/not a carton/);
  });

  it('M11: a note moved into a carton a peer deleted meanwhile reads as parentless', () => {
    const a = newTestBoard();
    const carton = a.board.run(
      (tx) => tx.create('carton', { x: 0, y: 0, title: 'Kamouraska' }),
      a.me,
    );
    const note = a.board.run((tx) => tx.create('note', { x: 5, y: 5 }), a.me);
    const b = forkPeer(a.doc, 'b');
    a.board.run((tx) => tx.delete([carton]), a.me);
    b.board.run((tx) => tx.reparent([note], carton), b.me);
    sync(a.doc, b.doc);
    for (const peer of [a, b]) {
      expect(peer.board.getShape(note)).toMatchObject({ parentId: null, x: 5, y: 5 });
      expect(peer.board.getShape(carton)).toBeUndefined();
      expect(checkInvariants(peer.doc)).toEqual([]);
    }
  });

  it('M12: reparenting into a missing carton is a no-op', () => {
    const { board, me } = newTestBoard();
    const note = board.run((tx) => tx.create('note', { x: 0, y: 0 }), me);
    board.run((tx) => tx.reparent([note], 'shape:gone'), me);
    expect(board.getShape(note)?.parentId).toBeNull();
  });
});
