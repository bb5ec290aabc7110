import { memo } from 'react';
import { Rect } from 'react-konva';
import { definitionOf } from '@carton/board';
import { deg } from '../note/NoteShape';
import type { OutlineProps } from '../types';

/**
 * The default selection outline: the shape's own box, turned with it (so a rotated note is
 * outlined along its edges, not by its page bounds), a few screen pixels out.
 */
export const BoundsOutline = memo(function BoundsOutline({
  shape,
  color,
  zoom,
  dashed,
}: OutlineProps) {
  const local = definitionOf(shape.type).localBox(shape);
  const pad = 4 / zoom;
  return (
    <Rect
      x={shape.x}
      y={shape.y}
      rotation={deg(shape.rotation)}
      offsetX={-(local.x - pad)}
      offsetY={-(local.y - pad)}
      width={local.w + pad * 2}
      height={local.h + pad * 2}
      stroke={color}
      strokeWidth={2 / zoom}
      dash={dashed ? [6 / zoom, 4 / zoom] : undefined}
    />
  );
});
