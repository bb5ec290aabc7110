import { describe, expect, it } from 'vitest';
import type { ArrowShape } from './arrow.ts';
import { arrowDefinition } from './arrow.ts';

const arrow: ArrowShape = {
  id: 'shape:arrow',
  type: 'arrow',
  x: 0,
  y: 0,
  rotation: 0,
  index: 'a0',
  parentId: null,
  start: { x: 0, y: 0 },
  end: { x: 100, y: 0 },
  startBinding: null,
  endBinding: null,
  color: 'black',
  width: 4,
};

describe('arrow geometry', () => {
  it('M21: hit-test is distance to the shaft', () => {
    expect(arrowDefinition.hitTest(arrow, { x: 50, y: 1.5 }, 0)).toBe(true);
    expect(arrowDefinition.hitTest(arrow, { x: 50, y: 10 }, 0)).toBe(false);
    expect(arrowDefinition.hitTest(arrow, { x: 50, y: 10 }, 9)).toBe(true);
  });

  it('M21: bounds span both ends plus half the width', () => {
    const up = { ...arrow, start: { x: 10, y: 80 }, end: { x: 60, y: 20 } };
    expect(arrowDefinition.bounds(up)).toEqual({ x: 8, y: 18, w: 54, h: 64 });
  });

  it('M21: resize scales the ends', () => {
    const patch = arrowDefinition.resize(arrow, { x: 5, y: 5, w: 50, h: 10 });
    expect(patch).toEqual({ x: 5, y: 5, start: { x: 0, y: 0 }, end: { x: 50, y: 0 } });
  });

  it('M27: a binding anchor is normalized to 0..1', () => {
    const bound = { ...arrow, endBinding: { shapeId: 'shape:note', anchor: { x: 1.5, y: 0 } } };
    expect(arrowDefinition.schema.safeParse(bound).success).toBe(false);
  });
});
