import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { Board } from '../board/board.ts';
import { localOrigin, SERVER_ORIGIN } from '../origin/origin.ts';
import { CONDITIONS_PRESENTES, newTestBoard } from '../test/fixtures.ts';
import { compareOrder } from '../zorder/zorder.ts';
import { BoardCommandError } from './errors.ts';

describe('create', () => {
  it('M27: fills defaults, the creator and a top index', () => {
    const { board, me } = newTestBoard();
    const id = board.run((tx) => tx.create('note', { x: 1, y: 2 }), me);
    expect(id).toMatch(/^shape:[A-Za-z0-9_-]{22}$/);
    expect(board.getShape(id)).toEqual({
      id,
      type: 'note',
      x: 1,
      y: 2,
      rotation: 0,
      index: expect.any(String),
      parentId: null,
      createdBy: 'marie-anne',
      text: '',
      color: 'yellow',
      w: 200,
      h: 200,
    });
  });

  it('M20: a non-local origin records no creator', () => {
    const { board } = newTestBoard();
    const id = board.run((tx) => tx.create('stamp', { x: 0, y: 0, kind: 'star' }), SERVER_ORIGIN);
    expect(board.getShape(id)?.createdBy).toBeUndefined();
  });

  it('M3: each new shape goes above every other', () => {
    const { board, me } = newTestBoard();
    const ids = CONDITIONS_PRESENTES.map((text, i) =>
      board.run((tx) => tx.create('note', { x: i * 210, y: 0, text }), me),
    );
    expect(board.listShapes().map((shape) => shape.id)).toEqual(ids);
  });

  it('M3: the top index also follows shapes created by a peer', () => {
    const a = newTestBoard();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
    const boardB = new Board(b);
    a.board.run((tx) => tx.create('note', { x: 0, y: 0 }), a.me); // warms A's cache
    for (let i = 0; i < 3; i++)
      boardB.run((tx) => tx.create('note', { x: 0, y: 0 }), localOrigin('b'));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a.doc)));
    const last = a.board.run((tx) => tx.create('note', { x: 0, y: 0 }), a.me);
    const shapes = a.board.listShapes();
    expect(shapes.at(-1)?.id).toBe(last);
    expect(compareOrder(shapes.at(-2)!, shapes.at(-1)!)).toBe(-1);
  });

  it('M12: invalid props throw before anything is written', () => {
    const { board, me } = newTestBoard();
    expect(() =>
      board.run((tx) => tx.create('note', { x: 0, y: 0, color: 'chartreuse' as 'pink' }), me),
    ).toThrow(BoardCommandError);
    expect(() => board.run((tx) => tx.create('note', { x: Number.NaN, y: 0 }), me)).toThrow(/x/);
    expect(board.listShapes()).toEqual([]);
  });

  it('M12: an unknown type or a taken id is refused', () => {
    const { board, me } = newTestBoard();
    expect(() => board.run((tx) => tx.create('sticker' as 'note', { x: 0, y: 0 }), me)).toThrow(
      /unknown shape type/,
    );
    const id = board.run((tx) => tx.create('note', { x: 0, y: 0 }), me);
    expect(() => board.run((tx) => tx.create('note', { x: 0, y: 0, id }), me)).toThrow(/exists/);
  });

  it('M12: a parent that is not a carton means no parent; a carton never has one', () => {
    const { board, me } = newTestBoard();
    const note = board.run((tx) => tx.create('note', { x: 0, y: 0 }), me);
    const carton = board.run((tx) => tx.create('carton', { x: 0, y: 0, title: 'La Mitis' }), me);
    const inNote = board.run((tx) => tx.create('note', { x: 0, y: 0, parentId: note }), me);
    const nested = board.run((tx) => tx.create('carton', { x: 0, y: 0, parentId: carton }), me);
    const child = board.run((tx) => tx.create('note', { x: 0, y: 0, parentId: carton }), me);
    expect(board.getShape(inNote)?.parentId).toBeNull();
    expect(board.getShape(nested)?.parentId).toBeNull();
    expect(board.getShape(child)?.parentId).toBe(carton);
  });

  it('M12: an arrow cannot bind to itself or to another arrow; a missing target is dropped', () => {
    const { board, me } = newTestBoard();
    const arrow = board.run((tx) => tx.create('arrow', { x: 0, y: 0 }), me);
    const anchor = { x: 0.5, y: 0.5 };
    expect(() =>
      board.run(
        (tx) => tx.create('arrow', { x: 0, y: 0, endBinding: { shapeId: arrow, anchor } }),
        me,
      ),
    ).toThrow(/another arrow/);
    expect(() =>
      board.run((tx) => tx.update(arrow, { startBinding: { shapeId: arrow, anchor } }), me),
    ).toThrow(/itself/);
    const loose = board.run(
      (tx) => tx.create('arrow', { x: 0, y: 0, endBinding: { shapeId: 'shape:gone', anchor } }),
      me,
    );
    expect(board.getShape(loose)).toMatchObject({ endBinding: null });
  });

  it('M1: commands on a document that is not initialised throw', () => {
    const board = new Board(new Y.Doc());
    expect(() => board.run((tx) => tx.create('note', { x: 0, y: 0 }), localOrigin('x'))).toThrow(
      /not initialised/,
    );
    expect(board.listShapes()).toEqual([]);
    expect(board.meta()).toBeNull();
  });
});
