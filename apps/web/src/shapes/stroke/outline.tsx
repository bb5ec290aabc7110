// A stroke still being drawn and a stored stroke are painted by the same code, so the
// preview a peer sees is exactly what lands on the board when the pen lifts.
import { Shape as KonvaShape } from 'react-konva';
import { getStroke } from 'perfect-freehand';

/**
 * Outline polygon of a pressure stroke (perfect-freehand), as flat [x, y, …]. Constant 0.5
 * pressure means the device had none: perfect-freehand then simulates it from speed.
 */
export function strokeOutline(points: readonly (readonly number[])[], width: number): number[] {
  const outline = getStroke(points as number[][], {
    size: width * 2,
    thinning: 0.55,
    smoothing: 0.5,
    streamline: 0.4,
    simulatePressure: points.every((p) => p[2] === 0.5),
    last: true,
  });
  return outline.flat();
}

/** Fills an outline polygon from {@link strokeOutline}; other props go to the Konva shape. */
export function StrokeOutline({
  polygon,
  ...shape
}: {
  polygon: readonly number[];
  fill: string;
  x?: number;
  y?: number;
  rotation?: number;
  opacity?: number;
}) {
  return (
    <KonvaShape
      {...shape}
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
}
