// The shell's side of the scale and rotate gestures: from a shape as it was when the gesture
// began, the patch that scales or turns it, in the model's conventions (rotation in radians
// about x, y; resizeShape's box is the unrotated frame whose top-left becomes x, y).
import {
  resizeShape,
  strokePointsBox,
  toPage,
  type Box,
  type Point,
  type Shape,
} from '@carton/board';
import type { Transform } from '../tools/types';

/** Shapes that never stretch: they scale by the smaller factor, about their centre. */
const KEEP_ASPECT = new Set(['note', 'image', 'stamp']);

/** The local box that resizeShape fills with its `box` (for strokes and arrows, their points). */
export function resizeFrame(shape: Shape): Box | null {
  switch (shape.type) {
    case 'stroke':
      return strokePointsBox(shape.points);
    case 'arrow': {
      const x = Math.min(shape.start.x, shape.end.x);
      const y = Math.min(shape.start.y, shape.end.y);
      return {
        x,
        y,
        w: Math.max(shape.start.x, shape.end.x) - x,
        h: Math.max(shape.start.y, shape.end.y) - y,
      };
    }
    case 'stamp':
      return { x: 0, y: 0, w: shape.size, h: shape.size };
    default:
      return 'w' in shape && 'h' in shape ? { x: 0, y: 0, w: shape.w, h: shape.h } : null;
  }
}

/** Keeps an angle in (-π, π] so repeated turns stay inside the model's bounds. */
export function normaliseAngle(a: number): number {
  const turn = Math.PI * 2;
  let r = a % turn;
  if (r > Math.PI) r -= turn;
  if (r <= -Math.PI) r += turn;
  return Math.abs(r) < 1e-12 ? 0 : r;
}

const rotateAbout = (p: Point, c: Point, angle: number): Point => {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const dx = p.x - c.x;
  const dy = p.y - c.y;
  return { x: c.x + dx * cos - dy * sin, y: c.y + dx * sin + dy * cos };
};

// 0: the low side of the box stays put, 1: the high side does, ½: neither.
function align(from: number, fromSize: number, to: number, toSize: number): number {
  if (Math.abs(to - from) < 1e-9) return 0;
  if (Math.abs(to + toSize - (from + fromSize)) < 1e-9) return 1;
  return 0.5;
}

/** The patch that applies `t` to `shape` (the shape as it was at the start of the gesture). */
export function transformPatch(shape: Shape, t: Transform): Record<string, unknown> | null {
  if (t.kind === 'rotate') {
    const origin = rotateAbout(shape, t.center, t.angle);
    return { x: origin.x, y: origin.y, rotation: normaliseAngle(shape.rotation + t.angle) };
  }
  const frame = resizeFrame(shape);
  if (!frame) return null;
  const { from, to } = t;
  const sx = from.width > 0 ? to.width / from.width : 1;
  const sy = from.height > 0 ? to.height / from.height : 1;
  const map = (p: Point): Point => ({
    x: to.x + (p.x - from.x) * sx,
    y: to.y + (p.y - from.y) * sy,
  });
  const turned = Math.abs(Math.sin(shape.rotation * 2)) > 1e-9;
  if (!turned && shape.rotation === 0 && KEEP_ASPECT.has(shape.type) && sx !== sy) {
    // Stretched unevenly, a note takes the smaller factor and sits in its stretched box on the
    // side that stays put (a note at the anchored edge does not leave it).
    const s = Math.min(sx, sy);
    const m = map({ x: shape.x + frame.x, y: shape.y + frame.y });
    const w = frame.w * s;
    const h = frame.h * s;
    const ax = align(from.x, from.width, to.x, to.width);
    const ay = align(from.y, from.height, to.y, to.height);
    const box = { x: m.x + (frame.w * sx - w) * ax, y: m.y + (frame.h * sy - h) * ay, w, h };
    return resizeShape(shape, box) as Record<string, unknown>;
  }
  if (turned || KEEP_ASPECT.has(shape.type)) {
    // Uniform scale about the shape's centre, which follows the box.
    const s = Math.min(sx, sy);
    const centre = map(toPage(shape, { x: frame.x + frame.w / 2, y: frame.y + frame.h / 2 }));
    const half = rotateAbout(
      { x: (frame.w * s) / 2, y: (frame.h * s) / 2 },
      { x: 0, y: 0 },
      shape.rotation,
    );
    const box = { x: centre.x - half.x, y: centre.y - half.y, w: frame.w * s, h: frame.h * s };
    return resizeShape(shape, box) as Record<string, unknown>;
  }
  // A quarter-turned shape stretches along its own axes: swap the factors.
  const quarter = Math.abs(Math.sin(shape.rotation)) > 0.5;
  const [fx, fy] = quarter ? [sy, sx] : [sx, sy];
  const corner = toPage(shape, { x: frame.x, y: frame.y });
  const mapped = map(corner);
  const box = { x: mapped.x, y: mapped.y, w: frame.w * fx, h: frame.h * fy };
  return resizeShape(shape, box) as Record<string, unknown>;
}
