import type { BoardFile } from '@carton/board';
import { renderSvg } from '@carton/render';
import { bundledFontFiles, loadBundledFonts } from '@carton/render/node';
import { renderAsync } from '@resvg/resvg-js';

/** Pixels per board unit: a 1600-wide carton prints at 3200 px, sharp on A4/Letter at 300 dpi. */
export const PNG_SCALE = 2;
/** resvg allocates width × height × 4 bytes: keep a huge board from taking the server down. */
export const MAX_PNG_PIXELS = 64_000_000;

/**
 * A board as PNG, drawn from @carton/render's SVG by resvg with the bundled Atkinson
 * Hyperlegible files and no system fonts, so every server draws the same pixels. Rasterizing
 * runs on libuv's thread pool (renderAsync), so a big export does not stall live rooms.
 */
export async function renderBoardPng(
  file: BoardFile,
  options: { scale?: number; maxPixels?: number } = {},
): Promise<Uint8Array> {
  const { svg, width, height } = renderSvg(file, {
    fonts: loadBundledFonts(),
    title: file.meta.title,
  });
  const wanted = options.scale ?? PNG_SCALE;
  const maxPixels = options.maxPixels ?? MAX_PNG_PIXELS;
  const scale = Math.min(wanted, Math.sqrt(maxPixels / (width * height)));
  const files = bundledFontFiles();
  const rendered = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      fontFiles: [files.regular, files.bold],
      loadSystemFonts: false,
      defaultFontFamily: loadBundledFonts().regular.family,
    },
    imageRendering: 0,
  });
  return new Uint8Array(rendered.asPng());
}
