// Where a note's dot badge goes. Its place was always the note's top-right corner, half over
// it: after the vote a « 1 » there covered the heart a participant had stamped in that corner.
// It takes the first corner where it covers nothing drawn on the note, else sits just outside
// the note's top-right corner, off the note.

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

/**
 * The badge's top-left on screen for a note's screen rectangle, given the screen rectangles of
 * what lies on the note: the first corner covering none of them, else off the note. The same
 * rule places the badges of the projector, the archive's PNGs and the board's exports (in board
 * units), so a badge covers a stamp in none of them.
 */
export { badgePlace } from '@carton/render';
