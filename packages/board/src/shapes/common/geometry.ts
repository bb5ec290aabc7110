// Pure geometry shared by the shape types. Angles are radians, clockwise on screen (y down).

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Axis-aligned box: x, y is the top-left corner. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Placement {
  readonly x: number;
  readonly y: number;
  readonly rotation: number;
}

export const MIN_SIZE = 1;

export function rotate(p: Point, angle: number): Point {
  if (angle === 0) return p;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return { x: p.x * c - p.y * s, y: p.x * s + p.y * c };
}

/** Page point → the shape's local frame (origin at shape x, y, unrotated). */
export function toLocal(shape: Placement, p: Point): Point {
  return rotate({ x: p.x - shape.x, y: p.y - shape.y }, -shape.rotation);
}

/** The shape's local point → page. */
export function toPage(shape: Placement, p: Point): Point {
  const r = rotate(p, shape.rotation);
  return { x: shape.x + r.x, y: shape.y + r.y };
}

/** Page-space axis-aligned bounds of a local box after the shape's rotation. */
export function pageBounds(shape: Placement, local: Box): Box {
  if (shape.rotation === 0) {
    return { x: shape.x + local.x, y: shape.y + local.y, w: local.w, h: local.h };
  }
  const corners = [
    toPage(shape, { x: local.x, y: local.y }),
    toPage(shape, { x: local.x + local.w, y: local.y }),
    toPage(shape, { x: local.x, y: local.y + local.h }),
    toPage(shape, { x: local.x + local.w, y: local.y + local.h }),
  ];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const c of corners) {
    minX = Math.min(minX, c.x);
    minY = Math.min(minY, c.y);
    maxX = Math.max(maxX, c.x);
    maxY = Math.max(maxY, c.y);
  }
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

export function pointInBox(p: Point, box: Box, tolerance: number): boolean {
  return (
    p.x >= box.x - tolerance &&
    p.x <= box.x + box.w + tolerance &&
    p.y >= box.y - tolerance &&
    p.y <= box.y + box.h + tolerance
  );
}

export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  let t = lengthSquared === 0 ? 0 : ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

export function boxesIntersect(a: Box, b: Box): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

export function clampSize(value: number): number {
  return Number.isFinite(value) ? Math.max(MIN_SIZE, Math.abs(value)) : MIN_SIZE;
}
