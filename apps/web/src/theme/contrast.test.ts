import { describe, expect, it } from 'vitest';
import { INK_COLOR_HEX, NOTE_COLORS } from '@carton/board';
import { CANVAS_BACKGROUND, CARTON_FILL } from '@carton/render';
import { NOTE_HINT_INK, NOTE_HINT_OPACITY } from '../shapes/note/hint';
import { contrastRatio } from './contrast';
import { ARROW_START_COLOR, noteFill } from './colors';

describe('contrastRatio', () => {
  it('gives the known extremes and a known pair', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 1);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#1e88e5', '#ffffff')).toBeCloseTo(3.68, 2);
  });
});

describe('the « Écrivez ici… » hint on an empty note', () => {
  // It is what tells a newcomer to write: low-vision participants must read it too (WCAG 1.4.3,
  // 4.5:1), on every note colour, including a projected pink one.
  it.each(NOTE_COLORS)('reads at 4.5:1 or more on the %s note colour', (color) => {
    expect(contrastRatio(NOTE_HINT_INK, noteFill(color), NOTE_HINT_OPACITY)).toBeGreaterThanOrEqual(
      4.5,
    );
  });
});

describe('the template carton’s headings', () => {
  // « Conditions présentes » (red) and « Conditions souhaitées » (orange) are large text on the
  // carton's paper, printed and projected: WCAG 1.4.3 asks 3:1 for large text.
  it.each(['red', 'orange'] as const)('the %s ink reads at 3:1 or more on the carton', (ink) => {
    expect(contrastRatio(INK_COLOR_HEX[ink], CARTON_FILL)).toBeGreaterThanOrEqual(3);
  });
});

describe('the arrow tool’s start mark', () => {
  // Drawn around a note on the board or inside a carton: a graphical object needs 3:1 (WCAG 1.4.11).
  it.each([
    ['board', CANVAS_BACKGROUND],
    ['carton', CARTON_FILL],
  ])('reads at 3:1 or more on the %s', (_where, background) => {
    expect(contrastRatio(ARROW_START_COLOR, background)).toBeGreaterThanOrEqual(3);
  });
});
