// Client side of each shape type, joined to the model by `type`. Unknown types get a placeholder.
import type { ComponentType } from 'react';
import type { Shape } from '@carton/board';
import { ArrowShape } from './arrow/ArrowShape';
import { CartonShape } from './carton/CartonShape';
import { EllipseShape } from './ellipse/EllipseShape';
import { ImageShape } from './image/ImageShape';
import { NoteShape } from './note/NoteShape';
import { RectShape } from './rect/RectShape';
import { StampShape } from './stamp/StampShape';
import { StrokeShape } from './stroke/StrokeShape';
import { TextShape } from './text/TextShape';
import type { ShapeComponentProps } from './types';

type AnyShapeComponent = ComponentType<ShapeComponentProps>;

export const shapeComponents: Record<string, AnyShapeComponent> = {
  note: NoteShape as AnyShapeComponent,
  carton: CartonShape as AnyShapeComponent,
  stroke: StrokeShape as AnyShapeComponent,
  text: TextShape as AnyShapeComponent,
  rect: RectShape as AnyShapeComponent,
  ellipse: EllipseShape as AnyShapeComponent,
  arrow: ArrowShape as AnyShapeComponent,
  image: ImageShape as AnyShapeComponent,
  stamp: StampShape as AnyShapeComponent,
};

export function componentFor(shape: Shape): AnyShapeComponent | undefined {
  return Object.hasOwn(shapeComponents, shape.type) ? shapeComponents[shape.type] : undefined;
}
