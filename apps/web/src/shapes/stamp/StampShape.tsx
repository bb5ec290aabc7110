import { memo } from 'react';
import { Text } from 'react-konva';
import type { StampShape as StampModel } from '@carton/board';
import { ink } from '../../theme/colors';
import { FONT_FAMILY } from '../common/fonts';
import { deg } from '../note/NoteShape';
import type { ShapeComponentProps } from '../types';

// U+FE0E asks for the text (not emoji) form so the glyph takes the stamp's colour.
export const STAMP_GLYPHS: Record<string, string> = {
  heart: '\u2665\uFE0E',
  star: '\u2605\uFE0E',
  check: '\u2713\uFE0E',
  exclamation: '!',
  question: '?',
};

export const StampShape = memo(function StampShape({
  shape,
  fading,
}: ShapeComponentProps<StampModel>) {
  return (
    <Text
      x={shape.x}
      y={shape.y}
      rotation={deg(shape.rotation)}
      width={shape.size}
      height={shape.size}
      text={STAMP_GLYPHS[shape.kind] ?? '?'}
      fontSize={shape.size * 0.9}
      fontStyle="bold"
      fontFamily={FONT_FAMILY}
      fill={ink(shape.color)}
      align="center"
      verticalAlign="middle"
      opacity={fading ? 0.3 : 1}
    />
  );
});
