import { describe, expect, it } from 'vitest';
import { clearOfFloatingControls } from './phoneFitAreas';

// A 390 × 844 phone: the free area between its two-row header and two-row toolbar, and the
// people pill with « ? » under it at the right edge.
const AREA = { x: 0, y: 104, width: 390, height: 623 };
const CONTROLS = { x: 320, y: 121, width: 60, height: 98 };

describe('clearOfFloatingControls', () => {
  it('offers the area below the controls across the width, and the one beside them', () => {
    expect(clearOfFloatingControls(AREA, CONTROLS)).toEqual([
      { x: 0, y: 227, width: 390, height: 500 },
      { x: 0, y: 104, width: 312, height: 623 },
    ]);
  });

  it('leaves the area whole when nothing floats over it', () => {
    expect(clearOfFloatingControls(AREA, null)).toEqual([AREA]);
    // Hidden (a chosen shape on the smallest phone): measured as an empty box.
    expect(clearOfFloatingControls(AREA, { x: 0, y: 0, width: 0, height: 0 })).toEqual([AREA]);
    // Above the area (in the header's band).
    expect(clearOfFloatingControls(AREA, { ...CONTROLS, y: 10, height: 50 })).toEqual([AREA]);
  });

  it('keeps only the areas large enough to show a board, or the whole one if none is', () => {
    const low = { ...CONTROLS, height: 560 };
    expect(clearOfFloatingControls(AREA, low)).toEqual([{ x: 0, y: 104, width: 312, height: 623 }]);
    const wide = { x: 40, y: 121, width: 350, height: 560 };
    expect(clearOfFloatingControls(AREA, wide)).toEqual([AREA]);
  });
});
