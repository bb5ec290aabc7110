import { describe, expect, it } from 'vitest';
import { titleNeedsRow } from './focusTitleRow';

describe('titleNeedsRow', () => {
  // 1280 × 800, the plenary's kit with a running timer (≈ 520 px): 344 px left of it.
  it('asks a row of its own for « Témiscouata 1 / 4 Vote : 0 point » beside a timer at 1280 px', () => {
    expect(titleNeedsRow(366, 1256, 520)).toBe(true);
  });
  it('keeps « Kamouraska 2 / 8 » beside the kit, and any name on a 1920 px projector', () => {
    expect(titleNeedsRow(230, 1256, 400)).toBe(false);
    expect(titleNeedsRow(440, 1896, 700)).toBe(false);
  });
  // « Amener en plénière », « Retour à la mosaïque » (354 px) right of a 506 px kit.
  it('moves the kit aside where the buttons would touch it (1201 px), not at 1280 px', () => {
    expect(titleNeedsRow(354, 1177, 506, 12)).toBe(true);
    expect(titleNeedsRow(354, 1256, 506, 12)).toBe(false);
  });
});
