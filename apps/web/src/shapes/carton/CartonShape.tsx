import { memo } from 'react';
import { Group, Line, Rect, Text } from 'react-konva';
import type { CartonShape as Carton } from '@carton/board';
import { CARTON_BORDER, CARTON_FILL } from '../../theme/colors';
import { FONT_FAMILY } from '../common/fonts';
import { deg } from '../note/NoteShape';
import type { ShapeComponentProps } from '../types';

/** Height of the title band (must match the scene's grab band). */
export const CARTON_TITLE_BAND = 72;

/**
 * Far out (the low level of detail), the title is drawn big across the top of the carton so a
 * projected forum board still reads « Conditions de succès — Témiscouata » at fit-all zoom.
 */
export function farTitleSize(carton: Pick<Carton, 'w' | 'h'>): number {
  return Math.max(40, Math.min(carton.w / 9, carton.h / 4, 320));
}

function FarTitle({ shape }: { shape: Carton }) {
  const size = farTitleSize(shape);
  const pad = size * 0.3;
  return (
    <>
      <Rect width={shape.w} height={size * 2.6 + pad} fill="rgba(255,250,235,0.85)" />
      <Text
        x={pad}
        y={pad / 2}
        width={shape.w - pad * 2}
        height={size * 2.6}
        text={shape.title}
        fontSize={size}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        fill="#4a3b22"
        verticalAlign="middle"
        lineHeight={1.1}
        wrap="word"
        ellipsis
      />
    </>
  );
}

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
      {detail === 'low' && !editing && <FarTitle shape={shape} />}
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
