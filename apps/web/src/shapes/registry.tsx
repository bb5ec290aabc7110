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
import { ArrowOutline } from './arrow/ArrowOutline';
import { BoundsOutline } from './common/BoundsOutline';
import { EllipseOutline } from './ellipse/EllipseOutline';
import type { OutlineProps, ShapeComponentProps } from './types';

type AnyShapeComponent = ComponentType<ShapeComponentProps>;
type AnyOutline = ComponentType<OutlineProps>;

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

/** Selection outlines that differ from the bounds box. */
const outlines: Record<string, AnyOutline> = {
  arrow: ArrowOutline as AnyOutline,
  ellipse: EllipseOutline as AnyOutline,
};

export function outlineFor(shape: Shape): AnyOutline {
  return (Object.hasOwn(outlines, shape.type) ? outlines[shape.type] : undefined) ?? BoundsOutline;
}
