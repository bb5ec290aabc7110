// Moving and resizing the chosen shapes with the keyboard (WCAG 2.1.1): the arrows move them,
// Alt+arrows resize them. Pure functions over boxes, so they are tested without a board.
import type { Point, Rect } from '../geometry/rect';

/** Board units an arrow moves or resizes by (Shift: a bigger step). A note is 200 wide. */
export const KEY_STEP = 10;
export const KEY_STEP_BIG = 50;
/** A shape resized from the keyboard never shrinks below this (it could not be found again). */
export const MIN_KEY_SIZE = 20;

const DIRECTIONS: Record<string, Point> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

/** How far an arrow key moves the chosen shapes, in board units, or null for another key. */
export function arrowStep(key: string, shift: boolean): Point | null {
  const direction = DIRECTIONS[key];
  if (!direction) return null;
  const step = shift ? KEY_STEP_BIG : KEY_STEP;
  return { x: direction.x * step, y: direction.y * step };
}

/**
 * The box after Alt+arrow, its top-left corner still: Right and Down make it wider and taller,
 * Left and Up narrower and shorter. A box that keeps its aspect (notes, photos) grows or
 * shrinks as a whole with any arrow, Right and Down growing.
 */
export function resizedBox(box: Rect, key: string, shift: boolean, keepAspect: boolean): Rect {
  const step = arrowStep(key, shift);
  if (!step) return box;
  if (keepAspect) {
    const grow = step.x + step.y;
    const width = Math.max(MIN_KEY_SIZE, box.width + grow);
    const ratio = box.height / box.width;
    return { ...box, width, height: Math.max(MIN_KEY_SIZE, width * ratio) };
  }
  return {
    ...box,
    width: Math.max(MIN_KEY_SIZE, box.width + step.x),
    height: Math.max(MIN_KEY_SIZE, box.height + step.y),
  };
}

/**
 * « Agrandir » and « Réduire » (WCAG 2.5.7, resizing without a drag) scale the chosen shapes'
 * box by this factor about its centre: a visible step on a note as on a whole carton, and one
 * press of each comes back to the same size.
 */
export const SCALE_STEP = 1.25;

/**
 * The smallest scale of the chosen shapes (1: as they are) that keeps each one findable: its
 * narrow side no smaller than MIN_KEY_SIZE, or for a thin line or stroke, its long side.
 * Above 1 when one is already that small: it cannot be reduced.
 */
export function smallestScale(boxes: readonly Rect[]): number {
  let floor = 0;
  for (const b of boxes) {
    const narrow = Math.min(b.width, b.height);
    const side = narrow >= MIN_KEY_SIZE ? narrow : Math.max(b.width, b.height);
    if (side > 0) floor = Math.max(floor, MIN_KEY_SIZE / side);
  }
  return floor;
}

/** `box` scaled by `factor` about its centre. */
export function scaledAboutCentre(box: Rect, factor: number): Rect {
  const width = box.width * factor;
  const height = box.height * factor;
  return {
    x: box.x + (box.width - width) / 2,
    y: box.y + (box.height - height) / 2,
    width,
    height,
  };
}

/**
 * The next scale after « Agrandir » (grow) or « Réduire », from `scale`, never below `floor`;
 * null when it cannot go further (already at the smallest).
 */
export function nextScale(scale: number, grow: boolean, floor: number): number | null {
  if (grow) return scale * SCALE_STEP;
  const next = Math.max(scale / SCALE_STEP, floor);
  return next < scale - 1e-9 ? next : null;
}

/** Catalogue lookup, as describeSelection takes it. */
export type Words = (key: string, values?: Record<string, string | number>) => string;

/**
 * What the live region says after a move from the keyboard: how far the shapes went since the
 * first press of this burst, in the directions a person says (« 30 vers la droite, 20 vers le
 * bas »), not coordinates.
 */
export function movedWords(t: Words, moved: Point): string {
  const parts: string[] = [];
  if (moved.x !== 0)
    parts.push(t(moved.x > 0 ? 'a11y.move.right' : 'a11y.move.left', { count: Math.abs(moved.x) }));
  if (moved.y !== 0)
    parts.push(t(moved.y > 0 ? 'a11y.move.down' : 'a11y.move.up', { count: Math.abs(moved.y) }));
  if (parts.length === 0) return t('a11y.move.back');
  return t('a11y.move.moved', { where: parts.join(t('a11y.move.and')) });
}

/** What the live region says after a resize from the keyboard: the new size, rounded. */
export function resizedWords(t: Words, box: Rect): string {
  return t('a11y.move.resized', {
    width: Math.round(box.width),
    height: Math.round(box.height),
  });
}
