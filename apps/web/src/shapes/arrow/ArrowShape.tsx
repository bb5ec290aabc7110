import { memo } from 'react';
import { Arrow } from 'react-konva';
import type { ArrowShape as ArrowModel } from '@carton/board';
import { ink } from '../../theme/colors';
import { deg } from '../note/NoteShape';
import type { ShapeComponentProps } from '../types';

// Bound ends are already resolved by the model's read (they follow their shapes).
export const ArrowShape = memo(function ArrowShape({
  shape,
  fading,
}: ShapeComponentProps<ArrowModel>) {
  const color = ink(shape.color);
  return (
    <Arrow
      x={shape.x}
      y={shape.y}
      rotation={deg(shape.rotation)}
      points={[shape.start.x, shape.start.y, shape.end.x, shape.end.y]}
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
