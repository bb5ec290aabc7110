// A carton as a poster PDF: the carton's picture (the same offscreen drawing as the PNG export,
// so the print matches the board) fitted, centred, on one page of the chosen size. pdf-lib
// builds a real file; the picture goes in as a high-quality JPEG on white paper, because
// pdf-lib re-compresses a PNG in JavaScript (seconds for a poster-sized picture) while a JPEG is
// embedded as is. A vector PDF (svg2pdf) would need the fonts registered twice; the raster at
// print resolution reads the same on paper.
import { PDFDocument } from 'pdf-lib';
import type { Box } from '@carton/board';

export const PAGE_SIZES = {
  letter: { w: 612, h: 792 },
  tabloid: { w: 792, h: 1224 },
  a3: { w: 841.89, h: 1190.55 },
  a1: { w: 1683.78, h: 2383.94 },
} as const;
export type PageSize = keyof typeof PAGE_SIZES;
export type Orientation = 'portrait' | 'landscape';

/** Half an inch: what most printers can reach. */
const MARGIN = 36;
/** Enough for a poster read from a step away. */
const PRINT_DPI = 200;
/** pdf-lib and the viewers stay quick below this. */
const MAX_PICTURE_PIXELS = 48_000_000;

export interface PosterLayout {
  readonly page: { w: number; h: number };
  /** Where the picture sits on the page (PDF points, origin bottom left). */
  readonly place: { x: number; y: number; w: number; h: number };
  /** Pixels per board unit of the picture to draw. */
  readonly pixelScale: number;
}

/** The page, where the carton sits on it, and the drawing scale for print resolution. */
export function posterLayout(box: Box, size: PageSize, orientation: Orientation): PosterLayout {
  const base = PAGE_SIZES[size];
  const page =
    orientation === 'portrait'
      ? { w: Math.min(base.w, base.h), h: Math.max(base.w, base.h) }
      : { w: Math.max(base.w, base.h), h: Math.min(base.w, base.h) };
  const fit = Math.min((page.w - 2 * MARGIN) / box.w, (page.h - 2 * MARGIN) / box.h);
  const w = box.w * fit;
  const h = box.h * fit;
  const wanted = (fit * PRINT_DPI) / 72;
  const budget = Math.sqrt(MAX_PICTURE_PIXELS / (box.w * box.h));
  const pixelScale = Math.max(0.05, Math.min(4, wanted, budget));
  return { page, place: { x: (page.w - w) / 2, y: (page.h - h) / 2, w, h }, pixelScale };
}

/** One page with the picture at `layout.place`. */
export async function posterPdf(
  picture: HTMLCanvasElement,
  layout: PosterLayout,
  title: string,
): Promise<Blob> {
  const jpeg = await new Promise<Blob | null>((resolve) =>
    picture.toBlob(resolve, 'image/jpeg', 0.95),
  );
  if (!jpeg) throw new Error('the canvas gave no JPEG');
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreator('Carton');
  pdf.setProducer('Carton');
  const image = await pdf.embedJpg(new Uint8Array(await jpeg.arrayBuffer()));
  const page = pdf.addPage([layout.page.w, layout.page.h]);
  const { x, y, w, h } = layout.place;
  page.drawImage(image, { x, y, width: w, height: h });
  const bytes = await pdf.save({ useObjectStreams: false });
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
}
