import { describe, expect, it } from 'vitest';
import { MAX_CANVAS_AREA, MAX_CANVAS_SIDE, clampScale } from './scale';

describe('clampScale', () => {
  it('keeps a scale that fits, within 1×–4×', () => {
    expect(clampScale({ w: 1200, h: 800 }, 2)).toEqual({
      scale: 2,
      width: 2400,
      height: 1600,
      reduced: false,
    });
    expect(clampScale({ w: 100, h: 100 }, 9).scale).toBe(4);
    expect(clampScale({ w: 100, h: 100 }, 0).scale).toBe(1);
    expect(clampScale({ w: 100, h: 100 }, Number.NaN).scale).toBe(2);
  });

  it('lowers the scale for a side past the limit', () => {
    const clamped = clampScale({ w: 6000, h: 300 }, 4);
    expect(clamped.reduced).toBe(true);
    expect(clamped.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(clamped.scale).toBeCloseTo(2.73, 2);
  });

  it('lowers the scale for an area past the limit', () => {
    const clamped = clampScale({ w: 15000, h: 15000 }, 3);
    expect(clamped.reduced).toBe(true);
    expect(clamped.width * clamped.height).toBeLessThanOrEqual(MAX_CANVAS_AREA);
    expect(clamped.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(clamped.scale).toBeLessThan(1.1);
  });

  it('honours smaller limits (another browser) and goes below 1× for a huge board', () => {
    const clamped = clampScale({ w: 40_000, h: 20_000 }, 2, { side: 8192, area: 8192 * 8192 });
    expect(clamped.reduced).toBe(true);
    expect(clamped.width).toBeLessThanOrEqual(8192);
    expect(clamped.scale).toBeLessThan(1);
  });
});
