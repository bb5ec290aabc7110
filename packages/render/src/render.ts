import type { BoardFile, BoardFileImage, Box, Shape } from '@carton/board';
import { Board, compareOrder, importBoard, shapeBounds } from '@carton/board';
import type { RenderFonts } from './font/fonts.ts';
import { fontFamily } from './font/fonts.ts';
import { cartonSvg, ellipseSvg, imageSvg, noteSvg, rectSvg } from './shapes/boxes.ts';
import type { RenderContext } from './shapes/context.ts';
import { arrowSvg, stampSvg, strokeSvg, textSvg } from './shapes/lines.ts';
import { num, xmlText } from './svg/xml.ts';
import { CANVAS_BACKGROUND } from './theme/colors.ts';

/** What to draw: the whole board, some shapes (cartons bring their contents), or one carton. */
export type RenderScope =
  | { readonly kind: 'board' }
  | { readonly kind: 'selection'; readonly ids: readonly string[] }
  | { readonly kind: 'carton'; readonly id: string };

export interface RenderOptions {
  /** Metrics of the bundled fonts (loadBundledFonts() in Node; parseFontMetrics in a browser). */
  readonly fonts: RenderFonts;
  readonly scope?: RenderScope;
  /** Image bytes by blob id; a BoardFile's own `images` are used too. */
  readonly images?: Readonly<Record<string, BoardFileImage>>;
  /**
   * Where an image's pixels are when they are not embedded (the editor's object URLs, for
   * print); null or absent: a placeholder is drawn.
   */
  readonly imageHref?: (blobId: string) => string | null;
  /**
   * A photo's EXIF orientation, for a renderer that ignores it (resvg): the drawing turns the
   * photo itself. Absent (a browser, which turns photos itself): every photo drawn as stored.
   */
  readonly imageOrientation?: (blobId: string) => number;
  /** Margin around the drawing, in board units (default 40). */
  readonly padding?: number;
  /** Page colour; null for transparent (default: the editor's canvas colour). */
  readonly background?: string | null;
  /** Output pixels per board unit for the width/height attributes (default 1). */
  readonly scale?: number;
  /** A title for the document (accessibility; e.g. the board's title). */
  readonly title?: string;
}

export interface RenderedSvg {
  readonly svg: string;
  /** The drawn area in board coordinates (the viewBox). */
  readonly box: Box;
  /** Size in output pixels (box × scale, rounded up). */
  readonly width: number;
  readonly height: number;
  /** Shapes drawn. */
  readonly count: number;
}

/** Readers' view of a file: bound arrow ends computed, references repaired (M8, M11). */
function shapesOfFile(file: BoardFile): Shape[] {
  const doc = importBoard(file);
  try {
    return new Board(doc).listShapes();
  } finally {
    doc.destroy();
  }
}

function inScope(shapes: readonly Shape[], scope: RenderScope): Shape[] {
  if (scope.kind === 'board') return [...shapes];
  const wanted = new Set(scope.kind === 'carton' ? [scope.id] : scope.ids);
  const cartons = new Set(
    shapes.filter((shape) => shape.type === 'carton' && wanted.has(shape.id)).map((s) => s.id),
  );
  if (scope.kind === 'carton' && cartons.size === 0) return [];
  return shapes.filter(
    (shape) => wanted.has(shape.id) || (shape.parentId !== null && cartons.has(shape.parentId)),
  );
}

function shapeSvg(ctx: RenderContext, shape: Shape, byId: ReadonlyMap<string, Shape>): string {
  switch (shape.type) {
    case 'note':
      return noteSvg(ctx, shape);
    case 'carton':
      return cartonSvg(ctx, shape);
    case 'stroke':
      return strokeSvg(shape);
    case 'text':
      return textSvg(ctx, shape);
    case 'rect':
      return rectSvg(shape);
    case 'ellipse':
      return ellipseSvg(shape);
    case 'arrow':
      return arrowSvg(shape, {
        start: shape.startBinding ? byId.get(shape.startBinding.shapeId) : undefined,
        end: shape.endBinding ? byId.get(shape.endBinding.shapeId) : undefined,
      });
    case 'image':
      return imageSvg(ctx, shape);
    case 'stamp':
      return stampSvg(shape);
  }
}

function unionBox(shapes: readonly Shape[]): Box | null {
  let box: Box | null = null;
  for (const shape of shapes) {
    const b = shapeBounds(shape);
    // Shadows and stroke widths reach a little past the model's box.
    const grow = shape.type === 'carton' ? 8 : shape.type === 'note' ? 4 : 0;
    const next = { x: b.x, y: b.y, w: b.w + grow, h: b.h + grow };
    if (box === null) box = next;
    else {
      const x = Math.min(box.x, next.x);
      const y = Math.min(box.y, next.y);
      box = {
        x,
        y,
        w: Math.max(box.x + box.w, next.x + next.w) - x,
        h: Math.max(box.y + box.h, next.y + next.h) - y,
      };
    }
  }
  return box;
}

/**
 * A board file or shapes → one SVG document, drawn as the editor draws them, in z-order. Pure:
 * the same input and fonts give the same string on every machine (no DOM, no system fonts for
 * layout; the SVG names the bundled font so a renderer that has it draws identical lines).
 */
export function renderSvg(
  input: BoardFile | readonly Shape[],
  options: RenderOptions,
): RenderedSvg {
  const all = Array.isArray(input)
    ? [...(input as readonly Shape[])].sort(compareOrder)
    : shapesOfFile(input as BoardFile);
  const images = {
    ...(Array.isArray(input) ? {} : ((input as BoardFile).images ?? {})),
    ...options.images,
  };
  const shapes = inScope(all, options.scope ?? { kind: 'board' });
  const padding = options.padding ?? 40;
  const scale = options.scale ?? 1;
  const content = unionBox(shapes) ?? { x: 0, y: 0, w: 0, h: 0 };
  const box = {
    x: Math.floor(content.x - padding),
    y: Math.floor(content.y - padding),
    w: Math.ceil(content.w + padding * 2),
    h: Math.ceil(content.h + padding * 2),
  };
  const width = Math.max(1, Math.ceil(box.w * scale));
  const height = Math.max(1, Math.ceil(box.h * scale));
  const ctx: RenderContext = {
    fonts: options.fonts,
    family: fontFamily(options.fonts),
    images,
    imageHref: options.imageHref ?? (() => null),
    imageOrientation: options.imageOrientation,
  };
  const background = options.background === undefined ? CANVAS_BACKGROUND : options.background;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${num(box.x)} ${num(box.y)} ${num(box.w)} ${num(box.h)}" font-family="${xmlText(ctx.family)}" xml:space="preserve">`,
  ];
  if (options.title !== undefined) parts.push(`<title>${xmlText(options.title)}</title>`);
  if (background !== null) {
    parts.push(
      `<rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.w)}" height="${num(box.h)}" fill="${xmlText(background)}"/>`,
    );
  }
  // Bound arrows stop at their shapes' outlines, drawn or not (a selection may leave them out).
  const byId = new Map(all.map((shape) => [shape.id, shape]));
  for (const shape of shapes) parts.push(shapeSvg(ctx, shape, byId));
  parts.push('</svg>\n');
  return { svg: parts.join('\n'), box, width, height, count: shapes.length };
}
