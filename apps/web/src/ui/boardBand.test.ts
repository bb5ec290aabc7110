import { describe, expect, it } from 'vitest';
import { tallPageHeight } from './boardBand';

describe('tallPageHeight', () => {
  it('leaves a page whose chrome leaves the board its share at the window’s height', () => {
    // A 390 × 844 phone at 100 %, a facilitator: the board has 528 px between kit and toolbar.
    expect(tallPageHeight(844, { top: 207, column: 98, bottom: 125, tools: 125, gap: 8 })).toBe(
      null,
    );
  });

  it('gives the board a band of the window’s height where the chrome leaves it a strip', () => {
    // A phone at 150 % (260 × 562): 207 px between the kit and the toolbar, the pill beside.
    expect(tallPageHeight(562, { top: 203, column: 98, bottom: 152, tools: 152, gap: 8 })).toBe(
      203 + 98 + 8 + 562 + 152,
    );
  });

  it('gives it one where the chrome does not fit the window, with no pill too', () => {
    // 1280 × 1024 at 400 % (320 × 256), the people's list not folded to a pill.
    expect(tallPageHeight(256, { top: 203, column: 0, bottom: 152, tools: 152, gap: 8 })).toBe(
      203 + 256 + 152,
    );
  });

  it('does not count what floats up from the toolbar (a note’s panel, a vote) against the band', () => {
    // A 360 × 640 phone with a note chosen: its panel stacks above the toolbar.
    expect(tallPageHeight(640, { top: 112, column: 98, bottom: 400, tools: 125, gap: 8 })).toBe(
      null,
    );
  });
});
