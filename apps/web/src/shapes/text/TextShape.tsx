import { memo } from 'react';
import { Rect, Text } from 'react-konva';
import type { TextShape as TextModel } from '@carton/board';
import { ink } from '../../theme/colors';
import { keepPunctuationAttached } from '../../i18n/typography';
import { FONT_FAMILY } from '../common/fonts';
import { deg } from '../note/NoteShape';
import type { ShapeComponentProps } from '../types';

/** From this size on, a text shape is drawn in full even at the low level of detail. */
const HEADING_FONT_SIZE = 24;

const ALIGN = { start: 'left', middle: 'center', end: 'right' } as const;

export const TextShape = memo(function TextShape({
  shape,
  detail,
  editing,
  fading,
}: ShapeComponentProps<TextModel>) {
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
        fill={ink(shape.color)}
        opacity={0.4}
      />
    );
  }
  if (editing) return null;
  return (
    <Text
      x={shape.x}
      y={shape.y}
      rotation={deg(shape.rotation)}
      width={shape.w}
      text={keepPunctuationAttached(shape.text)}
      fontSize={shape.fontSize}
      fontStyle="bold"
      fontFamily={FONT_FAMILY}
      lineHeight={1.2}
      fill={ink(shape.color)}
      align={ALIGN[shape.align]}
      opacity={fading ? 0.3 : 1}
    />
  );
});
