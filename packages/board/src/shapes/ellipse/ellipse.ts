import type { BaseShape } from '../common/base.ts';
import { sizeSchema } from '../common/base.ts';
import { defineShape } from '../common/define.ts';
import type { Point } from '../common/geometry.ts';
import type { Fill } from '../common/outline.ts';
import { fillSchema, strokeWidthSchema } from '../common/outline.ts';
import type { InkColor } from '../common/palette.ts';
import { inkColorSchema } from '../common/palette.ts';

/** An ellipse inscribed in its w × h box. */
export interface EllipseShape extends BaseShape {
  readonly type: 'ellipse';
  readonly w: number;
  readonly h: number;
  readonly color: InkColor;
  readonly fill: Fill;
  readonly strokeWidth: number;
}

const ellipseProps = {
  w: sizeSchema,
  h: sizeSchema,
  color: inkColorSchema,
  fill: fillSchema,
  strokeWidth: strokeWidthSchema,
};

// Inside the ellipse grown by the tolerance (and half the outline) on each radius.
function hitTestLocal(ellipse: EllipseShape, p: Point, tolerance: number): boolean {
  const grow = tolerance + ellipse.strokeWidth / 2;
  const rx = ellipse.w / 2 + grow;
  const ry = ellipse.h / 2 + grow;
  const dx = (p.x - ellipse.w / 2) / rx;
  const dy = (p.y - ellipse.h / 2) / ry;
  return dx * dx + dy * dy <= 1;
}

export const ellipseDefinition = defineShape<EllipseShape, typeof ellipseProps>({
  type: 'ellipse',
  props: ellipseProps,
  defaults: () => ({ w: 200, h: 200, color: 'black', fill: 'none', strokeWidth: 4 }),
  migrations: [],
  localBox: (ellipse) => ({ x: 0, y: 0, w: ellipse.w, h: ellipse.h }),
  hitTestLocal,
});
