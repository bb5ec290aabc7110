// Far out (the low level of detail), each carton's title is drawn big in a band just above the
// carton's frame, so a projected forum board still reads « Conditions de succès — La Mitis » at
// fit-all zoom. Above, not over: drawn over the carton's top it hid the template's headings
// (« Conditions présentes / souhaitées ») and any note placed there. Fitting the board to the
// screen makes room for it (see titledBounds in board/actions.ts).
import { memo, useMemo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { CartonShape } from '@carton/board';
import { fitFontSize, LINE_HEIGHT, wrapText, type MeasureWidth } from '@carton/render';
import type { Rect as Box } from '../../geometry/rect';
import { keepPunctuationAttached } from '../../i18n/typography';
import { CARTON_BORDER } from '../../theme/colors';
import { FONT_FAMILY, measureText } from '../common/fonts';
import { useFontArrivals } from '../common/fontsArrived';
import { deg } from '../note/NoteShape';

/** Average glyph width of the bold title face, in ems (generous, so words rarely overflow). */
const GLYPH_EM = 0.6;

/** The far title's line height, in ems (the band's height is counted with it). */
const FAR_LINE_HEIGHT = 1.15;

/** The title band is at most this share of the carton's height (it adds to the board's height). */
const BAND_SHARE = 0.22;

/** A band squeezed by a shape above its carton keeps at least this share of its height. */
const MIN_BAND_SHARE = 0.4;

/**
 * Font size and line count that fit the title across the carton's width, on one or two lines,
 * in a band at most `free` high (the room above the carton: see freeAboveCarton).
 */
export function farTitleLayout(
  carton: Pick<CartonShape, 'w' | 'h' | 'title'>,
  free = Infinity,
): {
  size: number;
  lines: number;
  pad: number;
} {
  const chars = Math.max(1, [...carton.title].length);
  const band = carton.h * BAND_SHARE;
  const limit = Math.min(band, Math.max(free, band * MIN_BAND_SHARE));
  // A squeezed band gives its margins up first.
  const pad = Math.min(Math.min(carton.w, carton.h) * 0.03, limit * 0.12);
  const room = limit - pad * 2;
  const fit = (lines: number) =>
    Math.min(
      (carton.w - pad * 2) / (GLYPH_EM * Math.ceil(chars / lines)),
      room / (FAR_LINE_HEIGHT * lines),
    );
  const one = fit(1);
  const two = chars > 12 ? fit(2) : 0;
  const lines = two > one ? 2 : 1;
  return { size: Math.max(16, Math.min(Math.max(one, two), 400)), lines, pad };
}

/** Height of the band above the carton (world units); 0 for an untitled carton. */
export function farTitleHeight(
  carton: Pick<CartonShape, 'w' | 'h' | 'title'>,
  free = Infinity,
): number {
  if (!carton.title.trim()) return 0;
  const { size, lines, pad } = farTitleLayout(carton, free);
  return size * FAR_LINE_HEIGHT * lines + pad * 2;
}

/**
 * Room between an upright carton's top and the lowest bottom of the shapes wholly above it
 * (within its width and its full band's height), given their bounds: a row of postcards 100
 * units below the previous one would otherwise slide its band under the row above.
 */
export function freeAboveCarton(
  carton: Pick<CartonShape, 'x' | 'y' | 'w' | 'rotation'>,
  above: readonly Box[],
): number {
  if (carton.rotation !== 0) return Infinity;
  let free = Infinity;
  for (const b of above) {
    const bottom = b.y + b.height;
    const overlaps = b.x < carton.x + carton.w && b.x + b.width > carton.x;
    if (overlaps && bottom <= carton.y) free = Math.min(free, carton.y - bottom);
  }
  return free;
}

/** The band's world bounds (axis-aligned, the carton's rotation included), or null if none. */
export function farTitleBounds(
  carton: Pick<CartonShape, 'x' | 'y' | 'w' | 'h' | 'title' | 'rotation'>,
): Box | null {
  const height = farTitleHeight(carton);
  if (height === 0) return null;
  const cos = Math.cos(carton.rotation);
  const sin = Math.sin(carton.rotation);
  const corners = [
    [0, -height],
    [carton.w, -height],
    [carton.w, 0],
    [0, 0],
  ].map(([x, y]) => ({
    x: carton.x + x! * cos - y! * sin,
    y: carton.y + x! * sin + y! * cos,
  }));
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/**
 * The title as drawn in its band: its lines broken by @carton/render as notes and headings are
 * (at a space or right after a hyphen, « Rivière-du- / Loup », never before one, never at U+2011
 * nor inside a word while a smaller size avoids it), at the largest size up to farTitleLayout's
 * whose lines fit the band. Konva's own wrap="word" broke before hyphens and inside words.
 */
export function farTitleText(
  carton: Pick<CartonShape, 'w' | 'h' | 'title'>,
  free: number,
  measure: MeasureWidth,
): { size: number; lines: string[] } {
  const { size, lines, pad } = farTitleLayout(carton, free);
  const width = carton.w - pad * 2;
  const largest = Math.max(1, Math.floor(size));
  // fitFontSize counts lines at LINE_HEIGHT: as many lines as that height holds at a smaller
  // size still fit the band, counted at FAR_LINE_HEIGHT (smaller).
  const fitted = fitFontSize(
    carton.title,
    width,
    lines * largest * LINE_HEIGHT,
    measure,
    largest,
    Math.min(largest, 16),
  );
  return {
    size: fitted,
    lines: wrapText(keepPunctuationAttached(carton.title), width, fitted, measure),
  };
}

const measureBold: MeasureWidth = (text, size) => measureText(text, size, 'bold');

export const CartonFarTitle = memo(function CartonFarTitle({
  shape,
  free = Infinity,
}: {
  shape: CartonShape;
  /** Room above the carton (see freeAboveCarton). */
  free?: number;
}) {
  const band = farTitleHeight(shape, free);
  const { pad } = farTitleLayout(shape, free);
  const { title, w, h } = shape;
  const fontArrivals = useFontArrivals();
  const text = useMemo(
    () => (band === 0 ? null : farTitleText({ title, w, h }, free, measureBold)),
    [band, title, w, h, free, fontArrivals],
  );
  if (band === 0 || !text) return null;
  return (
    <Group x={shape.x} y={shape.y} rotation={deg(shape.rotation)} listening={false}>
      <Rect
        y={-band}
        width={shape.w}
        height={band}
        fill="rgba(253,246,227,0.92)"
        stroke={CARTON_BORDER}
        strokeWidth={3}
        cornerRadius={[pad, pad, 0, 0]}
      />
      {/* The lines are broken already (farTitleText); Konva only cuts what overflows. */}
      <Text
        x={pad}
        y={pad - band}
        width={shape.w - pad * 2}
        height={band - pad * 2}
        text={text.lines.join('\n')}
        fontSize={text.size}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        fill="#4a3b22"
        lineHeight={FAR_LINE_HEIGHT}
        verticalAlign="middle"
        wrap="none"
        ellipsis
      />
    </Group>
  );
});
