// Far out (the low level of detail), each carton's title is drawn big across its top, above its
// contents (whose text is not drawn at that zoom anyway), so a projected forum board still
// reads « Conditions de succès — La Mitis » at fit-all zoom.
import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { CartonShape } from '@carton/board';
import { FONT_FAMILY } from '../common/fonts';
import { deg } from '../note/NoteShape';

/** Average glyph width of the bold title face, in ems (generous, so words rarely overflow). */
const GLYPH_EM = 0.6;

/** The title band covers at most this share of the carton's height (its notes stay visible). */
const BAND_SHARE = 0.22;

/** Font size and line count that fit the title across the carton's top, on one or two lines. */
export function farTitleLayout(carton: Pick<CartonShape, 'w' | 'h' | 'title'>): {
  size: number;
  lines: number;
  pad: number;
} {
  const chars = Math.max(1, [...carton.title].length);
  const pad = Math.min(carton.w, carton.h) * 0.03;
  const room = carton.h * BAND_SHARE - pad * 2;
  const fit = (lines: number) =>
    Math.min((carton.w - pad * 2) / (GLYPH_EM * Math.ceil(chars / lines)), room / (1.15 * lines));
  const one = fit(1);
  const two = chars > 12 ? fit(2) : 0;
  const lines = two > one ? 2 : 1;
  return { size: Math.max(16, Math.min(Math.max(one, two), 400)), lines, pad };
}

export const CartonFarTitle = memo(function CartonFarTitle({ shape }: { shape: CartonShape }) {
  if (!shape.title.trim()) return null;
  const { size, lines, pad } = farTitleLayout(shape);
  const height = size * 1.15 * lines;
  return (
    <Group x={shape.x} y={shape.y} rotation={deg(shape.rotation)} listening={false}>
      <Rect width={shape.w} height={height + pad * 2} fill="rgba(253,246,227,0.92)" />
      <Text
        x={pad}
        y={pad}
        width={shape.w - pad * 2}
        height={height}
        text={shape.title}
        fontSize={size}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        fill="#4a3b22"
        lineHeight={1.15}
        wrap="word"
        ellipsis
      />
    </Group>
  );
});
