// The select tool's two transform gestures, as pure functions of the gesture's start: resizing
// the selection box (one shape or many) and rotating it about its centre.
import type { Point, Rect } from '../../geometry/rect';
import type { Guide, Plan, ResizeHandle, ShapeInfo, ToolContext } from '../types';
import { resizeBox } from './resizeBox';
import { snapResize, type GestureSnapping } from './snapping';

/** Shift while rotating snaps to this step. */
export const ROTATION_STEP = Math.PI / 12;

export interface ResizeGesture {
  origin: Point;
  ids: string[];
  handle: ResizeHandle;
  start: Rect;
  keepAspect: boolean;
  /** Bounds of each resized shape at the start (to know where cartons end up). */
  starts: Map<string, Rect>;
}

export interface RotateGesture {
  ids: string[];
  center: Point;
  /** Angle of the pointer about the centre when the gesture began. */
  startAngle: number;
  /** A single shape's rotation at the start (Shift snaps the shape's own angle); 0 for many. */
  baseRotation: number;
}

const rotated = (info: ShapeInfo) => Math.abs(Math.sin(info.rotation * 2)) > 1e-9;

/**
 * A shape turned by anything but a quarter turn cannot stretch along the page axes: any such
 * shape keeps the whole selection's aspect. So do a lone note or image.
 */
export function selectionKeepsAspect(infos: readonly ShapeInfo[]): boolean {
  if (infos.some(rotated)) return true;
  return infos.length === 1 && infos[0]?.keepAspect === true;
}

export function resizeStep(
  ctx: ToolContext,
  g: ResizeGesture & { snapping: GestureSnapping },
  world: Point,
  shift: boolean,
  snapPx: number,
): { box: Rect; guides: Guide[] } {
  const keepAspect = g.keepAspect || shift;
  const delta = { x: world.x - g.origin.x, y: world.y - g.origin.y };
  const raw = resizeBox(g.start, g.handle, delta, keepAspect);
  const [targets, reach] = g.snapping.near(ctx, raw);
  const snap = snapResize(raw, g.handle, targets, snapPx / ctx.zoom, reach);
  if (snap.dx === 0 && snap.dy === 0) return { box: raw, guides: [] };
  const box = resizeBox(
    g.start,
    g.handle,
    { x: delta.x + snap.dx, y: delta.y + snap.dy },
    keepAspect,
  );
  return { box, guides: snap.guides };
}

/** Where a rectangle of the start lands when `from` is scaled onto `to`. */
export function mapRect(r: Rect, from: Rect, to: Rect): Rect {
  const sx = from.width > 0 ? to.width / from.width : 1;
  const sy = from.height > 0 ? to.height / from.height : 1;
  return {
    x: to.x + (r.x - from.x) * sx,
    y: to.y + (r.y - from.y) * sy,
    width: r.width * sx,
    height: r.height * sy,
  };
}

const inside = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

/**
 * After a resize: each resized (unrotated) carton adopts the shapes now wholly inside it and
 * releases the children now outside it (to the carton under their centre, if any).
 */
export function adoptAfterResize(ctx: ToolContext, g: ResizeGesture, box: Rect): Plan[] {
  const plans: Plan[] = [];
  const finalBounds = (info: ShapeInfo): Rect => {
    const start = g.starts.get(info.id);
    return start ? mapRect(start, g.start, box) : info.bounds;
  };
  for (const id of g.ids) {
    const carton = ctx.getInfo(id);
    const start = g.starts.get(id);
    if (!carton || carton.type !== 'carton' || rotated(carton) || !start) continue;
    const area = mapRect(start, g.start, box);
    const adopt = ctx
      .shapesInRect(area)
      .filter((s) => s.type !== 'carton' && s.parentId !== id && inside(area, finalBounds(s)))
      .map((s) => s.id);
    if (adopt.length) plans.push({ kind: 'reparent', ids: adopt, cartonId: id });
    const released = new Map<string | null, string[]>();
    for (const child of ctx.childrenOf(id)) {
      const b = finalBounds(child);
      if (inside(area, b)) continue;
      const centre = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      const other = ctx.cartonAt(centre, new Set([id]));
      released.set(other, [...(released.get(other) ?? []), child.id]);
    }
    for (const [cartonId, ids] of released) plans.push({ kind: 'reparent', ids, cartonId });
  }
  return plans;
}

export function rotateStep(g: RotateGesture, world: Point, shift: boolean): number {
  let angle = Math.atan2(world.y - g.center.y, world.x - g.center.x) - g.startAngle;
  if (shift) {
    // The shape's own angle lands on a 15° step (for many shapes, the turn itself does).
    const target = Math.round((g.baseRotation + angle) / ROTATION_STEP) * ROTATION_STEP;
    angle = target - g.baseRotation;
  }
  return angle;
}
