import { memo } from 'react';
import { Ellipse, Group } from 'react-konva';
import { deg } from '../note/NoteShape';
import type { EllipseShape } from '@carton/board';
import type { OutlineProps } from '../types';

export const EllipseOutline = memo(function EllipseOutline({
  shape,
  color,
  zoom,
  dashed,
}: OutlineProps<EllipseShape>) {
  const pad = 4 / zoom;
  return (
    <Group x={shape.x} y={shape.y} rotation={deg(shape.rotation)}>
      <Ellipse
        x={shape.w / 2}
        y={shape.h / 2}
        radiusX={shape.w / 2 + pad}
        radiusY={shape.h / 2 + pad}
        stroke={color}
        strokeWidth={2 / zoom}
        dash={dashed ? [6 / zoom, 4 / zoom] : undefined}
      />
    </Group>
  );
});
