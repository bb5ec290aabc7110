import { describe, expect, it } from 'vitest';
import { LINE_HEIGHT, TEXT_INK, TEXT_OUTLINE_INK } from '@carton/render';
import { FONT_FAMILY } from '../shapes/common/fonts';
import { baselineNudge, nudgeOf, textEditorStyle } from './editorStyle';

// « Conditions présentes », a heading of the Kamouraska board, as the text tool makes it.
const heading = { color: 'red', fontSize: 32, align: 'start', w: 300, h: 40 } as const;

describe('textEditorStyle', () => {
  it('writes in the ink’s text shade, as the canvas draws the heading', () => {
    expect(textEditorStyle(heading, 1).color).toBe(TEXT_INK.red);
    expect(textEditorStyle({ ...heading, color: 'yellow' }, 1).color).toBe(TEXT_INK.yellow);
    expect(textEditorStyle({ ...heading, color: 'black' }, 1).color).toBe(TEXT_INK.black);
  });

  it('the same font, bold, size and line height as the canvas, scaled with the zoom', () => {
    const style = textEditorStyle(heading, 0.5);
    expect(style).toMatchObject({
      fontFamily: FONT_FAMILY,
      fontWeight: 'bold',
      fontSize: 16,
      lineHeight: LINE_HEIGHT,
      width: 150,
      padding: 0,
    });
    expect(style.height).toBeCloseTo(Math.max(40, 32 * LINE_HEIGHT) * 0.5);
  });

  it.each([
    ['start', 'left'],
    ['middle', 'center'],
    ['end', 'right'],
  ] as const)('aligns %s text to the %s, as Konva does', (align, css) => {
    expect(textEditorStyle({ ...heading, align }, 1).textAlign).toBe(css);
  });

  it('white letters keep their white with the canvas’s dark outline painted under them', () => {
    const style = textEditorStyle({ ...heading, color: 'white', fontSize: 44 }, 2);
    expect(style.color).toBe(TEXT_INK.white);
    // 0.12 × 44 board units, twice as wide at 200 %.
    expect(style.WebkitTextStroke).toBe(`${0.12 * 44 * 2}px ${TEXT_OUTLINE_INK}`);
    expect(style.paintOrder).toBe('stroke fill');
  });

  it('other inks get no outline', () => {
    const style = textEditorStyle(heading, 1);
    expect(style.WebkitTextStroke).toBeUndefined();
    expect(style.paintOrder).toBeUndefined();
  });

  it('puts the first baseline where Konva does: the half-leading’s fraction as top padding', () => {
    // A 32 px heading in a font box of ascent 30, descent 8: Konva's baseline at 30.2 px,
    // Chromium's at 30 (half-leading 0.2 rounded down).
    const box = { ascent: 30, descent: 8 };
    expect(baselineNudge(38.4, box)).toBeCloseTo(0.2);
    expect(baselineNudge(48, { ascent: 37, descent: 9 })).toBeCloseTo(0);
    expect(baselineNudge(52.8, { ascent: 41, descent: 10 })).toBeCloseTo(0.9);
    const padding = textEditorStyle(heading, 1, box).padding;
    expect(padding).toBe('0.20px 0 0');
    // No canvas to measure the font with: no nudge.
    expect(nudgeOf(38.4, null)).toBe(0);
  });

  it('is as tall as every line the canvas draws, even past a stored height too small', () => {
    // « Mes conditions de succès pour la prochaine Alliance » in four lines, its stored height
    // one line (the heading was narrowed): the four lines show while it is edited.
    const style = textEditorStyle(heading, 2, null, 4);
    expect(style.height).toBeCloseTo(4 * 32 * LINE_HEIGHT * 2);
    // A stored height taller than the lines is kept.
    expect(textEditorStyle({ ...heading, h: 200 }, 1, null, 2).height).toBeCloseTo(200);
  });

  it('makes room for the baseline nudge, so the textarea never scrolls its last line', () => {
    // 32 px at 100 %: one 38.4 px line, 0.2 px below the top (see baselineNudge).
    const box = { ascent: 30, descent: 8 };
    const style = textEditorStyle({ ...heading, h: 32 * LINE_HEIGHT }, 1, box, 1);
    expect(style.height).toBeCloseTo(38.4 + 0.2);
  });
});
