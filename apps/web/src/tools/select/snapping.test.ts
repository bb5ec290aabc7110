import { describe, expect, it } from 'vitest';
import { snapBox, snapResize } from './snapping';

describe('snapBox', () => {
  const target = { x: 100, y: 100, width: 200, height: 100 };

  it('snaps a left edge to a left edge within the threshold, with a guide', () => {
    const r = snapBox({ x: 103, y: 400, width: 50, height: 50 }, [target], 5);
    expect(r.dx).toBe(-3);
    expect(r.dy).toBe(0);
    expect(r.guides).toEqual([{ axis: 'x', at: 100, from: 100, to: 450 }]);
  });

  it('snaps centres', () => {
    // Moving centre x is 202, target centre 200.
    const r = snapBox({ x: 177, y: 130, width: 50, height: 40 }, [target], 5);
    expect(r.dx).toBe(-2);
    expect(r.dy).toBe(0); // centre y 150 already equals target centre 150
    expect(r.guides.map((g) => g.axis).sort()).toEqual(['x', 'y']);
  });

  it('does not snap beyond the threshold', () => {
    const r = snapBox({ x: 120, y: 420, width: 30, height: 30 }, [target], 5);
    expect(r).toEqual({ dx: 0, dy: 0, guides: [] });
  });

  it('picks the nearest line among several targets', () => {
    const other = { x: 304, y: 0, width: 10, height: 10 };
    const r = snapBox({ x: 303, y: 500, width: 20, height: 20 }, [target, other], 5);
    expect(r.dx).toBe(1); // 304 is 1 away, 300 is 3 away
    expect(r.guides[0]?.at).toBe(304);
  });
});

describe('snapResize', () => {
  const target = { x: 300, y: 0, width: 100, height: 100 };

  it('snaps only the edge the handle moves, to an edge or a centre', () => {
    const box = { x: 0, y: 0, width: 347, height: 80 };
    const r = snapResize(box, 'e', [target], 6);
    expect(r.dx).toBe(3); // east edge 347 → the target's centre line 350
    expect(r.dy).toBe(0);
    expect(r.guides).toEqual([{ axis: 'x', at: 350, from: 0, to: 100 }]);
  });

  it('a west handle does not pull the east edge', () => {
    const box = { x: 100, y: 0, width: 197, height: 80 };
    expect(snapResize(box, 'w', [target], 6)).toEqual({ dx: 0, dy: 0, guides: [] });
  });
});
