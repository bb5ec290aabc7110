import { describe, expect, it } from 'vitest';
import { handleAtPoint, handlePosition } from './handles';

describe('resize handles', () => {
  const r = { x: 100, y: 100, width: 200, height: 100 };
  it('places handles on corners and edge midpoints', () => {
    expect(handlePosition(r, 'nw')).toEqual({ x: 100, y: 100 });
    expect(handlePosition(r, 'e')).toEqual({ x: 300, y: 150 });
    expect(handlePosition(r, 's')).toEqual({ x: 200, y: 200 });
  });
  it('finds the nearest handle within the radius', () => {
    expect(handleAtPoint(r, { x: 303, y: 198 }, 10)).toBe('se');
    expect(handleAtPoint(r, { x: 200, y: 95 }, 10)).toBe('n');
    expect(handleAtPoint(r, { x: 200, y: 150 }, 10)).toBeNull();
  });
  it('keeps only corners on small shapes', () => {
    expect(handleAtPoint({ x: 0, y: 0, width: 30, height: 30 }, { x: 15, y: 0 }, 22)).not.toBe('n');
  });
});
