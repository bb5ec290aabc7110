import { z } from 'zod';
import type { BaseShape } from '../common/base.ts';
import { defineShape } from '../common/define.ts';
import type { Box, Point } from '../common/geometry.ts';
import { clampSize, distanceToSegment } from '../common/geometry.ts';
import type { InkColor } from '../common/palette.ts';
import { inkColorSchema } from '../common/palette.ts';

/**
 * A finished freehand stroke, written once on pointer-up. `points` is flat
 * [x, y, pressure, x, y, pressure, …], relative to the shape's x, y; pressure in 0..1.
 */
export interface StrokeShape extends BaseShape {
  readonly type: 'stroke';
  readonly points: readonly number[];
  readonly color: InkColor;
  readonly width: number;
}

export const MAX_STROKE_POINTS = 5_000;

const strokeProps = {
  points: z
    .array(z.number().min(-1e7).max(1e7))
    .max(MAX_STROKE_POINTS * 3)
    .refine((p) => p.length % 3 === 0, { message: 'points must be [x, y, pressure] triples' })
    .readonly(),
  color: inkColorSchema,
  width: z.number().min(0.5).max(200),
};

/** Bounds of the points alone (no stroke width), in the local frame. */
export function strokePointsBox(points: readonly number[]): Box {
  if (points.length < 3) return { x: 0, y: 0, w: 0, h: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 2 < points.length; i += 3) {
    const x = points[i] as number;
    const y = points[i + 1] as number;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

function hitTestLocal(stroke: StrokeShape, p: Point, tolerance: number): boolean {
  const reach = tolerance + stroke.width / 2;
  const pts = stroke.points;
  if (pts.length === 3) {
    return Math.hypot(p.x - (pts[0] as number), p.y - (pts[1] as number)) <= reach;
  }
  for (let i = 0; i + 5 < pts.length; i += 3) {
    const a = { x: pts[i] as number, y: pts[i + 1] as number };
    const b = { x: pts[i + 3] as number, y: pts[i + 4] as number };
    if (distanceToSegment(p, a, b) <= reach) return true;
  }
  return false;
}

export const strokeDefinition = defineShape<StrokeShape, typeof strokeProps>({
  type: 'stroke',
  props: strokeProps,
  defaults: () => ({ points: [], color: 'black', width: 4 }),
  migrations: [],
  localBox: (stroke) => {
    const box = strokePointsBox(stroke.points);
    const half = stroke.width / 2;
    return { x: box.x - half, y: box.y - half, w: box.w + stroke.width, h: box.h + stroke.width };
  },
  hitTestLocal,
  // Scales the points so their box becomes box.w × box.h, with its top-left at the new x, y.
  resize: (stroke, box) => {
    const from = strokePointsBox(stroke.points);
    const sx = from.w === 0 ? 1 : clampSize(box.w) / from.w;
    const sy = from.h === 0 ? 1 : clampSize(box.h) / from.h;
    const points = stroke.points.map((v, i) => {
      const axis = i % 3;
      if (axis === 0) return (v - from.x) * sx;
      if (axis === 1) return (v - from.y) * sy;
      return v;
    });
    return { x: box.x, y: box.y, points };
  },
});
