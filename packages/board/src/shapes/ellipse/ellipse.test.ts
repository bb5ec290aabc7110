import { describe, expect, it } from 'vitest';
import type { EllipseShape } from './ellipse.ts';
import { ellipseDefinition } from './ellipse.ts';

const ellipse: EllipseShape = {
  id: 'shape:ellipse',
  type: 'ellipse',
  x: 0,
  y: 0,
  rotation: 0,
  index: 'a0',
  parentId: null,
  w: 200,
  h: 100,
  color: 'green',
  fill: 'none',
  strokeWidth: 2,
};

describe('ellipse geometry', () => {
  it('M21: the corners of the box are outside the ellipse', () => {
    expect(ellipseDefinition.hitTest(ellipse, { x: 100, y: 50 }, 0)).toBe(true);
    expect(ellipseDefinition.hitTest(ellipse, { x: 5, y: 5 }, 0)).toBe(false);
    expect(ellipseDefinition.hitTest(ellipse, { x: 200, y: 50 }, 0)).toBe(true);
  });
});
