import { z } from 'zod';
import { baseShapeFields } from './base.ts';
import type { BaseShape, ShapeDefinition, ShapeMigration } from './base.ts';
import type { Box, Point } from './geometry.ts';
import { clampSize, pageBounds, pointInBox, toLocal } from './geometry.ts';

interface DefineShapeInput<S extends BaseShape, P extends z.ZodRawShape> {
  readonly type: S['type'];
  readonly props: P;
  /** Text props merged letter by letter (M35); none by default. */
  readonly mergedText?: readonly (keyof P & string)[];
  readonly defaults: () => Omit<S, keyof BaseShape>;
  readonly migrations: readonly ShapeMigration[];
  readonly localBox: (shape: S) => Box;
  /** Local-frame hit test; defaults to the local box. */
  readonly hitTestLocal?: (shape: S, local: Point, tolerance: number) => boolean;
  /** Defaults to setting x, y, w, h. */
  readonly resize?: (shape: S, box: Box) => Partial<S>;
}

/** Builds a ShapeDefinition: schemas from the prop fields, bounds and hit-test from the local box. */
export function defineShape<S extends BaseShape, P extends z.ZodRawShape>(
  input: DefineShapeInput<S, P>,
): ShapeDefinition<S> {
  const props = z.object(input.props);
  const schema = z.object({ ...baseShapeFields, type: z.literal(input.type), ...input.props });
  const hitTestLocal =
    input.hitTestLocal ??
    ((shape: S, local: Point, tolerance: number) =>
      pointInBox(local, input.localBox(shape), tolerance));
  return {
    type: input.type,
    props: props as unknown as z.ZodType<Omit<S, keyof BaseShape>>,
    schema: schema as unknown as z.ZodType<S>,
    recordKeys: Object.keys(schema.shape),
    mergedText: input.mergedText ?? [],
    defaults: input.defaults,
    migrations: input.migrations,
    localBox: input.localBox,
    bounds: (shape) => pageBounds(shape, input.localBox(shape)),
    hitTest: (shape, point, tolerance) => hitTestLocal(shape, toLocal(shape, point), tolerance),
    resize:
      input.resize ??
      ((_shape, box) =>
        ({
          x: box.x,
          y: box.y,
          w: clampSize(box.w),
          h: clampSize(box.h),
        }) as unknown as Partial<S>),
  };
}
