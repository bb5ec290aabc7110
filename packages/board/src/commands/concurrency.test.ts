import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../invariants/invariants.ts';
import { forkPeer, newTestBoard, sync } from '../test/fixtures.ts';

describe('concurrent commands', () => {
  it('M24: a delete wins over a concurrent edit', () => {
    const a = newTestBoard();
    const id = a.board.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Plaisir!' }), a.me);
    const b = forkPeer(a.doc, 'b');
    a.board.run((tx) => tx.delete([id]), a.me);
    b.board.run((tx) => tx.update(id, { text: 'Plaisir! Pratiques!', x: 40 }), b.me);
    sync(a.doc, b.doc);
    for (const peer of [a, b]) expect(peer.board.getShape(id)).toBeUndefined();
  });

  it('M25: a note added during a concurrent carton move keeps its own coordinates', () => {
    const a = newTestBoard();
    const carton = a.board.run((tx) => tx.create('carton', { x: 0, y: 0 }), a.me);
    const known = a.board.run((tx) => tx.create('note', { x: 10, y: 10, parentId: carton }), a.me);
    const b = forkPeer(a.doc, 'b');
    a.board.run((tx) => tx.update(carton, { x: 500 }), a.me);
    const added = b.board.run((tx) => tx.create('note', { x: 20, y: 20, parentId: carton }), b.me);
    sync(a.doc, b.doc);
    for (const peer of [a, b]) {
      expect(peer.board.getShape(known)).toMatchObject({ x: 510, parentId: carton });
      expect(peer.board.getShape(added)).toMatchObject({ x: 20, parentId: carton });
      expect(checkInvariants(peer.doc)).toEqual([]);
    }
  });

  it('M25: concurrent moves of one shape merge per key', () => {
    const a = newTestBoard();
    const id = a.board.run((tx) => tx.create('note', { x: 0, y: 0 }), a.me);
    const b = forkPeer(a.doc, 'b');
    a.board.run((tx) => tx.update(id, { x: 100 }), a.me);
    b.board.run((tx) => tx.update(id, { y: 200 }), b.me);
    sync(a.doc, b.doc);
    expect(a.board.getShape(id)).toMatchObject({ x: 100, y: 200 });
    expect(b.board.getShape(id)).toEqual(a.board.getShape(id));
  });

  it('M26: two peers bringing different shapes to front agree on one order', () => {
    const a = newTestBoard();
    const [n1, n2, n3] = a.board.run(
      (tx) => [
        tx.create('note', { x: 0, y: 0 }),
        tx.create('note', { x: 0, y: 0 }),
        tx.create('note', { x: 0, y: 0 }),
      ],
      a.me,
    ) as [string, string, string];
    const b = forkPeer(a.doc, 'b');
    a.board.run((tx) => tx.reorder([n1], 'front'), a.me);
    b.board.run((tx) => tx.reorder([n2], 'front'), b.me);
    sync(a.doc, b.doc);
    const order = a.board.listShapes().map((shape) => shape.id);
    expect(order[0]).toBe(n3);
    expect(new Set(order.slice(1))).toEqual(new Set([n1, n2]));
    expect(b.board.listShapes().map((shape) => shape.id)).toEqual(order);
  });

  it('M11: an arrow bound by B to a note A deleted reads unbound at B’s stored end', () => {
    const a = newTestBoard();
    const note = a.board.run((tx) => tx.create('note', { x: 400, y: 0 }), a.me);
    const arrow = a.board.run((tx) => tx.create('arrow', { x: 0, y: 0 }), a.me);
    const b = forkPeer(a.doc, 'b');
    a.board.run((tx) => tx.delete([note]), a.me);
    b.board.run(
      (tx) =>
        tx.update(arrow, {
          end: { x: 400, y: 100 },
          endBinding: { shapeId: note, anchor: { x: 0, y: 0.5 } },
        }),
      b.me,
    );
    sync(a.doc, b.doc);
    for (const peer of [a, b]) {
      expect(peer.board.getShape(arrow)).toMatchObject({
        endBinding: null,
        end: { x: 400, y: 100 },
      });
      expect(checkInvariants(peer.doc)).toEqual([]);
    }
  });
});
