import { z } from 'zod';
import type { BaseShape } from '../common/base.ts';
import { sizeSchema } from '../common/base.ts';
import { defineShape } from '../common/define.ts';

/**
 * A carton: the poster frame a territory group fills. Shapes whose parentId is the carton's id
 * belong to it and move with it. Cartons never nest (a carton's parentId is always null).
 */
export interface CartonShape extends BaseShape {
  readonly type: 'carton';
  readonly title: string;
  readonly w: number;
  readonly h: number;
}

const cartonProps = {
  title: z.string().max(500),
  w: sizeSchema,
  h: sizeSchema,
};

export const cartonDefinition = defineShape<CartonShape, typeof cartonProps>({
  type: 'carton',
  props: cartonProps,
  mergedText: ['title'],
  defaults: () => ({ title: '', w: 1600, h: 1000 }),
  migrations: [],
  localBox: (carton) => ({ x: 0, y: 0, w: carton.w, h: carton.h }),
});
