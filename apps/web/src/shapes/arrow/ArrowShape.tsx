import { memo, useMemo } from 'react';
import { Arrow } from 'react-konva';
import { arrowDrawnEnds, type ArrowShape as ArrowModel } from '@carton/board';
import { ink } from '../../theme/colors';
import { deg } from '../note/NoteShape';
import type { ShapeComponentProps } from '../types';
import { useArrowTargets } from './useArrowTargets';

// Bound ends follow their shapes (the model's read) and are drawn at the shapes' outlines, as
// @carton/render draws them in exports (arrowDrawnEnds).
export const ArrowShape = memo(function ArrowShape({
  shape,
  fading,
}: ShapeComponentProps<ArrowModel>) {
  const color = ink(shape.color);
  const { start: startTarget, end: endTarget } = useArrowTargets(shape);
  const { start, end } = useMemo(
    () => arrowDrawnEnds(shape, { start: startTarget, end: endTarget }),
    [shape, startTarget, endTarget],
  );
  return (
    <Arrow
      x={shape.x}
      y={shape.y}
      rotation={deg(shape.rotation)}
      points={[start.x, start.y, end.x, end.y]}
      stroke={color}
      fill={color}
      strokeWidth={shape.width}
      pointerLength={shape.width * 4}
      pointerWidth={shape.width * 4}
      lineCap="round"
      opacity={fading ? 0.3 : 1}
    />
  );
});
