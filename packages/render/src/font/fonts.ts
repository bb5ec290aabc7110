import type { FontMetrics } from './ttf.ts';

/**
 * The two faces every drawing uses: regular (notes) and bold (text shapes, carton titles).
 * Carton's font is Atkinson Hyperlegible (SIL OFL 1.1, Braille Institute), made for readers with
 * low vision, and first in the editor's font stack: the SVG names it, the server loads its TTF
 * files into the PNG renderer, and wrapping uses its advance widths so output is deterministic.
 */
export interface RenderFonts {
  readonly regular: FontMetrics;
  readonly bold: FontMetrics;
}

/** Width of `text` at `fontSize` pixels (no kerning). */
export function measure(font: FontMetrics, text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += font.advance(ch.codePointAt(0) ?? 0x20);
  return (units * fontSize) / font.unitsPerEm;
}

/** The font-family attribute: the bundled family first, then the editor's fallbacks. */
export function fontFamily(fonts: RenderFonts): string {
  return `'${fonts.regular.family}', 'Noto Sans', 'DejaVu Sans', sans-serif`;
}
