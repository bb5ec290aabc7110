import { describe, expect, it } from 'vitest';
import { distanceToSegment, pageBounds, pointInBox, rotate, toLocal, toPage } from './geometry.ts';

describe('geometry', () => {
  it('M21: rotating a quarter turn maps x onto y (clockwise on screen)', () => {
    const p = rotate({ x: 10, y: 0 }, Math.PI / 2);
    expect(p.x).toBeCloseTo(0);
    expect(p.y).toBeCloseTo(10);
  });

  it('M21: toLocal undoes toPage', () => {
    const placement = { x: 100, y: 50, rotation: 0.7 };
    const local = toLocal(placement, toPage(placement, { x: 12, y: -30 }));
    expect(local.x).toBeCloseTo(12);
    expect(local.y).toBeCloseTo(-30);
  });

  it('M21: page bounds of a rotated box enclose its rotated corners', () => {
    const bounds = pageBounds(
      { x: 0, y: 0, rotation: Math.PI / 2 },
      { x: 0, y: 0, w: 200, h: 100 },
    );
    expect(bounds.x).toBeCloseTo(-100);
    expect(bounds.y).toBeCloseTo(0);
    expect(bounds.w).toBeCloseTo(100);
    expect(bounds.h).toBeCloseTo(200);
  });

  it('M21: unrotated page bounds are the local box moved to x, y', () => {
    expect(pageBounds({ x: 5, y: 7, rotation: 0 }, { x: -1, y: -2, w: 10, h: 20 })).toEqual({
      x: 4,
      y: 5,
      w: 10,
      h: 20,
    });
  });

  it('M21: distance to a segment clamps to its ends', () => {
    expect(distanceToSegment({ x: 5, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBeCloseTo(3);
    expect(distanceToSegment({ x: 13, y: 4 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBeCloseTo(5);
    expect(distanceToSegment({ x: 3, y: 4 }, { x: 0, y: 0 }, { x: 0, y: 0 })).toBeCloseTo(5);
  });

  it('M21: a point within tolerance of a box is inside', () => {
    const box = { x: 0, y: 0, w: 10, h: 10 };
    expect(pointInBox({ x: 12, y: 5 }, box, 2)).toBe(true);
    expect(pointInBox({ x: 12.5, y: 5 }, box, 2)).toBe(false);
  });
});
