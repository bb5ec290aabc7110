import { describe, expect, it } from 'vitest';
import type { StrokeShape } from './stroke.ts';
import { strokeDefinition, strokePointsBox } from './stroke.ts';

const stroke: StrokeShape = {
  id: 'shape:stroke',
  type: 'stroke',
  x: 50,
  y: 50,
  rotation: 0,
  index: 'a0',
  parentId: null,
  points: [0, 0, 0.5, 100, 0, 0.5, 100, 100, 0.5],
  color: 'blue',
  width: 10,
};

describe('stroke geometry', () => {
  it('M21: bounds include half the stroke width around the points', () => {
    expect(strokeDefinition.bounds(stroke)).toEqual({ x: 45, y: 45, w: 110, h: 110 });
  });

  it('M21: hit-test follows the segments, not the box', () => {
    expect(strokeDefinition.hitTest(stroke, { x: 100, y: 53 }, 0)).toBe(true); // on the first leg
    expect(strokeDefinition.hitTest(stroke, { x: 80, y: 120 }, 0)).toBe(false); // inside the box, off the line
    expect(strokeDefinition.hitTest(stroke, { x: 80, y: 62 }, 8)).toBe(true);
  });

  it('M21: a single-point stroke is a dot', () => {
    const dot = { ...stroke, points: [5, 5, 1] };
    expect(strokeDefinition.hitTest(dot, { x: 58, y: 55 }, 0)).toBe(true);
    expect(strokeDefinition.hitTest(dot, { x: 70, y: 55 }, 0)).toBe(false);
  });

  it('M21: resize scales the points into the new box and keeps pressure', () => {
    const patch = strokeDefinition.resize(stroke, { x: 0, y: 0, w: 50, h: 200 });
    expect(patch).toMatchObject({ x: 0, y: 0 });
    expect(patch.points).toEqual([0, 0, 0.5, 50, 0, 0.5, 50, 200, 0.5]);
    expect(strokePointsBox(patch.points ?? [])).toEqual({ x: 0, y: 0, w: 50, h: 200 });
  });

  it('M27: points must be [x, y, pressure] triples', () => {
    const bad = { ...stroke, points: [0, 0, 0.5, 1] };
    expect(strokeDefinition.schema.safeParse(bad).success).toBe(false);
  });
});
