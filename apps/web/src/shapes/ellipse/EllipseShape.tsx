import { memo } from 'react';
import { Ellipse, Group } from 'react-konva';
import type { EllipseShape as EllipseModel } from '@carton/board';
import { ink } from '../../theme/colors';
import { deg } from '../note/NoteShape';
import { fillFor } from '../rect/RectShape';
import type { ShapeComponentProps } from '../types';

export const EllipseShape = memo(function EllipseShape({
  shape,
  fading,
}: ShapeComponentProps<EllipseModel>) {
  // Rotated about (x, y) like every shape in the model and in @carton/render, not its centre.
  return (
    <Group x={shape.x} y={shape.y} rotation={deg(shape.rotation)} opacity={fading ? 0.3 : 1}>
      <Ellipse
        x={shape.w / 2}
        y={shape.h / 2}
        radiusX={shape.w / 2}
        radiusY={shape.h / 2}
        stroke={ink(shape.color)}
        strokeWidth={shape.strokeWidth}
        fill={fillFor(shape.color, shape.fill)}
      />
    </Group>
  );
});
