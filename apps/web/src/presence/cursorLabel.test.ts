import { describe, expect, it } from 'vitest';
import { cursorLabelOffset, LABEL_OFFSET } from './cursorLabel';

const PHONE = { width: 360, height: 740 };
const NAME = { width: 210, height: 19 };

describe('a cursor’s name label', () => {
  it('sits below right of the cursor away from the edges', () => {
    expect(cursorLabelOffset({ x: 40, y: 200 }, NAME, PHONE)).toEqual(LABEL_OFFSET);
  });

  it('flips to the cursor’s left near the right edge, whole on screen', () => {
    const tip = { x: 348, y: 370 };
    const { left } = cursorLabelOffset(tip, NAME, PHONE);
    expect(tip.x + left + NAME.width).toBeLessThanOrEqual(tip.x);
    expect(tip.x + left).toBeGreaterThanOrEqual(0);
  });

  it('goes above the cursor near the bottom edge', () => {
    const tip = { x: 40, y: 730 };
    const { top } = cursorLabelOffset(tip, NAME, PHONE);
    expect(tip.y + top + NAME.height).toBeLessThanOrEqual(tip.y);
  });

  it('a name wider than either side stays inside the screen', () => {
    const tip = { x: 180, y: 300 };
    const wide = { width: 300, height: 19 };
    const { left } = cursorLabelOffset(tip, wide, PHONE);
    expect(tip.x + left).toBeGreaterThanOrEqual(0);
    expect(tip.x + left + wide.width).toBeLessThanOrEqual(PHONE.width);
  });

  it('a cursor off screen keeps its label beside it (both clipped)', () => {
    expect(cursorLabelOffset({ x: -30, y: 300 }, NAME, PHONE)).toEqual(LABEL_OFFSET);
  });
});
