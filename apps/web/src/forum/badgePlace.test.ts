import { describe, expect, it } from 'vitest';
import { badgePlace, badgeSize, takesBackByTap } from './badgePlace';

// A note on Témiscouata's carton at 100 %: 200 px, its top-left at (300, 200) on screen.
const NOTE = { x: 300, y: 200, width: 200, height: 200 };
const ONE = badgeSize(1);
const overlaps = (a: { x: number; y: number }, size: typeof ONE, b: typeof NOTE) =>
  a.x < b.x + b.width && b.x < a.x + size.width && a.y < b.y + b.height && b.y < a.y + size.height;

describe('a note’s dot badge', () => {
  it('sits on the top-right corner, as always, when nothing is drawn there', () => {
    expect(badgePlace(NOTE, [], ONE)).toEqual({ x: 500 - 18, y: 200 - 14 });
    // A stamp elsewhere on the note does not move it.
    expect(badgePlace(NOTE, [{ x: 320, y: 320, width: 64, height: 64 }], ONE)).toEqual({
      x: 482,
      y: 186,
    });
  });

  it('leaves a heart stamped in the top-right corner uncovered (the next free corner)', () => {
    const heart = { x: 430, y: 210, width: 64, height: 64 };
    // Where it always sat, it covered the heart's top-right.
    expect(overlaps({ x: 482, y: 186 }, ONE, heart)).toBe(true);
    const at = badgePlace(NOTE, [heart], ONE);
    expect(overlaps(at, ONE, heart)).toBe(false);
    // The top-left corner, straddling it as the badge straddled the right one.
    expect(at).toEqual({ x: 300 + 18 - 28, y: 186 });
  });

  it('goes just outside the note when every corner has something on it', () => {
    const stamps = [
      { x: 430, y: 210, width: 64, height: 64 },
      { x: 305, y: 210, width: 64, height: 64 },
      { x: 430, y: 330, width: 64, height: 64 },
      { x: 305, y: 330, width: 64, height: 64 },
    ];
    const two = badgeSize(12);
    const at = badgePlace(NOTE, stamps, two);
    for (const stamp of stamps) expect(overlaps(at, two, stamp)).toBe(false);
    expect(overlaps(at, two, NOTE)).toBe(false);
    expect(at).toEqual({ x: 504, y: 200 - 28 - 4 });
  });
  it('is a button that takes my dot back only on a note at least its own size', () => {
    // A carton fitted to a 320 px phone: notes ~40 px, the dot taken back by a tap.
    expect(takesBackByTap({ width: 40, height: 40 })).toBe(true);
    // Sixty postcards fitted to a phone: notes ~10 px, the badge over the next notes.
    expect(takesBackByTap({ width: 10, height: 10 })).toBe(false);
    expect(takesBackByTap({ width: 120, height: 27 })).toBe(false);
  });
});
