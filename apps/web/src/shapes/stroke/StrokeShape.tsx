import { memo, useMemo } from 'react';
import { Line, Shape as KonvaShape } from 'react-konva';
import { getStroke } from 'perfect-freehand';
import type { StrokeShape as Stroke } from '@carton/board';
import { ink } from '../../theme/colors';
import type { ShapeComponentProps } from '../types';
import { deg } from '../note/NoteShape';

/** Outline polygon of a pressure stroke (perfect-freehand), as flat [x, y, …]. */
export function strokeOutline(
  points: readonly (readonly number[])[],
  width: number,
  simulatePressure: boolean,
): number[] {
  const outline = getStroke(points as number[][], {
    size: width * 2,
    thinning: 0.55,
    smoothing: 0.5,
    streamline: 0.4,
    simulatePressure,
    last: true,
  });
  return outline.flat();
}

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
  const polygon = useMemo(() => {
    const pts = triples(shape.points);
    // Constant 0.5 pressure means the device had none: let perfect-freehand simulate it.
    const simulate = pts.every((p) => p[2] === 0.5);
    return strokeOutline(pts, shape.width, simulate);
  }, [shape.points, shape.width]);
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
    <KonvaShape
      x={shape.x}
      y={shape.y}
      rotation={deg(shape.rotation)}
      opacity={fading ? 0.25 : 1}
      fill={color}
      sceneFunc={(ctx, node) => {
        if (polygon.length < 4) return;
        ctx.beginPath();
        ctx.moveTo(polygon[0] ?? 0, polygon[1] ?? 0);
        for (let i = 2; i + 1 < polygon.length; i += 2)
          ctx.lineTo(polygon[i] ?? 0, polygon[i + 1] ?? 0);
        ctx.closePath();
        ctx.fillShape(node);
      }}
    />
  );
});
