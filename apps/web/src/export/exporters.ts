// The four exports of a board, as the menu runs them: gather, draw, encode, name. Each reports
// its steps to `progress` (the menu shows them) and returns a file to save.
import {
  exportBoard,
  imageBlobIds,
  serializeBoardFile,
  withImages,
  type BoardFileImage,
  type Shape,
} from '@carton/board';
import { voteBadges } from '@carton/render';
import type { BoardSession } from '../board/session';
import { fetchImagesAsBase64, fetchImagesDecoded } from './blobs';
import { ExportError } from './messages';
import { exportFileName, posterTitle } from './naming';
import { posterLayout, posterPdf, type Orientation, type PageSize } from './pdf';
import { rasterize, rasterizePng } from './raster';
import { clampScale } from './scale';
import { exportBox, shapesInScope, type ExportScope } from './scope';
import { cartonSvg } from './svg';

export type ExportStep =
  | { readonly step: 'images'; readonly done: number; readonly total: number }
  | { readonly step: 'drawing' | 'encoding' | 'pdf' };
export type StepReporter = (step: ExportStep) => void;

export interface ExportedFile {
  readonly blob: Blob;
  readonly name: string;
  /** Set when the requested scale did not fit the browser's canvas limits. */
  readonly reduced?: { scale: number; width: number; height: number };
  readonly width?: number;
  readonly height?: number;
}

export const WHITE = '#ffffff';

function boardShapes(session: BoardSession): Shape[] {
  return session.board.listShapes();
}

function cartonTitle(shapes: readonly Shape[], id: string): string {
  const carton = shapes.find((s) => s.id === id);
  if (carton?.type !== 'carton') throw new ExportError('no_carton', `no carton ${id}`);
  return carton.title;
}

/** The whole board as a versioned, pretty, self-contained JSON file (images embedded). */
export async function exportJsonFile(
  session: BoardSession,
  report: StepReporter,
  now: Date | string = new Date(),
): Promise<ExportedFile> {
  // The territory is the board's (its row's), so a renamed board comes back as its own.
  const file = exportBoard(session.connection.doc, { territory: session.info.board.territory });
  const images = await fetchImagesAsBase64(
    session.boardId,
    session.token,
    imageBlobIds(file),
    (done, total) => report({ step: 'images', done, total }),
  );
  const complete = withImages(file, (blobId) => images.get(blobId));
  return {
    blob: new Blob([serializeBoardFile(complete)], { type: 'application/json' }),
    name: exportFileName(session.info.board.title, now, 'json'),
  };
}

/**
 * A closed vote's dots by note (shape id → dots, export/voteDots.ts), drawn on the picture as
 * the board shows them after the vote; absent: none drawn.
 */
export type ExportDots = ReadonlyMap<string, number> | undefined;

export interface PngRequest {
  readonly scope: ExportScope;
  readonly scale: number;
  readonly background: string | null;
  readonly dots?: ExportDots;
}

/** The badges of the drawn notes, placed as the projector and the archive place them. */
function badgesOf(shapes: readonly Shape[], dots: ExportDots) {
  return dots ? voteBadges(shapes, dots) : [];
}

function scopedShapes(session: BoardSession, scope: ExportScope): Shape[] {
  if (scope.kind === 'selection' && scope.ids.length === 0) {
    throw new ExportError('empty_selection', 'nothing selected');
  }
  const shapes = shapesInScope(boardShapes(session), scope);
  if (shapes.length === 0) {
    throw new ExportError(scope.kind === 'carton' ? 'no_carton' : 'empty', 'nothing to draw');
  }
  return shapes;
}

async function decodedImages(
  session: BoardSession,
  shapes: readonly Shape[],
  report: StepReporter,
) {
  const ids = shapes.flatMap((s) => (s.type === 'image' ? [s.blobId] : []));
  return fetchImagesDecoded(session.boardId, session.token, ids, (done, total) =>
    report({ step: 'images', done, total }),
  );
}

/** A PNG of the board, the selection or one carton, as the board shows it. */
export async function exportPngFile(
  session: BoardSession,
  request: PngRequest,
  report: StepReporter,
  now: Date | string = new Date(),
): Promise<ExportedFile> {
  const shapes = scopedShapes(session, request.scope);
  const box = exportBox(shapes);
  if (!box) throw new ExportError('empty', 'nothing to draw');
  const clamped = clampScale(box, request.scale);
  const images = await decodedImages(session, shapes, report);
  report({ step: 'drawing' });
  const png = await rasterizePng(
    shapes,
    box,
    {
      scale: clamped.scale,
      background: request.background,
      images,
      session,
      badges: badgesOf(shapes, request.dots),
    },
    () => report({ step: 'encoding' }),
  );
  const carton =
    request.scope.kind === 'carton' ? cartonTitle(shapes, request.scope.id) : undefined;
  return {
    blob: png.blob,
    name: exportFileName(session.info.board.title, now, 'png', carton),
    width: png.width,
    height: png.height,
    // The canvas's own size: Konva truncates a fractional one, the estimate rounds up.
    ...(clamped.reduced
      ? { reduced: { scale: clamped.scale, width: png.width, height: png.height } }
      : {}),
  };
}

/** One carton as a self-contained SVG (fonts and images embedded). */
export async function exportSvgFile(
  session: BoardSession,
  request: {
    readonly cartonId: string;
    readonly background: string | null;
    readonly dots?: ExportDots;
  },
  report: StepReporter,
  now: Date | string = new Date(),
): Promise<ExportedFile> {
  const { cartonId, background } = request;
  const shapes = scopedShapes(session, { kind: 'carton', id: cartonId });
  const title = cartonTitle(shapes, cartonId);
  const ids = shapes.flatMap((s) => (s.type === 'image' ? [s.blobId] : []));
  const fetched = await fetchImagesAsBase64(
    session.boardId,
    session.token,
    ids,
    (done, total) => report({ step: 'images', done, total }),
    true,
  );
  const images: Record<string, BoardFileImage> = {};
  for (const [id, image] of fetched) if (image) images[id] = image;
  report({ step: 'drawing' });
  const { svg, width, height } = await cartonSvg(shapes, cartonId, {
    title,
    images,
    background,
    ...(request.dots ? { dots: request.dots } : {}),
  });
  return {
    blob: new Blob([svg], { type: 'image/svg+xml' }),
    name: exportFileName(session.info.board.title, now, 'svg', title),
    width,
    height,
  };
}

/** One carton fitted to a poster page, as a PDF file. */
export async function exportPdfFile(
  session: BoardSession,
  cartonId: string,
  page: { size: PageSize; orientation: Orientation; dots?: ExportDots },
  report: StepReporter,
  now: Date | string = new Date(),
): Promise<ExportedFile> {
  const shapes = scopedShapes(session, { kind: 'carton', id: cartonId });
  const title = cartonTitle(shapes, cartonId);
  const box = exportBox(shapes);
  if (!box) throw new ExportError('empty', 'nothing to draw');
  const layout = posterLayout(box, page.size, page.orientation);
  // Never past the canvas limits (a very long, thin carton), never above print resolution.
  const scale = Math.min(layout.pixelScale, clampScale(box, 4).scale);
  const images = await decodedImages(session, shapes, report);
  report({ step: 'drawing' });
  const canvas = await rasterize(shapes, box, {
    scale,
    background: WHITE,
    images,
    session,
    badges: badgesOf(shapes, page.dots),
  });
  report({ step: 'pdf' });
  try {
    const blob = await posterPdf(canvas, layout, posterTitle(title, session.info.board.title));
    return { blob, name: exportFileName(session.info.board.title, now, 'pdf', title) };
  } finally {
    canvas.width = 0;
    canvas.height = 0;
  }
}

export { saveFile } from './saveFile';
