import { describe, expect, it } from 'vitest';
import { STAMP_KINDS, stampDefinition } from './stamp.ts';
import type { StampShape } from './stamp.ts';

const stamp: StampShape = {
  id: 'shape:stamp',
  type: 'stamp',
  x: 10,
  y: 10,
  rotation: 0,
  index: 'a0',
  parentId: null,
  kind: 'heart',
  size: 64,
  color: 'red',
};

describe('stamp', () => {
  it('M27: the five stamp kinds of the forum', () => {
    expect(STAMP_KINDS).toEqual(['heart', 'star', 'check', 'exclamation', 'question']);
    expect(stampDefinition.schema.safeParse({ ...stamp, kind: 'thumbs' }).success).toBe(false);
  });

  it('M21: resize keeps the stamp square (the smaller side wins)', () => {
    expect(stampDefinition.resize(stamp, { x: 0, y: 0, w: 120, h: 80 })).toEqual({
      x: 0,
      y: 0,
      size: 80,
    });
    expect(stampDefinition.bounds(stamp)).toEqual({ x: 10, y: 10, w: 64, h: 64 });
  });
});
