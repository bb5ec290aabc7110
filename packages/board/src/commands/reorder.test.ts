import { describe, expect, it } from 'vitest';
import type { Board } from '../board/board.ts';
import type { LocalOrigin } from '../origin/origin.ts';
import { INCONTOURNABLES, newTestBoard } from '../test/fixtures.ts';
import { isValidIndex } from '../zorder/zorder.ts';

function setup(): { board: Board; me: LocalOrigin; ids: string[] } {
  const { board, me } = newTestBoard('Plénière', 'plenary');
  const ids = INCONTOURNABLES.map((text) =>
    board.run((tx) => tx.create('note', { x: 0, y: 0, text }), me),
  );
  return { board, me, ids };
}

const order = (board: Board) => board.listShapes().map((shape) => shape.id);

describe('reorder', () => {
  it('M7: front and back keep the selection’s relative order', () => {
    const { board, me, ids } = setup();
    const [a, b, c, d, e] = ids as [string, string, string, string, string];
    board.run((tx) => tx.reorder([b, a], 'front'), me);
    expect(order(board)).toEqual([c, d, e, a, b]);
    board.run((tx) => tx.reorder([e, b], 'back'), me);
    expect(order(board)).toEqual([e, b, c, d, a]);
    for (const shape of board.listShapes()) expect(isValidIndex(shape.index)).toBe(true);
  });

  it('M7: forward and backward step past one neighbour', () => {
    const { board, me, ids } = setup();
    const [a, b, c, d, e] = ids as [string, string, string, string, string];
    board.run((tx) => tx.reorder([a], 'forward'), me);
    expect(order(board)).toEqual([b, a, c, d, e]);
    board.run((tx) => tx.reorder([a, c], 'forward'), me);
    expect(order(board)).toEqual([b, d, a, c, e]);
    board.run((tx) => tx.reorder([e], 'forward'), me); // already on top
    expect(order(board)).toEqual([b, d, a, c, e]);
    board.run((tx) => tx.reorder([a, e], 'backward'), me);
    expect(order(board)).toEqual([b, a, d, e, c]);
  });

  it('M3: shapes tied at the same index (concurrent creates) still step forward', () => {
    const { board, me } = newTestBoard();
    const tied = ['shape:tie-a', 'shape:tie-b', 'shape:tie-c'].map((id) =>
      board.run((tx) => tx.create('note', { x: 0, y: 0, id, index: 'a5' }), me),
    );
    const low = board.run((tx) => tx.create('note', { x: 0, y: 0, index: 'a1' }), me);
    expect(order(board)).toEqual([low, ...tied]);
    board.run((tx) => tx.reorder([low], 'forward'), me);
    expect(order(board)).toEqual([...tied, low]);
  });
});
