import type { BoardFile } from '@carton/board';
import { renderSvg } from '@carton/render';
import { bundledFontFiles, loadBundledFonts } from '@carton/render/node';
import { Resvg } from '@resvg/resvg-js';

/** Pixels per board unit: a 1600-wide carton prints at 3200 px, sharp on A4/Letter at 300 dpi. */
export const PNG_SCALE = 2;
/** resvg allocates width × height × 4 bytes: keep a huge board from taking the server down. */
export const MAX_PNG_PIXELS = 64_000_000;

/**
 * A board as PNG, drawn from @carton/render's SVG by resvg with the bundled Atkinson
 * Hyperlegible files and no system fonts, so every server draws the same pixels.
 */
export function renderBoardPng(file: BoardFile, options: { scale?: number } = {}): Uint8Array {
  let scale = options.scale ?? PNG_SCALE;
  const probe = renderSvg(file, { fonts: loadBundledFonts(), scale: 1 });
  const pixels = probe.width * probe.height * scale * scale;
  if (pixels > MAX_PNG_PIXELS) scale = Math.sqrt(MAX_PNG_PIXELS / (probe.width * probe.height));
  const { svg } = renderSvg(file, { fonts: loadBundledFonts(), scale, title: file.meta.title });
  const files = bundledFontFiles();
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: [files.regular, files.bold],
      loadSystemFonts: false,
      defaultFontFamily: loadBundledFonts().regular.family,
    },
    imageRendering: 0,
  });
  return new Uint8Array(resvg.render().asPng());
}
