import { z } from 'zod';
import type { BaseShape } from '../common/base.ts';
import { shapeIdSchema } from '../common/base.ts';
import { defineShape } from '../common/define.ts';
import type { Box, Point } from '../common/geometry.ts';
import { clampSize, distanceToSegment } from '../common/geometry.ts';
import type { InkColor } from '../common/palette.ts';
import { inkColorSchema } from '../common/palette.ts';

/**
 * An end bound to another shape: the end sits at `anchor` (0..1 across the target's unrotated
 * local box, then rotated with it), so it follows the target when the target moves.
 */
export interface ArrowBinding {
  readonly shapeId: string;
  readonly anchor: Point;
}

/**
 * An arrow from start to end (points relative to the arrow's x, y). A bound end's point is
 * computed from its binding when read; the stored point is the fallback used when unbound.
 */
export interface ArrowShape extends BaseShape {
  readonly type: 'arrow';
  readonly start: Point;
  readonly end: Point;
  readonly startBinding: ArrowBinding | null;
  readonly endBinding: ArrowBinding | null;
  readonly color: InkColor;
  readonly width: number;
}

const coordinate = z.number().min(-1e7).max(1e7);
const pointSchema = z.object({ x: coordinate, y: coordinate }).readonly();
const unit = z.number().min(0).max(1);
export const arrowBindingSchema = z
  .object({ shapeId: shapeIdSchema, anchor: z.object({ x: unit, y: unit }).readonly() })
  .readonly();

const arrowProps = {
  start: pointSchema,
  end: pointSchema,
  startBinding: arrowBindingSchema.nullable(),
  endBinding: arrowBindingSchema.nullable(),
  color: inkColorSchema,
  width: z.number().min(0.5).max(200),
};

function endsBox(arrow: ArrowShape): Box {
  const x = Math.min(arrow.start.x, arrow.end.x);
  const y = Math.min(arrow.start.y, arrow.end.y);
  return {
    x,
    y,
    w: Math.abs(arrow.end.x - arrow.start.x),
    h: Math.abs(arrow.end.y - arrow.start.y),
  };
}

export const arrowDefinition = defineShape<ArrowShape, typeof arrowProps>({
  type: 'arrow',
  props: arrowProps,
  defaults: () => ({
    start: { x: 0, y: 0 },
    end: { x: 200, y: 0 },
    startBinding: null,
    endBinding: null,
    color: 'black',
    width: 4,
  }),
  migrations: [],
  localBox: (arrow) => {
    const box = endsBox(arrow);
    const half = arrow.width / 2;
    return { x: box.x - half, y: box.y - half, w: box.w + arrow.width, h: box.h + arrow.width };
  },
  hitTestLocal: (arrow, p, tolerance) =>
    distanceToSegment(p, arrow.start, arrow.end) <= tolerance + arrow.width / 2,
  // Scales the free end points into the box; bound ends keep following their targets.
  resize: (arrow, box) => {
    const from = endsBox(arrow);
    const sx = from.w === 0 ? 1 : clampSize(box.w) / from.w;
    const sy = from.h === 0 ? 1 : clampSize(box.h) / from.h;
    const map = (p: Point): Point => ({ x: (p.x - from.x) * sx, y: (p.y - from.y) * sy });
    return { x: box.x, y: box.y, start: map(arrow.start), end: map(arrow.end) };
  },
});
