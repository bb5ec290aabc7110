import type { BoardFileImage } from '@carton/board';
import type { RenderFonts } from '../font/fonts.ts';
import { measure } from '../font/fonts.ts';
import type { FontMetrics } from '../font/ttf.ts';
import type { MeasureWidth } from '../text/wrap.ts';
import { LINE_HEIGHT } from '../text/wrap.ts';
import { num, xmlText } from '../svg/xml.ts';
import type { TextOutline } from '../theme/textInk.ts';

export interface RenderContext {
  readonly fonts: RenderFonts;
  readonly family: string;
  /** Blob id → bytes, for image shapes (missing: a placeholder is drawn). */
  readonly images: Readonly<Record<string, BoardFileImage>>;
  /** For images not embedded: a URL to show, or null for a placeholder. */
  readonly imageHref: (blobId: string) => string | null;
  /** An image's EXIF orientation, to turn it in the drawing itself (1: drawn as stored). */
  readonly imageOrientation?: (blobId: string) => number;
}

export const measurer =
  (font: FontMetrics): MeasureWidth =>
  (text, fontSize) =>
    measure(font, text, fontSize);

/**
 * Lines of text laid out as the editor's canvas does: each line box is `LINE_HEIGHT × size`
 * tall and its text sits on the em box's middle (canvas textBaseline 'middle').
 */
export function textLines(
  ctx: RenderContext,
  lines: readonly string[],
  options: {
    readonly font: FontMetrics;
    readonly bold: boolean;
    readonly size: number;
    readonly x: number;
    readonly top: number;
    readonly anchor: 'start' | 'middle' | 'end';
    readonly fill: string;
    /** Drawn under the fill (paint-order stroke), as Konva's fillAfterStrokeEnabled does. */
    readonly outline?: TextOutline | null;
  },
): string {
  const { font, size } = options;
  const lineBox = size * LINE_HEIGHT;
  const middleToBaseline = (size * (font.ascender - font.descender)) / (2 * font.unitsPerEm);
  const weight = options.bold ? ' font-weight="bold"' : '';
  const outline = options.outline
    ? ` stroke="${options.outline.color}" stroke-width="${num(options.outline.width)}" stroke-linejoin="round" paint-order="stroke"`
    : '';
  return lines
    .map((line, i) => {
      if (line === '') return '';
      const baseline = options.top + i * lineBox + lineBox / 2 + middleToBaseline;
      return `<text x="${num(options.x)}" y="${num(baseline)}" font-size="${num(size)}"${weight} text-anchor="${options.anchor}" fill="${options.fill}"${outline}>${xmlText(line)}</text>`;
    })
    .join('');
}
