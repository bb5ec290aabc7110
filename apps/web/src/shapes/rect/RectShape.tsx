import { memo } from 'react';
import { Rect } from 'react-konva';
import type { RectShape as RectModel } from '@carton/board';
import { ink } from '../../theme/colors';
import { deg } from '../note/NoteShape';
import type { ShapeComponentProps } from '../types';

export function fillFor(color: string, fill: 'none' | 'semi' | 'solid'): string | undefined {
  if (fill === 'none') return undefined;
  return fill === 'solid' ? ink(color) : `${ink(color)}33`;
}

export const RectShape = memo(function RectShape({
  shape,
  fading,
}: ShapeComponentProps<RectModel>) {
  return (
    <Rect
      x={shape.x}
      y={shape.y}
      rotation={deg(shape.rotation)}
      width={shape.w}
      height={shape.h}
      stroke={ink(shape.color)}
      strokeWidth={shape.strokeWidth}
      fill={fillFor(shape.color, shape.fill)}
      cornerRadius={6}
      opacity={fading ? 0.3 : 1}
    />
  );
});
