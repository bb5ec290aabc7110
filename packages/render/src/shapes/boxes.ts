// Notes, cartons, rectangles, ellipses and images: boxes, drawn as the editor's Konva shapes.
import type { CartonShape, EllipseShape, ImageShape, NoteShape, RectShape } from '@carton/board';
import { deg, num, rotateAbout, xmlText } from '../svg/xml.ts';
import {
  ellipsize,
  fitFontSize,
  keepPunctuationAttached,
  LINE_HEIGHT,
  linesThatFit,
  wrapText,
} from '../text/wrap.ts';
import {
  CARTON_BORDER,
  CARTON_FILL,
  CARTON_TITLE_INK,
  IMAGE_PLACEHOLDER,
  ink,
  NOTE_INK,
  noteFill,
} from '../theme/colors.ts';
import type { RenderContext } from './context.ts';
import { orientedPlacement } from './orientation.ts';
import { measurer, textLines } from './context.ts';

export const NOTE_PADDING = 14;
export const NOTE_MAX_FONT = 36;
export const NOTE_MIN_FONT = 8;
/** Height of a carton's title band (the editor's CARTON_TITLE_BAND). */
export const CARTON_TITLE_BAND = 72;

/** The font size the editor shows a note's text at (shrink to fit). */
export function noteFontSize(ctx: RenderContext, note: NoteShape): number {
  return fitFontSize(
    keepPunctuationAttached(note.text),
    note.w - NOTE_PADDING * 2,
    note.h - NOTE_PADDING * 2,
    measurer(ctx.fonts.regular),
    NOTE_MAX_FONT,
    NOTE_MIN_FONT,
  );
}

export function noteSvg(ctx: RenderContext, note: NoteShape): string {
  const text = keepPunctuationAttached(note.text);
  const size = noteFontSize(ctx, note);
  const inner = { w: note.w - NOTE_PADDING * 2, h: note.h - NOTE_PADDING * 2 };
  // Past the minimum font size a long text overflows: keep only the lines the canvas shows.
  const lines = text.trim()
    ? linesThatFit(
        wrapText(text, inner.w, size, measurer(ctx.fonts.regular)),
        size * LINE_HEIGHT,
        inner.h,
      )
    : [];
  const height = lines.length * size * LINE_HEIGHT;
  const body = textLines(ctx, lines, {
    font: ctx.fonts.regular,
    bold: false,
    size,
    x: note.x + note.w / 2,
    top: note.y + NOTE_PADDING + (inner.h - height) / 2,
    anchor: 'middle',
    fill: NOTE_INK,
  });
  return (
    `<g data-type="note"${rotateAbout(note.rotation, note.x, note.y)}>` +
    `<rect x="${num(note.x + 3)}" y="${num(note.y + 4)}" width="${num(note.w)}" height="${num(note.h)}" rx="3" fill="rgb(60,40,0)" fill-opacity="0.16"/>` +
    `<rect x="${num(note.x)}" y="${num(note.y)}" width="${num(note.w)}" height="${num(note.h)}" rx="3" fill="${noteFill(note.color)}"/>` +
    `${body}</g>`
  );
}

export function cartonSvg(ctx: RenderContext, carton: CartonShape): string {
  const { x, y, w, h } = carton;
  const title = ellipsize(carton.title, w - 48, 40, measurer(ctx.fonts.bold));
  const band = CARTON_TITLE_BAND - 20;
  return (
    `<g data-type="carton"${rotateAbout(carton.rotation, x, y)}>` +
    `<rect x="${num(x + 6)}" y="${num(y + 8)}" width="${num(w)}" height="${num(h)}" fill="rgb(80,60,20)" fill-opacity="0.12"/>` +
    `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="${CARTON_FILL}" stroke="${CARTON_BORDER}" stroke-width="3"/>` +
    (w > 48
      ? `<line x1="${num(x + 24)}" y1="${num(y + CARTON_TITLE_BAND)}" x2="${num(x + w - 24)}" y2="${num(y + CARTON_TITLE_BAND)}" stroke="${CARTON_BORDER}" stroke-width="2"/>`
      : '') +
    textLines(ctx, [title], {
      font: ctx.fonts.bold,
      bold: true,
      size: 40,
      x: x + 24,
      top: y + 14 + (band - 40 * LINE_HEIGHT) / 2,
      anchor: 'start',
      fill: CARTON_TITLE_INK,
    }) +
    `</g>`
  );
}

function fillFor(color: string, fill: 'none' | 'semi' | 'solid'): string {
  if (fill === 'none') return 'fill="none"';
  return fill === 'solid' ? `fill="${ink(color)}"` : `fill="${ink(color)}" fill-opacity="0.2"`;
}

export function rectSvg(rect: RectShape): string {
  return `<rect data-type="rect" x="${num(rect.x)}" y="${num(rect.y)}" width="${num(rect.w)}" height="${num(rect.h)}" rx="6" ${fillFor(rect.color, rect.fill)} stroke="${ink(rect.color)}" stroke-width="${num(rect.strokeWidth)}"${rotateAbout(rect.rotation, rect.x, rect.y)}/>`;
}

export function ellipseSvg(ellipse: EllipseShape): string {
  const rx = ellipse.w / 2;
  const ry = ellipse.h / 2;
  return `<ellipse data-type="ellipse" cx="${num(ellipse.x + rx)}" cy="${num(ellipse.y + ry)}" rx="${num(rx)}" ry="${num(ry)}" ${fillFor(ellipse.color, ellipse.fill)} stroke="${ink(ellipse.color)}" stroke-width="${num(ellipse.strokeWidth)}"${rotateAbout(ellipse.rotation, ellipse.x, ellipse.y)}/>`;
}

export function imageSvg(ctx: RenderContext, image: ImageShape): string {
  const bytes = ctx.images[image.blobId];
  const box = `x="${num(image.x)}" y="${num(image.y)}" width="${num(image.w)}" height="${num(image.h)}"`;
  const rotation = rotateAbout(image.rotation, image.x, image.y);
  const href = bytes ? `data:${bytes.mime};base64,${bytes.data}` : ctx.imageHref(image.blobId);
  if (href === null)
    return `<rect data-type="image" ${box} fill="${IMAGE_PLACEHOLDER}"${rotation}/>`;
  const { x, y, w, h } = image;
  const turned = orientedPlacement(ctx.imageOrientation?.(image.blobId) ?? 1, x, y, w, h);
  if (turned) {
    // Stored sideways (or mirrored): laid at the origin at its stored size, turned into the box.
    const spin =
      image.rotation === 0 ? '' : `rotate(${num(deg(image.rotation))} ${num(x)} ${num(y)}) `;
    return `<image data-type="image" x="0" y="0" width="${num(turned.width)}" height="${num(turned.height)}" preserveAspectRatio="none" href="${xmlText(href)}" transform="${spin}${turned.matrix}"/>`;
  }
  return `<image data-type="image" ${box} preserveAspectRatio="none" href="${xmlText(href)}"${rotation}/>`;
}
