import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, createBoardView, initBoardDoc, localOrigin } from '@carton/board';
import { Scene } from './scene';
import { visibleIdsReader } from './useVisibleIds';

function territory() {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Conditions de succès — Témiscouata', kind: 'territory' });
  const board = new Board(doc);
  const origin = localOrigin('user:a');
  const note = board.run(
    (tx) => tx.create('note', { x: 0, y: 0, text: 'Balises claires' }),
    origin,
  );
  return { board, origin, note, scene: new Scene(createBoardView(board)) };
}

const SCREEN = { x: -100, y: -100, width: 1000, height: 800 };

describe('visibleIdsReader', () => {
  it('returns the same array while a drag moves a shape within view (no canvas re-render)', () => {
    const { board, origin, note, scene } = territory();
    const read = visibleIdsReader(scene);
    const first = read(SCREEN);
    expect(first).toEqual([note]);
    for (let x = 10; x <= 100; x += 10) board.run((tx) => tx.update(note, { x }), origin);
    expect(read(SCREEN)).toBe(first);
    // A view moved a little, still showing the same shapes.
    expect(read({ ...SCREEN, x: -90 })).toBe(first);
  });

  it('returns new ids when a shape comes into view, is added or leaves', () => {
    const { board, origin, note, scene } = territory();
    const read = visibleIdsReader(scene);
    const first = read(SCREEN);
    const other = board.run(
      (tx) => tx.create('note', { x: 300, y: 0, text: 'Financement systémique' }),
      origin,
    );
    const second = read(SCREEN);
    expect(second).toEqual([note, other]);
    expect(second).not.toBe(first);
    board.run((tx) => tx.update(other, { x: 5000 }), origin);
    expect(read(SCREEN)).toEqual([note]);
    expect(read({ ...SCREEN, width: 6000 })).toEqual([note, other]);
  });
});
