import { describe, expect, it } from 'vitest';
import { forkPeer, newTestBoard, sync } from '../test/fixtures.ts';

describe('per-user undo', () => {
  it('M14: A’s undo never removes B’s work', () => {
    const a = newTestBoard();
    const b = forkPeer(a.doc, 'b');
    const undoA = a.board.createUndoManager(a.me);
    const mine = a.board.run(
      (tx) => tx.create('note', { x: 0, y: 0, text: 'Bon leadership' }),
      a.me,
    );
    const theirs = b.board.run(
      (tx) => tx.create('note', { x: 300, y: 0, text: 'Accompagnement' }),
      b.me,
    );
    sync(a.doc, b.doc);
    expect(undoA.undo()).toBe(true);
    sync(a.doc, b.doc);
    for (const peer of [a, b]) {
      expect(peer.board.getShape(mine)).toBeUndefined();
      expect(peer.board.getShape(theirs)).toMatchObject({ text: 'Accompagnement' });
    }
    expect(undoA.canUndo()).toBe(false);
    expect(undoA.undo()).toBe(false);
  });

  it('M14: undoing a move keeps a peer’s concurrent colour change', () => {
    const a = newTestBoard();
    const id = a.board.run((tx) => tx.create('note', { x: 0, y: 0 }), a.me);
    const b = forkPeer(a.doc, 'b');
    const undoA = a.board.createUndoManager(a.me);
    a.board.run((tx) => tx.update(id, { x: 500 }), a.me);
    b.board.run((tx) => tx.update(id, { color: 'violet' }), b.me);
    sync(a.doc, b.doc);
    undoA.undo();
    sync(a.doc, b.doc);
    expect(b.board.getShape(id)).toMatchObject({ x: 0, color: 'violet' });
  });

  it('M14: a drag written in many frames is one step after stopCapturing', () => {
    const { board, me } = newTestBoard();
    const undo = board.createUndoManager(me, { captureTimeout: 60_000 });
    const id = board.run((tx) => tx.create('note', { x: 0, y: 0 }), me);
    undo.stopCapturing();
    for (let frame = 1; frame <= 10; frame++)
      board.run((tx) => tx.update(id, { x: frame * 10 }), me);
    undo.stopCapturing();
    board.run((tx) => tx.update(id, { text: 'Plaisir!' }), me);
    undo.undo(); // the text
    expect(board.getShape(id)).toMatchObject({ x: 100, text: '' });
    undo.undo(); // the whole drag
    expect(board.getShape(id)).toMatchObject({ x: 0 });
    undo.redo();
    expect(board.getShape(id)).toMatchObject({ x: 100 });
  });

  it('M14: undo of a carton delete restores its contents and the arrow bindings read again', () => {
    const { board, me } = newTestBoard();
    const undo = board.createUndoManager(me);
    const carton = board.run((tx) => tx.create('carton', { x: 0, y: 0 }), me);
    const note = board.run((tx) => tx.create('note', { x: 5, y: 5, parentId: carton }), me);
    const arrow = board.run(
      (tx) =>
        tx.create('arrow', { x: 900, y: 0, endBinding: { shapeId: note, anchor: { x: 0, y: 0 } } }),
      me,
    );
    undo.stopCapturing();
    board.run((tx) => tx.delete([carton]), me);
    expect(board.listShapes().map((shape) => shape.id)).toEqual([arrow]);
    expect(board.getShape(arrow)).toMatchObject({ endBinding: null });
    undo.undo();
    expect(board.getShape(note)).toMatchObject({ parentId: carton });
    expect(board.getShape(arrow)).toMatchObject({ endBinding: { shapeId: note } });
  });

  it('M14: one undo takes back at most one step — a step someone overwrote since is dropped, not the one before it', () => {
    // Émilie writes a note, Pierre then rewrites its text (her word deleted, his typed): her undo
    // of « Mobilité » has nothing left to take back (M35: letters he only added to hers would
    // stay hers to take back). It must not go on to the step before (the note's creation) and delete
    // the note with Pierre's words in it.
    const a = newTestBoard();
    const undoA = a.board.createUndoManager(a.me);
    const id = a.board.run((tx) => tx.create('note', { x: 0, y: 0 }), a.me);
    undoA.stopCapturing();
    a.board.run((tx) => tx.update(id, { text: 'Mobilité' }), a.me);
    undoA.stopCapturing();
    const b = forkPeer(a.doc, 'b');
    b.board.run((tx) => tx.update(id, { text: 'Transport collectif' }), b.me);
    sync(a.doc, b.doc);
    let heard = 0;
    undoA.subscribe(() => heard++);

    expect(undoA.undo()).toBe(false);
    expect(a.board.getShape(id)).toMatchObject({ text: 'Transport collectif' });
    expect(heard).toBeGreaterThan(0); // the undo button learns the step is gone
    // The next press is the creation, taken back on purpose (M14).
    expect(undoA.canUndo()).toBe(true);
    expect(undoA.undo()).toBe(true);
    expect(a.board.getShape(id)).toBeUndefined();
    expect(undoA.canUndo()).toBe(false);
    // Redo brings back the note, as it was deleted.
    expect(undoA.redo()).toBe(true);
    expect(a.board.getShape(id)).toMatchObject({ text: 'Transport collectif' });
  });

  it('M14: writes by other origins are not in the history; listeners hear stack changes', () => {
    const a = newTestBoard();
    const undoA = a.board.createUndoManager(a.me);
    let changes = 0;
    const off = undoA.subscribe(() => changes++);
    a.board.run((tx) => tx.create('note', { x: 0, y: 0 }), { kind: 'server' });
    expect(undoA.canUndo()).toBe(false);
    a.board.run((tx) => tx.create('note', { x: 0, y: 0 }), a.me);
    expect(undoA.canUndo()).toBe(true);
    expect(changes).toBeGreaterThan(0);
    off();
    undoA.destroy();
  });
});
