import { z } from 'zod';
import { isShapeId } from '../../ids/ids.ts';
import { isValidIndex } from '../../zorder/zorder.ts';
import type { Box, Point } from './geometry.ts';

// Props every shape has. Coordinates are absolute page coordinates (children of a carton too).
export const shapeIdSchema = z.string().refine(isShapeId, { message: "must be a 'shape:' id" });
export const indexSchema = z.string().refine(isValidIndex, { message: 'invalid fractional index' });
const coordinate = z.number().min(-1e7).max(1e7);

export const baseShapeFields = {
  id: shapeIdSchema,
  x: coordinate,
  y: coordinate,
  rotation: z.number().min(-100).max(100),
  index: indexSchema,
  parentId: shapeIdSchema.nullable(),
  createdBy: z.string().max(200).optional(),
  // M33: absent reads as unlocked, so older documents and files need no migration.
  locked: z.boolean().optional(),
};

export interface BaseShape {
  readonly id: string;
  readonly type: string;
  readonly x: number;
  readonly y: number;
  readonly rotation: number;
  readonly index: string;
  readonly parentId: string | null;
  readonly createdBy?: string | undefined;
  /** M33: commands that move, resize, restyle, reorder or delete skip a locked shape. */
  readonly locked?: boolean | undefined;
}

/** M33: is the shape locked (absent = unlocked)? */
export function isLocked(shape: { readonly locked?: boolean | undefined }): boolean {
  return shape.locked === true;
}

export const BASE_KEYS = [
  'id',
  'type',
  'x',
  'y',
  'rotation',
  'index',
  'parentId',
  'createdBy',
  'locked',
] as const;

export const sizeSchema = z.number().min(1).max(1e6);

/** A migration lifts a stored record from `version - 1` to `version`. */
export interface ShapeMigration {
  readonly version: number;
  readonly up: (record: Record<string, unknown>) => Record<string, unknown>;
}

/** Everything the model knows about one shape type; the client joins it by `type`. */
export interface ShapeDefinition<S extends BaseShape = BaseShape> {
  readonly type: S['type'];
  /** Validator of the type-specific props (everything except the base fields). */
  readonly props: z.ZodType<Omit<S, keyof BaseShape>>;
  /** Validator of a whole stored record. */
  readonly schema: z.ZodType<S>;
  /** Every key a stored record of this type may have (base fields and props). */
  readonly recordKeys: readonly string[];
  /** Text props stored as a Y.Text, so two people typing in them at once both keep their letters (M35). */
  readonly mergedText: readonly string[];
  readonly defaults: () => Omit<S, keyof BaseShape>;
  readonly migrations: readonly ShapeMigration[];
  /** The unrotated box in the shape's local frame (origin at x, y). */
  readonly localBox: (shape: S) => Box;
  /** Page-space axis-aligned bounds. */
  readonly bounds: (shape: S) => Box;
  /** Is the page point on the shape, within `tolerance` page units? */
  readonly hitTest: (shape: S, point: Point, tolerance: number) => boolean;
  /**
   * Props that make the shape fill `box`: box.x, box.y become the shape's x, y and box.w, box.h
   * its unrotated size (rotation is kept). Sizes are clamped to at least 1.
   */
  readonly resize: (shape: S, box: Box) => Partial<S>;
}
