// Where a note's dot badge goes. Its place was always the note's top-right corner, half over
// it: after the vote a « 1 » there covered the heart a participant had stamped in that corner.
// It takes the first corner where it covers nothing drawn on the note, else sits just outside
// the note's top-right corner, off the note.
import type { Point, Rect } from '../geometry/rect';

/** A badge's size on screen (forum.css .vote-dot: 28 px high, wider with each digit). */
export function badgeSize(count: number): { width: number; height: number } {
  return { width: 28 + 9 * Math.max(0, String(count).length - 1), height: 28 };
}

/**
 * The smallest note (on screen, px) whose own dot is a button that takes it back: the badge's
 * own height. Smaller — a wall of 60 postcards fitted to a phone draws each note ~10 px wide —
 * the badge (28 px, 44 px to a finger) lies over the next notes' middles, and a tap meant to place
 * a dot on the next idea took this one back instead. There it is drawn, not pressed: the tap
 * reaches the note under it, and a dot is taken back once zoomed in. A carton fitted to a 320 px
 * phone draws its notes ~40 px wide: their dots stay buttons.
 */
export const TAKE_BACK_MIN_PX = 28;

/** Whether my dot on a note this size on screen is a button (see TAKE_BACK_MIN_PX). */
export const takesBackByTap = (note: { width: number; height: number }) =>
  Math.min(note.width, note.height) >= TAKE_BACK_MIN_PX;

/** How the badge straddles a corner, as it always did: 18 px in from the side, 14 px above. */
const IN_X = 18;
const OUT_Y = 14;
/** The gap between the note and a badge moved off it. */
const GAP = 4;

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The badge's top-left on screen for a note's screen rectangle, given the screen rectangles of
 * what lies on the note (stamps, shapes, photos): top-right, top-left, bottom-right, bottom-left
 * corner, the first that covers none of them; else just outside the top-right corner.
 */
export function badgePlace(
  note: Rect,
  onNote: readonly Rect[],
  size: { width: number; height: number },
): Point {
  const right = note.x + note.width;
  const bottom = note.y + note.height;
  const corners: Point[] = [
    { x: right - IN_X, y: note.y - OUT_Y },
    { x: note.x + IN_X - size.width, y: note.y - OUT_Y },
    { x: right - IN_X, y: bottom - size.height + OUT_Y },
    { x: note.x + IN_X - size.width, y: bottom - size.height + OUT_Y },
  ];
  const free = corners.find((at) => {
    const badge = { ...at, ...size };
    return !onNote.some((shape) => overlaps(badge, shape));
  });
  return free ?? { x: right + GAP, y: note.y - size.height - GAP };
}
