import { describe, expect, it } from 'vitest';
import { SpatialIndex } from './spatialIndex';
import { rectsIntersect, type Rect } from './rect';

describe('SpatialIndex', () => {
  it('finds shapes intersecting a query and not the others', () => {
    const index = new SpatialIndex(100);
    index.set('a', { x: 10, y: 10, width: 20, height: 20 });
    index.set('b', { x: 500, y: 500, width: 20, height: 20 });
    index.set('c', { x: -250, y: 90, width: 400, height: 30 }); // spans several cells
    expect([...index.query({ x: 0, y: 0, width: 50, height: 50 })]).toEqual(['a']);
    expect([...index.query({ x: 0, y: 95, width: 10, height: 10 })]).toEqual(['c']);
    expect(index.query({ x: 490, y: 490, width: 5, height: 5 }).size).toBe(0);
  });

  it('moves and deletes entries', () => {
    const index = new SpatialIndex(100);
    index.set('a', { x: 0, y: 0, width: 10, height: 10 });
    index.set('a', { x: 1000, y: 1000, width: 10, height: 10 });
    expect(index.query({ x: 0, y: 0, width: 20, height: 20 }).size).toBe(0);
    expect(index.query({ x: 995, y: 995, width: 10, height: 10 }).has('a')).toBe(true);
    index.delete('a');
    expect(index.size).toBe(0);
    expect(index.query({ x: 995, y: 995, width: 10, height: 10 }).size).toBe(0);
  });

  it('handles negative coordinates and a huge query', () => {
    const index = new SpatialIndex(64);
    index.set('n', { x: -1000, y: -1000, width: 5, height: 5 });
    expect(index.query({ x: -1e6, y: -1e6, width: 2e6, height: 2e6 }).has('n')).toBe(true);
  });

  it('agrees with a brute-force scan on random data', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
    const index = new SpatialIndex(128);
    const rects = new Map<string, Rect>();
    for (let i = 0; i < 500; i++) {
      const r = {
        x: random() * 4000 - 2000,
        y: random() * 4000 - 2000,
        width: random() * 300,
        height: random() * 300,
      };
      rects.set(`s${i}`, r);
      index.set(`s${i}`, r);
    }
    for (let i = 0; i < 50; i++) {
      const q = {
        x: random() * 4000 - 2000,
        y: random() * 4000 - 2000,
        width: random() * 1500,
        height: random() * 1500,
      };
      const expected = [...rects]
        .filter(([, r]) => rectsIntersect(r, q))
        .map(([id]) => id)
        .sort();
      expect([...index.query(q)].sort()).toEqual(expected);
    }
  });
});
