import type { ArrowShape } from './arrow/arrow.ts';
import { arrowDefinition } from './arrow/arrow.ts';
import type { CartonShape } from './carton/carton.ts';
import { cartonDefinition } from './carton/carton.ts';
import type { BaseShape, ShapeDefinition } from './common/base.ts';
import type { Box, Point } from './common/geometry.ts';
import type { EllipseShape } from './ellipse/ellipse.ts';
import { ellipseDefinition } from './ellipse/ellipse.ts';
import type { ImageShape } from './image/image.ts';
import { imageDefinition } from './image/image.ts';
import type { NoteShape } from './note/note.ts';
import { noteDefinition } from './note/note.ts';
import type { RectShape } from './rect/rect.ts';
import { rectDefinition } from './rect/rect.ts';
import type { StampShape } from './stamp/stamp.ts';
import { stampDefinition } from './stamp/stamp.ts';
import type { StrokeShape } from './stroke/stroke.ts';
import { strokeDefinition } from './stroke/stroke.ts';
import type { TextShape } from './text/text.ts';
import { textDefinition } from './text/text.ts';

export type Shape =
  | NoteShape
  | CartonShape
  | StrokeShape
  | TextShape
  | RectShape
  | EllipseShape
  | ArrowShape
  | ImageShape
  | StampShape;

export type ShapeType = Shape['type'];
export type ShapeOf<T extends ShapeType> = Extract<Shape, { type: T }>;
/** The type-specific props of a shape type (everything but the common fields). */
export type ShapeProps<T extends ShapeType> = Omit<ShapeOf<T>, keyof BaseShape>;

export const SHAPE_TYPES = [
  'note',
  'carton',
  'stroke',
  'text',
  'rect',
  'ellipse',
  'arrow',
  'image',
  'stamp',
] as const satisfies readonly ShapeType[];

export const shapeRegistry: { readonly [T in ShapeType]: ShapeDefinition<ShapeOf<T>> } = {
  note: noteDefinition,
  carton: cartonDefinition,
  stroke: strokeDefinition,
  text: textDefinition,
  rect: rectDefinition,
  ellipse: ellipseDefinition,
  arrow: arrowDefinition,
  image: imageDefinition,
  stamp: stampDefinition,
};

export function isShapeType(value: unknown): value is ShapeType {
  return typeof value === 'string' && Object.hasOwn(shapeRegistry, value);
}

/** The definition for a shape, typed loosely so callers need not narrow first. */
export function definitionOf(type: ShapeType): ShapeDefinition<Shape> {
  return shapeRegistry[type] as unknown as ShapeDefinition<Shape>;
}

export function shapeBounds(shape: Shape): Box {
  return definitionOf(shape.type).bounds(shape);
}

/** The page box around every one of `shapes`, or null when there is none. */
export function shapesBounds(shapes: readonly Shape[]): Box | null {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const shape of shapes) {
    const box = shapeBounds(shape);
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.w);
    bottom = Math.max(bottom, box.y + box.h);
  }
  return shapes.length === 0 ? null : { x: left, y: top, w: right - left, h: bottom - top };
}

export function hitTestShape(shape: Shape, point: Point, tolerance = 0): boolean {
  return definitionOf(shape.type).hitTest(shape, point, tolerance);
}

export function resizeShape<S extends Shape>(shape: S, box: Box): Partial<S> {
  return definitionOf(shape.type).resize(shape, box) as Partial<S>;
}
