// Strokes, arrows, text and stamps: drawn as the editor's Konva shapes.
import type { ArrowShape, ArrowTargets, StampShape, StrokeShape, TextShape } from '@carton/board';
import { arrowDrawnEnds } from '@carton/board';
import { getStroke } from 'perfect-freehand';
import { num, rotateAbout } from '../svg/xml.ts';
import { keepPunctuationAttached, wrapText } from '../text/wrap.ts';
import { ink } from '../theme/colors.ts';
import { textInk, textOutline } from '../theme/textInk.ts';
import type { RenderContext } from './context.ts';
import { measurer, textLines } from './context.ts';
import { stampPath } from './stamps.ts';

/** perfect-freehand with the editor's options (apps/web/src/shapes/stroke/StrokeShape.tsx). */
export function strokeOutline(stroke: StrokeShape): number[][] {
  const points: number[][] = [];
  const flat = stroke.points;
  for (let i = 0; i + 2 < flat.length; i += 3) {
    points.push([flat[i] ?? 0, flat[i + 1] ?? 0, flat[i + 2] ?? 0.5]);
  }
  // Constant 0.5 pressure means the device had none: let perfect-freehand simulate it.
  const simulatePressure = points.every((point) => point[2] === 0.5);
  return getStroke(points, {
    size: stroke.width * 2,
    thinning: 0.55,
    smoothing: 0.5,
    streamline: 0.4,
    simulatePressure,
    last: true,
  });
}

export function strokeSvg(stroke: StrokeShape): string {
  const outline = strokeOutline(stroke);
  if (outline.length < 2) return '';
  const d = outline
    .map(
      ([px, py], i) =>
        `${i === 0 ? 'M' : 'L'}${num(stroke.x + (px ?? 0))} ${num(stroke.y + (py ?? 0))}`,
    )
    .join('');
  return `<path data-type="stroke" d="${d}Z" fill="${ink(stroke.color)}"${rotateAbout(stroke.rotation, stroke.x, stroke.y)}/>`;
}

/**
 * A line with a filled triangular head at its end (Konva Arrow, pointer 4 × width); bound ends
 * stop at their shapes' outlines, as on the canvas (arrowDrawnEnds).
 */
export function arrowSvg(arrow: ArrowShape, targets: ArrowTargets = {}): string {
  const color = ink(arrow.color);
  const drawn = arrowDrawnEnds(arrow, targets);
  const sx = arrow.x + drawn.start.x;
  const sy = arrow.y + drawn.start.y;
  const ex = arrow.x + drawn.end.x;
  const ey = arrow.y + drawn.end.y;
  const length = Math.hypot(ex - sx, ey - sy);
  const head = arrow.width * 4;
  const rotation = rotateAbout(arrow.rotation, arrow.x, arrow.y);
  if (length === 0) return '';
  const ux = (ex - sx) / length;
  const uy = (ey - sy) / length;
  const bx = ex - ux * Math.min(head, length);
  const by = ey - uy * Math.min(head, length);
  const half = head / 2;
  const line = `<line x1="${num(sx)}" y1="${num(sy)}" x2="${num(bx)}" y2="${num(by)}" stroke="${color}" stroke-width="${num(arrow.width)}" stroke-linecap="round"/>`;
  const tip = `<path d="M${num(ex)} ${num(ey)}L${num(bx - uy * half)} ${num(by + ux * half)}L${num(bx + uy * half)} ${num(by - ux * half)}Z" fill="${color}"/>`;
  return `<g data-type="arrow"${rotation}>${line}${tip}</g>`;
}

const ANCHOR = { start: 'start', middle: 'middle', end: 'end' } as const;

export function textSvg(ctx: RenderContext, text: TextShape): string {
  const lines = wrapText(
    keepPunctuationAttached(text.text),
    text.w,
    text.fontSize,
    measurer(ctx.fonts.bold),
  );
  const x =
    text.align === 'start'
      ? text.x
      : text.align === 'middle'
        ? text.x + text.w / 2
        : text.x + text.w;
  return (
    `<g data-type="text"${rotateAbout(text.rotation, text.x, text.y)}>` +
    textLines(ctx, lines, {
      font: ctx.fonts.bold,
      bold: true,
      size: text.fontSize,
      x,
      top: text.y,
      anchor: ANCHOR[text.align],
      fill: textInk(text.color),
      outline: textOutline(text.color, text.fontSize),
    }) +
    '</g>'
  );
}

/** ♥ ★ ✓ ! ? as vector paths (no font glyphs: every renderer draws them the same). */
export function stampSvg(stamp: StampShape): string {
  const scale = stamp.size / 100;
  const transform = `translate(${num(stamp.x)} ${num(stamp.y)}) scale(${num(scale)})`;
  const rotation = rotateAbout(stamp.rotation, stamp.x, stamp.y);
  return `<g data-type="stamp" data-kind="${stamp.kind}"${rotation}><g transform="${transform}">${stampPath(stamp.kind, ink(stamp.color))}</g></g>`;
}
