// How the in-place editor writes a text shape's letters: as the canvas (TextShape) draws them, so
// a red heading is red from its first letter and nothing jumps when the editor opens or closes.
import type { CSSProperties } from 'react';
import type { TextShape } from '@carton/board';
import { LINE_HEIGHT } from '@carton/render';
import { FONT_FAMILY } from '../shapes/common/fonts';
import { textInk, textOutline } from '../theme/colors';

const ALIGN = { start: 'left', middle: 'center', end: 'right' } as const;

/**
 * The textarea's box and letters for a text shape at `zoom`: its ink's text shade, bold, its
 * size, alignment and line height. White letters get the canvas's dark outline as a text stroke
 * painted under the fill (`paint-order: stroke fill`), which is what Konva does
 * (fillAfterStrokeEnabled): the same width, half of it showing outside the letters. A text-shadow
 * would only approximate it with offset copies.
 */
export function textEditorStyle(
  shape: Pick<TextShape, 'color' | 'fontSize' | 'align' | 'w' | 'h'>,
  zoom: number,
): CSSProperties {
  const outline = textOutline(shape.color, shape.fontSize);
  return {
    width: shape.w * zoom,
    height: Math.max(shape.h, shape.fontSize * LINE_HEIGHT) * zoom,
    // Konva's text has no padding; a textarea's default 2 px moved the letters.
    padding: 0,
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
