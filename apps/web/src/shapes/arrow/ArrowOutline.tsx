import { memo, useMemo } from 'react';
import { Circle, Group, Line } from 'react-konva';
import { arrowDrawnEnds, type ArrowShape } from '@carton/board';
import { deg } from '../note/NoteShape';
import type { OutlineProps } from '../types';
import { useArrowTargets } from './useArrowTargets';

/** An arrow is outlined along its line as drawn (bound ends at their shapes' outlines), with a dot on each end. */
export const ArrowOutline = memo(function ArrowOutline({
  shape,
  color,
  zoom,
  dashed,
}: OutlineProps<ArrowShape>) {
  const { start: startTarget, end: endTarget } = useArrowTargets(shape);
  const { start, end } = useMemo(
    () => arrowDrawnEnds(shape, { start: startTarget, end: endTarget }),
    [shape, startTarget, endTarget],
  );
  return (
    <Group x={shape.x} y={shape.y} rotation={deg(shape.rotation)}>
      <Line
        points={[start.x, start.y, end.x, end.y]}
        stroke={color}
        strokeWidth={shape.width + 6 / zoom}
        opacity={0.35}
        lineCap="round"
        dash={dashed ? [6 / zoom, 4 / zoom] : undefined}
      />
      <Circle
        x={start.x}
        y={start.y}
        radius={5 / zoom}
        fill="#fff"
        stroke={color}
        strokeWidth={2 / zoom}
      />
      <Circle
        x={end.x}
        y={end.y}
        radius={5 / zoom}
        fill="#fff"
        stroke={color}
        strokeWidth={2 / zoom}
      />
    </Group>
  );
});
