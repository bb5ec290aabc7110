import { describe, expect, it } from 'vitest';
import { INK_COLOR_HEX, INK_COLORS, NOTE_COLORS } from '@carton/board';
import { CANVAS_BACKGROUND, CARTON_FILL } from '@carton/render';
import { NOTE_HINT_INK, NOTE_HINT_OPACITY } from '../shapes/note/hint';
import { contrastRatio, hue } from './contrast';
import { ARROW_START_COLOR, noteFill, textInk, textOutline } from './colors';

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

describe('text in each ink colour', () => {
  // Headings such as « Conditions présentes » (red) and « Conditions souhaitées » (orange), the
  // postcards' blue prompts, a participant's words: projected and read by people with low
  // vision, at body size too, on the board, in a carton or over a note (WCAG 1.4.3, 4.5:1).
  const papers = [
    ['the board', CANVAS_BACKGROUND],
    ['the carton', CARTON_FILL],
    ...NOTE_COLORS.map((color) => [`the ${color} note`, noteFill(color)] as const),
  ] as const;
  const cases = INK_COLORS.flatMap((ink) => papers.map(([where, paper]) => [ink, where, paper]));

  it.each(cases)('%s text reads at 4.5:1 or more on %s', (ink, _where, paper) => {
    // Outlined letters read by their outline (Understanding 1.4.3), others by their fill.
    const letters = textOutline(ink, 32)?.color ?? textInk(ink);
    expect(contrastRatio(letters, paper)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(INK_COLORS.filter((ink) => textOutline(ink, 32) === null))(
    '%s text is a darker shade of the same hue as its swatch',
    (ink) => {
      const swatch = INK_COLOR_HEX[ink];
      const letters = textInk(ink);
      expect(contrastRatio(letters, '#ffffff')).toBeGreaterThanOrEqual(
        contrastRatio(swatch, '#ffffff'),
      );
      const turn = Math.abs(hue(letters) - hue(swatch));
      expect(Math.min(turn, 360 - turn)).toBeLessThanOrEqual(12);
    },
  );

  it('white text stays white, with a thin dark outline that grows with the letters', () => {
    expect(textInk('white')).toBe('#ffffff');
    const small = textOutline('white', 22);
    const heading = textOutline('white', 44);
    expect(small?.width).toBeGreaterThan(0);
    expect(small?.width).toBeLessThan(22 / 5);
    expect(heading?.width).toBeCloseTo((small?.width ?? 0) * 2, 6);
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
