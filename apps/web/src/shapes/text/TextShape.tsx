import { memo, useMemo } from 'react';
import { Rect, Text } from 'react-konva';
import type { TextShape as TextModel } from '@carton/board';
import { textInk, textOutline } from '../../theme/colors';
import { keepPunctuationAttached } from '../../i18n/typography';
import { LINE_HEIGHT, wrapText } from '@carton/render';
import { FONT_FAMILY, measureText } from '../common/fonts';
import { useFontArrivals } from '../common/fontsArrived';
import { deg } from '../note/NoteShape';
import type { ShapeComponentProps } from '../types';

/** From this size on, a text shape is drawn in full even at the low level of detail. */
const HEADING_FONT_SIZE = 24;

const ALIGN = { start: 'left', middle: 'center', end: 'right' } as const;

/**
 * A heading's lines, broken by @carton/render (at spaces and after hyphens) as the export draws
 * them and as the text editor counts them for the shape's height; Konva's own wrap breaks
 * elsewhere (see noteLayout).
 */
export function textLines(shape: Pick<TextModel, 'text' | 'w' | 'fontSize'>): string[] {
  return wrapText(keepPunctuationAttached(shape.text), shape.w, shape.fontSize, (s, size) =>
    measureText(s, size, 'bold'),
  );
}

export const TextShape = memo(function TextShape({
  shape,
  detail,
  editing,
  fading,
}: ShapeComponentProps<TextModel>) {
  // Measured again when a face of the typeface arrives (fontsArrived.ts).
  const fontArrivals = useFontArrivals();
  const lines = useMemo(() => textLines(shape), [shape, fontArrivals]);
  // Letters take the ink's darker shade, white ones a dark outline (as exports draw them).
  const fill = textInk(shape.color);
  // Headings stay readable far out: text shapes are few, so drawing them costs little.
  if (detail === 'low' && shape.fontSize < HEADING_FONT_SIZE) {
    return (
      <Rect
        x={shape.x}
        y={shape.y}
        offsetY={-shape.h * 0.3}
        rotation={deg(shape.rotation)}
        width={shape.w * 0.8}
        height={shape.h * 0.4}
        fill={fill}
        opacity={0.4}
      />
    );
  }
  if (editing) return null;
  const outline = textOutline(shape.color, shape.fontSize);
  return (
    <Text
      x={shape.x}
      y={shape.y}
      rotation={deg(shape.rotation)}
      width={shape.w}
      text={lines.join('\n')}
      fontSize={shape.fontSize}
      fontStyle="bold"
      fontFamily={FONT_FAMILY}
      lineHeight={LINE_HEIGHT}
      fill={fill}
      stroke={outline?.color}
      strokeWidth={outline?.width}
      lineJoin="round"
      fillAfterStrokeEnabled
      align={ALIGN[shape.align]}
      opacity={fading ? 0.3 : 1}
    />
  );
});
