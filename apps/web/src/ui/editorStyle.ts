// How the in-place editor writes a text shape's letters: as the canvas (TextShape) draws them, so
// a red heading is red from its first letter and nothing jumps when the editor opens or closes.
import type { CSSProperties } from 'react';
import type { TextShape } from '@carton/board';
import { LINE_HEIGHT } from '@carton/render';
import { FONT_FAMILY } from '../shapes/common/fonts';
import { textInk, textOutline } from '../theme/colors';

const ALIGN = { start: 'left', middle: 'center', end: 'right' } as const;

/** The font's box above and below the baseline, in CSS pixels (canvas fontBoundingBox). */
export interface FontBox {
  readonly ascent: number;
  readonly descent: number;
}

/**
 * How far the canvas's first baseline lies below the textarea's, in CSS pixels. Konva centres the
 * font's box in each line: baseline at (lineHeight + ascent - descent) / 2, a fraction of a pixel
 * included. Chromium lays a line out with the half-leading (lineHeight - ascent - descent) / 2
 * rounded down, so its letters sat up to a pixel higher (one pixel for a 32 px heading at 100 %):
 * the editor's top padding adds that fraction back.
 */
export function baselineNudge(lineHeightPx: number, box: FontBox): number {
  const halfLeading = (lineHeightPx - box.ascent - box.descent) / 2;
  return halfLeading - Math.floor(halfLeading);
}

let context: CanvasRenderingContext2D | null | undefined;

/** The font's box at `fontPx` in `weight`, measured as Konva measures it (null without a canvas). */
export function fontBox(fontPx: number, weight: 'bold' | 'normal' = 'bold'): FontBox | null {
  if (context === undefined) context = document.createElement('canvas').getContext('2d');
  if (!context) return null;
  context.font = `${weight} ${fontPx}px ${FONT_FAMILY}`;
  const m = context.measureText('x');
  return { ascent: m.fontBoundingBoxAscent, descent: m.fontBoundingBoxDescent };
}

/** baselineNudge for a font box that may be unknown (no canvas): none then. */
export const nudgeOf = (lineHeightPx: number, box: FontBox | null): number =>
  box ? baselineNudge(lineHeightPx, box) : 0;

/**
 * The textarea's box and letters for a text shape at `zoom`: its ink's text shade, bold, its
 * size, alignment and line height, its first baseline where Konva puts it (given the font's
 * box, see baselineNudge). White letters get the canvas's dark outline as a text stroke
 * painted under the fill (`paint-order: stroke fill`), which is what Konva does
 * (fillAfterStrokeEnabled): the same width, half of it showing outside the letters. A text-shadow
 * would only approximate it with offset copies. `lineCount` is how many lines the canvas breaks
 * the text into (textLines).
 */
export function textEditorStyle(
  shape: Pick<TextShape, 'color' | 'fontSize' | 'align' | 'w' | 'h'>,
  zoom: number,
  box: FontBox | null = null,
  lineCount = 1,
): CSSProperties {
  const outline = textOutline(shape.color, shape.fontSize);
  const lineHeightPx = shape.fontSize * LINE_HEIGHT * zoom;
  const nudge = box ? Number(nudgeOf(lineHeightPx, box).toFixed(2)) : 0;
  return {
    width: shape.w * zoom,
    // As tall as the lines the canvas draws (Konva's Text has no height: it draws them all),
    // even where the stored height is smaller, and the nudge below: every line typed shows
    // while editing, and the textarea never scrolls its letters off their places.
    height: Math.max(shape.h * zoom, Math.max(1, lineCount) * lineHeightPx) + nudge,
    // Konva's text has no padding (a textarea's default 2 px moved the letters), only the
    // baseline's fraction of a pixel.
    padding: box ? `${nudge.toFixed(2)}px 0 0` : 0,
    fontFamily: FONT_FAMILY,
    fontSize: shape.fontSize * zoom,
    fontWeight: 'bold',
    lineHeight: LINE_HEIGHT,
    textAlign: ALIGN[shape.align],
    color: textInk(shape.color),
    ...(outline && {
      WebkitTextStroke: `${outline.width * zoom}px ${outline.color}`,
      paintOrder: 'stroke fill',
    }),
  };
}
