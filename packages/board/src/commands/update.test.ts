import { describe, expect, it } from 'vitest';
import { shapesMapOf } from '../doc/layout.ts';
import { forkPeer, newTestBoard, sync } from '../test/fixtures.ts';
import { BoardCommandError } from './errors.ts';

describe('update', () => {
  it('M2: concurrent edits of position and colour both survive', () => {
    const a = newTestBoard();
    const id = a.board.run(
      (tx) => tx.create('note', { x: 0, y: 0, text: 'Financement systémique' }),
      a.me,
    );
    const b = forkPeer(a.doc, 'b');
    a.board.run((tx) => tx.update(id, { x: 300, y: 40 }), a.me);
    b.board.run((tx) => tx.update(id, { color: 'green', text: 'Financement systémique ★' }), b.me);
    sync(a.doc, b.doc);
    for (const peer of [a, b]) {
      expect(peer.board.getShape(id)).toMatchObject({
        x: 300,
        y: 40,
        color: 'green',
        text: 'Financement systémique ★',
      });
    }
  });

  it('M2: only changed keys are written', () => {
    const { doc, board, me } = newTestBoard();
    const id = board.run((tx) => tx.create('note', { x: 0, y: 0 }), me);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    board.run((tx) => tx.update(id, { x: 0, y: 0, color: 'yellow' }), me);
    expect(updates).toHaveLength(0);
    board.run((tx) => tx.update(id, { x: 5 }), me);
    expect(updates).toHaveLength(1);
  });

  it('M6: moving a carton moves its children by the same delta, not other shapes', () => {
    const { board, me } = newTestBoard();
    const carton = board.run((tx) => tx.create('carton', { x: 0, y: 0, title: 'Témiscouata' }), me);
    const child = board.run((tx) => tx.create('note', { x: 100, y: 100, parentId: carton }), me);
    const outside = board.run((tx) => tx.create('note', { x: 100, y: 100 }), me);
    board.run((tx) => tx.update(carton, { x: 50, y: -20 }), me);
    expect(board.getShape(child)).toMatchObject({ x: 150, y: 80 });
    expect(board.getShape(outside)).toMatchObject({ x: 100, y: 100 });
    board.run((tx) => tx.update(carton, { rotation: 0.3, w: 900 }), me);
    expect(board.getShape(child)).toMatchObject({ x: 150, y: 80, rotation: 0 });
  });

  it('M8: an arrow bound to a moved shape follows it', () => {
    const { board, me } = newTestBoard();
    const note = board.run((tx) => tx.create('note', { x: 100, y: 0, w: 100, h: 100 }), me);
    const arrow = board.run(
      (tx) =>
        tx.create('arrow', {
          x: 0,
          y: 0,
          end: { x: 1, y: 1 },
          endBinding: { shapeId: note, anchor: { x: 0, y: 0.5 } },
        }),
      me,
    );
    expect(board.getShape(arrow)).toMatchObject({ end: { x: 100, y: 50 } });
    board.run((tx) => tx.update(note, { x: 300, y: 200 }), me);
    expect(board.getShape(arrow)).toMatchObject({ start: { x: 0, y: 0 }, end: { x: 300, y: 250 } });
  });

  it('M8: a bound end follows a rotated target and is expressed in the arrow frame', () => {
    const { board, me } = newTestBoard();
    const note = board.run(
      (tx) => tx.create('note', { x: 0, y: 0, w: 100, h: 100, rotation: Math.PI / 2 }),
      me,
    );
    const arrow = board.run(
      (tx) =>
        tx.create('arrow', { x: 10, y: 0, endBinding: { shapeId: note, anchor: { x: 1, y: 0 } } }),
      me,
    );
    const shape = board.getShape(arrow);
    if (shape?.type !== 'arrow') throw new Error('arrow expected');
    // Corner (100, 0) rotated a quarter turn lands at (0, 100), i.e. (-10, 100) from the arrow.
    expect(shape.end.x).toBeCloseTo(-10);
    expect(shape.end.y).toBeCloseTo(100);
  });

  it('M12: id, type, index and parentId are not patchable; invalid values throw', () => {
    const { board, me } = newTestBoard();
    const id = board.run((tx) => tx.create('note', { x: 0, y: 0 }), me);
    const patch = { parentId: null } as unknown as { x: number };
    expect(() => board.run((tx) => tx.update(id, patch), me)).toThrow(BoardCommandError);
    expect(() => board.run((tx) => tx.update(id, { w: -5 }), me)).toThrow(/w/);
    expect(board.getShape(id)).toMatchObject({ w: 200, parentId: null });
  });

  it('M12: updating a missing or unreadable shape is a no-op', () => {
    const { doc, board, me } = newTestBoard();
    const id = board.run((tx) => tx.create('note', { x: 0, y: 0 }), me);
    shapesMapOf(doc)?.get(id)?.set('color', 'plaid');
    expect(() => board.run((tx) => tx.update(id, { x: 9 }), me)).not.toThrow();
    expect(() => board.run((tx) => tx.update('shape:gone', { x: 9 }), me)).not.toThrow();
    expect(shapesMapOf(doc)?.get(id)?.get('x')).toBe(0);
  });
});

describe('update strictness', () => {
  it('M12: a prop the type does not have, or createdBy, is refused', () => {
    const { board, me } = newTestBoard();
    const id = board.run((tx) => tx.create('note', { x: 0, y: 0 }), me);
    const title = { title: 'Kamouraska' } as unknown as { x: number };
    expect(() => board.run((tx) => tx.update(id, title), me)).toThrow(
      /title is not a prop of note/,
    );
    const creator = { createdBy: 'someone' } as unknown as { x: number };
    expect(() => board.run((tx) => tx.update(id, creator), me)).toThrow(/createdBy/);
  });
});
