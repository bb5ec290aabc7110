import { memo } from 'react';
import { Rect } from 'react-konva';
import { shapeBounds } from '@carton/board';
import type { OutlineProps } from '../types';

/** The default selection outline: the shape's page bounds, a few screen pixels out. */
export const BoundsOutline = memo(function BoundsOutline({
  shape,
  color,
  zoom,
  dashed,
}: OutlineProps) {
  const b = shapeBounds(shape);
  const pad = 4 / zoom;
  return (
    <Rect
      x={b.x - pad}
      y={b.y - pad}
      width={b.w + pad * 2}
      height={b.h + pad * 2}
      stroke={color}
      strokeWidth={2 / zoom}
      dash={dashed ? [6 / zoom, 4 / zoom] : undefined}
    />
  );
});
