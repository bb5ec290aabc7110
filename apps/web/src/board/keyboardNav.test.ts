import { describe, expect, it } from 'vitest';
import {
  adjacentShape,
  freeSpot,
  overlapsAny,
  readingOrder,
  type PlacedShape,
} from './keyboardNav';

const box = (id: string, x: number, y: number, parentId: string | null = null): PlacedShape => ({
  id,
  bounds: { x, y, width: 200, height: 200 },
  parentId,
});

describe('readingOrder', () => {
  it('reads rows top to bottom, left to right, even when notes are not aligned', () => {
    const order = readingOrder([
      box('logement', 500, 12),
      box('transport', 0, 300),
      box('emploi', 0, 0),
      box('sante', 260, -20),
    ]);
    expect(order).toEqual(['emploi', 'sante', 'logement', 'transport']);
  });

  it("puts a carton's notes right after the carton, before the next carton", () => {
    const order = readingOrder([
      box('carton-est', 1000, 0),
      box('carton-ouest', 0, 0),
      box('note-est', 1100, 100, 'carton-est'),
      box('note-ouest-2', 300, 100, 'carton-ouest'),
      box('note-ouest-1', 50, 100, 'carton-ouest'),
    ]);
    expect(order).toEqual([
      'carton-ouest',
      'note-ouest-1',
      'note-ouest-2',
      'carton-est',
      'note-est',
    ]);
  });

  it('reads a shape whose carton is gone as a top-level shape', () => {
    expect(readingOrder([box('orpheline', 0, 0, 'disparu')])).toEqual(['orpheline']);
  });
});

describe('adjacentShape', () => {
  const order = ['a', 'b', 'c'];
  it('goes to the next and the previous shape', () => {
    expect(adjacentShape(order, ['a'], 1)).toBe('b');
    expect(adjacentShape(order, ['c'], -1)).toBe('b');
  });
  it('enters at either end when nothing is selected', () => {
    expect(adjacentShape(order, [], 1)).toBe('a');
    expect(adjacentShape(order, [], -1)).toBe('c');
  });
  it('answers null past either end, so the focus can leave the board', () => {
    expect(adjacentShape(order, ['c'], 1)).toBeNull();
    expect(adjacentShape(order, ['a'], -1)).toBeNull();
    expect(adjacentShape([], [], 1)).toBeNull();
  });
  it('continues after the last of several selected shapes', () => {
    expect(adjacentShape(order, ['b', 'a'], 1)).toBe('c');
    expect(adjacentShape(order, ['b', 'c'], -1)).toBe('a');
  });
});

describe('freeSpot', () => {
  const size = { width: 200, height: 200 };
  it('keeps the centre when it is free', () => {
    expect(freeSpot({ x: 0, y: 0 }, size, () => false)).toEqual({ x: 0, y: 0 });
  });
  it('puts a second note beside the first instead of on top of it', () => {
    const first = { x: -100, y: -100, width: 200, height: 200 };
    const spot = freeSpot({ x: 0, y: 0 }, size, (r) => overlapsAny(r, [first]));
    expect(spot).toEqual({ x: 220, y: 0 });
  });
  it('cascades when everything around is taken', () => {
    expect(freeSpot({ x: 0, y: 0 }, size, () => true)).toEqual({ x: 24, y: 24 });
  });
});
