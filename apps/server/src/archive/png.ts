import type { BoardFile } from '@carton/board';
import { bundledFontFiles, loadBundledFonts } from '@carton/render/node';
import { renderAsync } from '@resvg/resvg-js';
import { drawBoard, type BoardDrawing } from './board-drawing.ts';
import { MAX_ARCHIVE_PNG_BYTES, MAX_PNG_PIXELS } from './limits.ts';

/** Pixels per board unit: a 1600-wide carton prints at 3200 px, sharp on A4/Letter at 300 dpi. */
export const PNG_SCALE = 2;

/**
 * A board as PNG, drawn from @carton/render's SVG by resvg with the bundled Atkinson
 * Hyperlegible files and no system fonts, so every server draws the same pixels. Rasterizing
 * runs on libuv's thread pool (renderAsync), so a big export does not stall live rooms.
 */
export async function renderBoardPng(
  board: BoardFile | BoardDrawing,
  options: { scale?: number; maxPixels?: number } = {},
): Promise<Uint8Array> {
  const { svg, width, height } = 'svg' in board ? board : drawBoard(board);
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

/**
 * A board's PNG for an archive: at most MAX_ARCHIVE_PNG_BYTES (a board of photos at 64 Mpx
 * could take 256 MB), drawn smaller until it fits — twice at most; past that, none (the
 * board's JSON holds everything, and an import never reads PNGs).
 */
export async function renderArchivePng(
  board: BoardFile | BoardDrawing,
  maxBytes: number = MAX_ARCHIVE_PNG_BYTES,
  maxPixels: number = MAX_PNG_PIXELS,
): Promise<Uint8Array | null> {
  // Laid out once: the smaller attempts only zoom the same document.
  const drawing = 'svg' in board ? board : drawBoard(board);
  let png = await renderBoardPng(drawing, { maxPixels });
  let scale = PNG_SCALE;
  for (let attempt = 0; png.byteLength > maxBytes && attempt < 2; attempt++) {
    // Bytes go with pixels, pixels with the square of the scale; 10 % to spare.
    scale *= Math.sqrt(maxBytes / png.byteLength) * 0.9;
    png = await renderBoardPng(drawing, { scale, maxPixels });
  }
  return png.byteLength > maxBytes ? null : png;
}
