// What a create plan becomes in the document: sizes, carton membership, arrow bindings.
import {
  shapeBounds,
  type BoardTransaction,
  type InkColor,
  type NoteColor,
  type StampKind,
} from '@carton/board';
import type { Point, Rect } from '../geometry/rect';
import type { CreatePlan, ToolStyle } from '../tools/types';
import type { Scene } from './scene';

export interface CreationContext {
  scene: Scene;
  style: ToolStyle;
  cartonTitle: () => string;
  /** The part of the world on screen (world units): a new text box fits in it. */
  visible?: Rect;
  /** A finger is the main pointer (see touchFirst.ts): a new note opens for writing at once. */
  touchFirst?: boolean;
}

/**
 * Whether a newly placed shape's text editor opens at once. A text box and a carton always do
 * (they are placed to be written); a note does on a touch-first device only: a laptop writes
 * into it by typing right after placing it (keyboard.ts, WORD_WINDOW_MS), while a phone has no
 * keyboard until a text field has the focus — its newcomers did not find the double tap.
 */
export function editsOnPlacement(shapeType: CreatePlan['shapeType'], touchFirst: boolean): boolean {
  if (shapeType === 'text' || shapeType === 'carton') return true;
  return shapeType === 'note' && touchFirst;
}

export const NOTE_SIZE = 200;
export const STAMP_SIZE = 64;
const CARTON_DEFAULT = { w: 1200, h: 800 };
const BOX_DEFAULT = { w: 200, h: 120 };
export const TEXT_WIDTH = 360;
const TEXT_MIN_WIDTH = 40;

const round = (v: number) => Math.round(v * 100) / 100;
const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0.5);

/** Loose shapes (no carton) whose centre lies in `rect`. */
export function looseShapesInside(scene: Scene, rect: Rect): string[] {
  return [...scene.index.query(rect)].filter((id) => {
    const shape = scene.getShape(id);
    const b = scene.bounds(id);
    if (!shape || !b || shape.type === 'carton' || shape.parentId !== null) return false;
    const cx = b.x + b.width / 2;
    const cy = b.y + b.height / 2;
    return cx >= rect.x && cy >= rect.y && cx <= rect.x + rect.width && cy <= rect.y + rect.height;
  });
}

/**
 * Where a new text box goes and how wide: 360 units, or narrower so it fits what is on screen
 * with a margin (a phone shows ~390 px), moved left if it would run off the right edge.
 */
export function textBoxPlacement(at: Point, visible: Rect | undefined): { x: number; w: number } {
  if (!visible || !(visible.width > 0)) return { x: at.x, w: TEXT_WIDTH };
  // About 16 px on a phone at 100 %, in world units at any zoom.
  const margin = visible.width / 24;
  const w = Math.max(TEXT_MIN_WIDTH, Math.min(TEXT_WIDTH, visible.width - margin * 2));
  const right = visible.x + visible.width - margin;
  const x = Math.max(visible.x + margin, Math.min(at.x, right - w));
  return { x: round(x), w: round(w) };
}

/** How far a new note steps, right and down, off a note it would hide (world units). */
export const NUDGE_STEP = 24;
/** Corners and sizes this close count as « the same spot »: only a note hidden whole is a problem. */
const SAME_SPOT = 6;
/** Enough steps for a crowd tapping one spot; past it the note stays where the last step put it. */
const MAX_NUDGES = 40;

interface NoteRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Whether a note already on the board would hide `r` whole, or be hidden by it. */
function sameSpot(scene: Scene, r: NoteRect, ignore: ReadonlySet<string>): boolean {
  const area = {
    x: r.x - SAME_SPOT,
    y: r.y - SAME_SPOT,
    width: r.w + SAME_SPOT * 2,
    height: r.h + SAME_SPOT * 2,
  };
  for (const id of scene.index.query(area)) {
    if (ignore.has(id)) continue;
    const shape = scene.getShape(id);
    if (shape?.type !== 'note') continue;
    if (
      Math.abs(shape.x - r.x) < SAME_SPOT &&
      Math.abs(shape.y - r.y) < SAME_SPOT &&
      Math.abs(shape.w - r.w) < SAME_SPOT &&
      Math.abs(shape.h - r.h) < SAME_SPOT
    )
      return true;
  }
  return false;
}

/**
 * How far to move new notes so none lands (almost) exactly on a note of the same size already
 * on the board: three phones tapping one spot made three notes at the same x/y, and a laptop saw
 * only the top one. A small diagonal step, repeated while the spot is taken, as whiteboards do.
 * It reads the board as it is now: a note made at the same moment elsewhere is not seen yet, and
 * notes arriving from others are never moved (two pages moving each other's notes would fight).
 */
export function noteNudge(
  scene: Scene,
  notes: readonly NoteRect[],
  ignore: ReadonlySet<string> = new Set(),
): { dx: number; dy: number } {
  let d = 0;
  for (let step = 0; step < MAX_NUDGES; step++) {
    if (!notes.some((n) => sameSpot(scene, { ...n, x: n.x + d, y: n.y + d }, ignore))) break;
    d += NUDGE_STEP;
  }
  return { dx: d, dy: d };
}

/** Creates the planned shape; `edit` says whether its text editor should open. */
export function createShape(
  tx: BoardTransaction,
  plan: CreatePlan,
  { scene, style, cartonTitle, visible, touchFirst = false }: CreationContext,
): { id: string; edit: boolean } | null {
  // What is created inside a carton belongs to it.
  const parentAt = (x: number, y: number) => scene.cartonAt({ x, y }, new Set());
  switch (plan.shapeType) {
    case 'note': {
      const at = { x: plan.center.x - NOTE_SIZE / 2, y: plan.center.y - NOTE_SIZE / 2 };
      const { dx, dy } = noteNudge(scene, [{ ...at, w: NOTE_SIZE, h: NOTE_SIZE }]);
      const x = at.x + dx;
      const y = at.y + dy;
      const id = tx.create('note', {
        x,
        y,
        w: NOTE_SIZE,
        h: NOTE_SIZE,
        color: plan.color as NoteColor,
        parentId: parentAt(x + NOTE_SIZE / 2, y + NOTE_SIZE / 2),
      });
      return { id, edit: editsOnPlacement('note', touchFirst) };
    }
    case 'stamp': {
      const { x, y } = plan.center;
      const color =
        plan.stamp === 'heart'
          ? 'red'
          : plan.stamp === 'star'
            ? 'orange'
            : (style.shapeColor as InkColor);
      const id = tx.create('stamp', {
        x: x - STAMP_SIZE / 2,
        y: y - STAMP_SIZE / 2,
        size: STAMP_SIZE,
        kind: plan.stamp as StampKind,
        color,
        parentId: parentAt(x, y),
      });
      return { id, edit: false };
    }
    case 'text': {
      const { x, w } = textBoxPlacement(plan.at, visible);
      const id = tx.create('text', {
        x,
        y: plan.at.y - 20,
        w,
        h: 40,
        fontSize: 32,
        parentId: parentAt(plan.at.x, plan.at.y),
      });
      return { id, edit: editsOnPlacement('text', touchFirst) };
    }
    case 'rect':
    case 'ellipse':
    case 'carton': {
      const isCarton = plan.shapeType === 'carton';
      const size = isCarton ? CARTON_DEFAULT : BOX_DEFAULT;
      const r = plan.rect ?? {
        x: plan.at.x - size.w / 2,
        y: plan.at.y - size.h / 2,
        width: size.w,
        height: size.h,
      };
      const w = Math.max(isCarton ? 240 : 8, r.width);
      const h = Math.max(isCarton ? 160 : 8, r.height);
      if (isCarton) {
        const id = tx.create('carton', { x: r.x, y: r.y, w, h, title: cartonTitle() });
        // A new carton goes under everything: it is the background of what it holds,
        // and loose shapes it was drawn around join it.
        tx.reorder([id], 'back');
        const around = looseShapesInside(scene, { x: r.x, y: r.y, width: w, height: h });
        if (around.length) tx.reparent(around, id);
        return { id, edit: editsOnPlacement('carton', touchFirst) };
      }
      const id = tx.create(plan.shapeType === 'rect' ? 'rect' : 'ellipse', {
        x: r.x,
        y: r.y,
        w,
        h,
        color: plan.color as InkColor,
        parentId: parentAt(r.x + w / 2, r.y + h / 2),
      });
      return { id, edit: false };
    }
    case 'stroke': {
      const first = plan.points[0];
      if (!first) return null;
      const [ox, oy] = first;
      // Points are stored relative to the stroke's position.
      const points = plan.points.flatMap(([x, y, p]) => [round(x - ox), round(y - oy), p]);
      const id = tx.create('stroke', {
        x: ox,
        y: oy,
        points,
        color: plan.color as InkColor,
        width: plan.width,
        parentId: parentAt(ox, oy),
      });
      return { id, edit: false };
    }
    case 'arrow': {
      const { start, end } = plan;
      const binding = (shapeId: string | null, p: { x: number; y: number }) => {
        const target = shapeId ? scene.getShape(shapeId) : undefined;
        if (!target) return null;
        const b = shapeBounds(target);
        return {
          shapeId: target.id,
          anchor: { x: clamp01((p.x - b.x) / b.w), y: clamp01((p.y - b.y) / b.h) },
        };
      };
      const id = tx.create('arrow', {
        x: start.point.x,
        y: start.point.y,
        start: { x: 0, y: 0 },
        end: { x: end.point.x - start.point.x, y: end.point.y - start.point.y },
        startBinding: binding(start.shapeId, start.point),
        endBinding: binding(end.shapeId, end.point),
        color: plan.color as InkColor,
      });
      return { id, edit: false };
    }
  }
}
