import { describe, expect, it } from 'vitest';
import type { Rect } from '../../geometry/rect';
import { GestureSnapping, SnapTargets, snapBox, snapResize } from './snapping';

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

describe('SnapTargets (lines sorted once per gesture)', () => {
  // Every line of every target against every line of the box: what a move did before.
  function bruteForce(moving: Rect, targets: readonly Rect[], threshold: number) {
    const lines = (r: Rect, axis: 'x' | 'y') =>
      axis === 'x'
        ? [r.x, r.x + r.width / 2, r.x + r.width]
        : [r.y, r.y + r.height / 2, r.y + r.height];
    const best = (axis: 'x' | 'y') => {
      let found = Infinity;
      for (const t of targets)
        for (const v of lines(t, axis))
          for (const m of lines(moving, axis))
            if (Math.abs(v - m) <= threshold && Math.abs(v - m) < Math.abs(found)) found = v - m;
      return found === Infinity ? 0 : found;
    };
    return { dx: best('x'), dy: best('y') };
  }

  it('snaps by the same distance as going through every target', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const rect = (): Rect => ({
      x: Math.round(random() * 2000),
      y: Math.round(random() * 2000),
      width: 20 + Math.round(random() * 300),
      height: 20 + Math.round(random() * 300),
    });
    const targets = Array.from({ length: 150 }, rect);
    const sorted = new SnapTargets(targets);
    const got: number[][] = [];
    const expected: number[][] = [];
    for (let i = 0; i < 300; i++) {
      const moving = rect();
      const brute = bruteForce(moving, targets, 6);
      const r = snapBox(moving, sorted, 6);
      got.push([Math.abs(r.dx), Math.abs(r.dy)]);
      expected.push([Math.abs(brute.dx), Math.abs(brute.dy)]);
    }
    expect(got).toEqual(expected);
    // Not a test of nothing: most boxes found a line to snap to.
    expect(got.filter(([dx, dy]) => dx !== 0 || dy !== 0).length).toBeGreaterThan(100);
  });

  it('counts only the targets meeting the reach, for the snap and its guide', () => {
    const near = { x: 100, y: 0, width: 50, height: 50 };
    const far = { x: 100, y: 5000, width: 50, height: 50 };
    const moving = { x: 102, y: 200, width: 30, height: 30 };
    const reach = { x: 0, y: 0, width: 1000, height: 1000 };
    const r = snapBox(moving, new SnapTargets([far, near]), 6, reach);
    expect(r.dx).toBe(-2);
    expect(r.guides).toEqual([{ axis: 'x', at: 100, from: 0, to: 230 }]);
    const alone = snapBox(moving, new SnapTargets([far]), 6, reach);
    expect(alone).toEqual({ dx: 0, dy: 0, guides: [] });
  });
});

describe('GestureSnapping', () => {
  it('gathers around the box at the start, and again once its reach leaves that area', () => {
    const asked: Rect[] = [];
    const ctx = {
      zoom: 2,
      snapTargets: (rect: Rect, moving: ReadonlySet<string>) => {
        asked.push(rect);
        expect([...moving]).toEqual(['n']);
        return [{ x: 0, y: 0, width: 10, height: 10 }];
      },
    };
    const snapping = new GestureSnapping(new Set(['n']));
    const box = { x: 0, y: 0, width: 100, height: 100 };
    const [, reach] = snapping.near(ctx, box);
    // The reach is 400 screen px (200 world units at zoom 2); gathered 1200 px further.
    expect(reach).toEqual({ x: -200, y: -200, width: 500, height: 500 });
    expect(asked).toEqual([{ x: -800, y: -800, width: 1700, height: 1700 }]);
    snapping.near(ctx, { ...box, x: 600 });
    expect(asked).toHaveLength(1);
    snapping.near(ctx, { ...box, x: 601 });
    expect(asked).toHaveLength(2);
  });
});
