import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import { shapeBounds, type Shape } from '@carton/board';
import i18next from 'i18next';
import { FONT_FAMILY } from './fonts';

/** A shape this client cannot draw (a newer board): a labelled dashed box, never a crash. */
export const Placeholder = memo(function Placeholder({ shape }: { shape: Shape }) {
  let box = { x: shape.x, y: shape.y, w: 160, h: 100 };
  try {
    box = shapeBounds(shape);
  } catch {
    // Unknown geometry: a default box at its position.
  }
  return (
    <Group x={box.x} y={box.y}>
      <Rect width={box.w} height={box.h} stroke="#999" dash={[8, 6]} strokeWidth={2} />
      <Text
        width={box.w}
        height={box.h}
        text={i18next.t('shapes.unknown', { type: shape.type })}
        fontFamily={FONT_FAMILY}
        fontSize={16}
        fill="#777"
        align="center"
        verticalAlign="middle"
      />
    </Group>
  );
});
