import { memo } from 'react';
import { Ellipse } from 'react-konva';
import type { EllipseShape as EllipseModel } from '@carton/board';
import { ink } from '../../theme/colors';
import { deg } from '../note/NoteShape';
import { fillFor } from '../rect/RectShape';
import type { ShapeComponentProps } from '../types';

export const EllipseShape = memo(function EllipseShape({
  shape,
  fading,
}: ShapeComponentProps<EllipseModel>) {
  return (
    <Ellipse
      x={shape.x + shape.w / 2}
      y={shape.y + shape.h / 2}
      rotation={deg(shape.rotation)}
      radiusX={shape.w / 2}
      radiusY={shape.h / 2}
      stroke={ink(shape.color)}
      strokeWidth={shape.strokeWidth}
      fill={fillFor(shape.color, shape.fill)}
      opacity={fading ? 0.3 : 1}
    />
  );
});
