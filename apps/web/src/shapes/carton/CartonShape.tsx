import { memo } from 'react';
import { Group, Line, Rect, Text } from 'react-konva';
import type { CartonShape as Carton } from '@carton/board';
import { CARTON_BORDER, CARTON_FILL } from '../../theme/colors';
import { FONT_FAMILY } from '../common/fonts';
import { deg } from '../note/NoteShape';
import type { ShapeComponentProps } from '../types';

/** Height of the title band (must match the scene's grab band). */
export const CARTON_TITLE_BAND = 72;

export const CartonShape = memo(function CartonShape({
  shape,
  detail,
  editing,
}: ShapeComponentProps<Carton>) {
  return (
    <Group x={shape.x} y={shape.y} rotation={deg(shape.rotation)}>
      <Rect x={6} y={8} width={shape.w} height={shape.h} fill="rgba(80,60,20,0.12)" />
      <Rect
        width={shape.w}
        height={shape.h}
        fill={CARTON_FILL}
        stroke={CARTON_BORDER}
        strokeWidth={3}
      />
      {detail === 'full' && (
        <>
          <Line
            points={[24, CARTON_TITLE_BAND, shape.w - 24, CARTON_TITLE_BAND]}
            stroke={CARTON_BORDER}
            strokeWidth={2}
          />
          {!editing && (
            <Text
              x={24}
              y={14}
              width={shape.w - 48}
              height={CARTON_TITLE_BAND - 20}
              text={shape.title}
              fontSize={40}
              fontStyle="bold"
              fontFamily={FONT_FAMILY}
              fill="#4a3b22"
              verticalAlign="middle"
              ellipsis
              wrap="none"
            />
          )}
        </>
      )}
    </Group>
  );
});
