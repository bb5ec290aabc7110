import type { BaseShape } from '../common/base.ts';
import { sizeSchema } from '../common/base.ts';
import { defineShape } from '../common/define.ts';
import type { Fill } from '../common/outline.ts';
import { fillSchema, strokeWidthSchema } from '../common/outline.ts';
import type { InkColor } from '../common/palette.ts';
import { inkColorSchema } from '../common/palette.ts';

export interface RectShape extends BaseShape {
  readonly type: 'rect';
  readonly w: number;
  readonly h: number;
  readonly color: InkColor;
  readonly fill: Fill;
  readonly strokeWidth: number;
}

const rectProps = {
  w: sizeSchema,
  h: sizeSchema,
  color: inkColorSchema,
  fill: fillSchema,
  strokeWidth: strokeWidthSchema,
};

export const rectDefinition = defineShape<RectShape, typeof rectProps>({
  type: 'rect',
  props: rectProps,
  defaults: () => ({ w: 200, h: 120, color: 'black', fill: 'none', strokeWidth: 4 }),
  migrations: [],
  localBox: (rect) => ({ x: 0, y: 0, w: rect.w, h: rect.h }),
});
