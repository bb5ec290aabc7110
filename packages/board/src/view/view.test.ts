import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { Board } from '../board/board.ts';
import { initBoardDoc, rootMap, shapesMapOf } from '../doc/layout.ts';
import { localOrigin } from '../origin/origin.ts';
import { forkPeer, newTestBoard, sync, TERRITORIES } from '../test/fixtures.ts';
import { createBoardView } from './view.ts';

describe('board view', () => {
  it('M15: unchanged shapes keep their identity; changed ones get a new snapshot', () => {
    const { board, me } = newTestBoard();
    const [a, b] = board.run(
      (tx) => [tx.create('note', { x: 0, y: 0 }), tx.create('note', { x: 300, y: 0 })],
      me,
    ) as [string, string];
    const view = createBoardView(board);
    const beforeA = view.getShape(a);
    const beforeB = view.getShape(b);
    board.run((tx) => tx.update(b, { text: 'Inclusion' }), me);
    expect(view.getShape(a)).toBe(beforeA);
    expect(view.getShape(b)).not.toBe(beforeB);
    expect(view.getShape(b)).toMatchObject({ text: 'Inclusion' });
  });

  it('M15: per-shape listeners fire only for their shape', () => {
    const { board, me } = newTestBoard();
    const [a, b] = board.run(
      (tx) => [tx.create('note', { x: 0, y: 0 }), tx.create('note', { x: 300, y: 0 })],
      me,
    ) as [string, string];
    const view = createBoardView(board);
    const heard: string[] = [];
    view.subscribeShape(a, () => heard.push('a'));
    const offB = view.subscribeShape(b, () => heard.push('b'));
    let any = 0;
    view.subscribe(() => any++);
    board.run((tx) => tx.update(a, { x: 10 }), me);
    board.run((tx) => tx.update(a, { x: 10 }), me); // no change, no notification
    offB();
    board.run((tx) => tx.update(b, { x: 10 }), me);
    expect(heard).toEqual(['a']);
    expect(any).toBe(2);
  });

  it('M15: listeners are told which ids changed — dependents, removals; none for meta alone', () => {
    const { doc, board, me } = newTestBoard();
    const [a, b] = board.run(
      (tx) => [tx.create('note', { x: 0, y: 0 }), tx.create('note', { x: 300, y: 0 })],
      me,
    ) as [string, string];
    const arrow = board.run(
      (tx) =>
        tx.create('arrow', { x: 0, y: 0, endBinding: { shapeId: a, anchor: { x: 0, y: 0 } } }),
      me,
    );
    const view = createBoardView(board);
    const heard: string[][] = [];
    view.subscribe((changed) => heard.push([...changed].sort()));
    board.run((tx) => tx.update(a, { y: 40 }), me); // the arrow bound to it follows
    board.run((tx) => tx.update(b, { text: 'Entraide' }), me);
    board.run((tx) => tx.reorder([b], 'back'), me);
    board.run((tx) => tx.delete([b]), me);
    doc.transact(() => (rootMap(doc).get('meta') as Y.Map<unknown>).set('title', 'La Mitis'));
    expect(heard).toEqual([[a, arrow].sort(), [b], [b], [b], []]);
  });

  it('M15: the ordered ids array is stable until order or membership changes', () => {
    const { board, me } = newTestBoard();
    const [a, b] = board.run(
      (tx) => [tx.create('note', { x: 0, y: 0 }), tx.create('note', { x: 0, y: 0 })],
      me,
    ) as [string, string];
    const view = createBoardView(board);
    const first = view.getOrderedIds();
    expect(first).toEqual([a, b]);
    board.run((tx) => tx.update(a, { x: 99, text: 'Participation' }), me);
    expect(view.getOrderedIds()).toBe(first);
    board.run((tx) => tx.reorder([a], 'front'), me);
    const second = view.getOrderedIds();
    expect(second).toEqual([b, a]);
    board.run((tx) => tx.reorder([a], 'front'), me); // new index, same order
    expect(view.getOrderedIds()).toBe(second);
    const c = board.run((tx) => tx.create('stamp', { x: 0, y: 0 }), me);
    expect(view.getOrderedIds()).toEqual([b, a, c]);
  });

  it('M15: an arrow snapshot changes when its bound target moves', () => {
    const { board, me } = newTestBoard();
    const note = board.run((tx) => tx.create('note', { x: 100, y: 0, w: 100, h: 100 }), me);
    const arrow = board.run(
      (tx) =>
        tx.create('arrow', { x: 0, y: 0, endBinding: { shapeId: note, anchor: { x: 0, y: 0 } } }),
      me,
    );
    const view = createBoardView(board);
    let heard = 0;
    view.subscribeShape(arrow, () => heard++);
    board.run((tx) => tx.update(note, { y: 40 }), me);
    expect(heard).toBe(1);
    expect(view.getShape(arrow)).toMatchObject({ end: { x: 100, y: 40 } });
    board.run((tx) => tx.update(note, { text: 'même place' }), me);
    expect(heard).toBe(1);
  });

  it('M15: children of a carton deleted by a peer read parentless in the view', () => {
    const a = newTestBoard();
    const carton = a.board.run((tx) => tx.create('carton', { x: 0, y: 0 }), a.me);
    const note = a.board.run((tx) => tx.create('note', { x: 0, y: 0 }), a.me);
    const b = forkPeer(a.doc, 'b');
    const view = createBoardView(a.board);
    b.board.run((tx) => tx.reparent([note], carton), b.me);
    sync(a.doc, b.doc);
    expect(view.getShape(note)?.parentId).toBe(carton);
    // What a concurrent delete leaves: the carton gone, the note still pointing at it.
    a.doc.transact(() => shapesMapOf(a.doc)?.delete(carton));
    expect(view.getShape(note)?.parentId).toBeNull();
    expect(view.getOrderedIds()).toEqual([note]);
  });

  it('M15: a view created before the first sync fills in when the document arrives', () => {
    const server = new Y.Doc();
    initBoardDoc(server, { title: TERRITORIES[1], kind: 'territory' });
    new Board(server).run((tx) => tx.create('note', { x: 0, y: 0 }), localOrigin('s'));
    const client = new Y.Doc();
    const view = createBoardView(new Board(client));
    let heard = 0;
    view.subscribe(() => heard++);
    expect(view.getOrderedIds()).toEqual([]);
    expect(view.getMeta()).toBeNull();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    expect(view.getOrderedIds()).toHaveLength(1);
    expect(view.getMeta()).toMatchObject({ title: 'Rivière-du-Loup', kind: 'territory' });
    expect(heard).toBe(1);
    view.destroy();
  });
});

describe('board view dependents', () => {
  it('M15: editing a carton’s title does not touch its children; deleting it does', () => {
    const { doc, board, me } = newTestBoard();
    const carton = board.run((tx) => tx.create('carton', { x: 0, y: 0, title: 'La Mitis' }), me);
    const note = board.run((tx) => tx.create('note', { x: 0, y: 0, parentId: carton }), me);
    const view = createBoardView(board);
    const before = view.getShape(note);
    let heard = 0;
    view.subscribeShape(note, () => heard++);
    board.run((tx) => tx.update(carton, { title: 'La Mitis — conditions' }), me);
    expect(view.getShape(note)).toBe(before);
    expect(heard).toBe(0);
    doc.transact(() => shapesMapOf(doc)?.delete(carton));
    expect(heard).toBe(1);
    expect(view.getShape(note)?.parentId).toBeNull();
  });

  it('M15 (M35): letters a co-writer types in a note reach its snapshot and its listener', () => {
    const a = newTestBoard();
    const id = a.board.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Bon' }), a.me);
    const b = forkPeer(a.doc, 'pierre');
    const view = createBoardView(a.board);
    let heard = 0;
    view.subscribeShape(id, () => heard++);
    b.board.run((tx) => tx.update(id, { text: 'Bon leadership' }), b.me);
    sync(a.doc, b.doc);
    expect(heard).toBe(1);
    expect(view.getShape(id)).toMatchObject({ text: 'Bon leadership' });
  });
});
