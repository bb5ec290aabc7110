import { memo, useMemo } from 'react';
import { Line } from 'react-konva';
import type { StrokeShape as Stroke } from '@carton/board';
import { ink } from '../../theme/colors';
import type { ShapeComponentProps } from '../types';
import { deg } from '../note/NoteShape';
import { StrokeOutline, strokeOutline } from './outline';

function triples(flat: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + 2 < flat.length; i += 3)
    out.push([flat[i] ?? 0, flat[i + 1] ?? 0, flat[i + 2] ?? 0.5]);
  return out;
}

export const StrokeShape = memo(function StrokeShape({
  shape,
  detail,
  fading,
}: ShapeComponentProps<Stroke>) {
  const polygon = useMemo(
    () => strokeOutline(triples(shape.points), shape.width),
    [shape.points, shape.width],
  );
  const color = ink(shape.color);
  if (detail === 'low') {
    const line = shape.points.filter((_, i) => i % 3 !== 2);
    return (
      <Line
        x={shape.x}
        y={shape.y}
        rotation={deg(shape.rotation)}
        points={line}
        stroke={color}
        strokeWidth={shape.width}
        listening={false}
      />
    );
  }
  return (
    <StrokeOutline
      x={shape.x}
      y={shape.y}
      rotation={deg(shape.rotation)}
      opacity={fading ? 0.25 : 1}
      fill={color}
      polygon={polygon}
    />
  );
});
