import { describe, expect, it } from 'vitest';
import { NOTE_TEXT_MIN_PX, noteTextMinWidth } from './detail';

describe('noteTextMinWidth', () => {
  it('keeps the text of a default note at a phone’s zoom-to-fit, not at fit-all of a big board', () => {
    expect(200).toBeGreaterThanOrEqual(noteTextMinWidth(0.23));
    expect(200).toBeLessThan(noteTextMinWidth(0.19));
    expect(200).toBeLessThan(noteTextMinWidth(0.05));
  });

  it('never draws text on a note narrower than the threshold on screen', () => {
    for (const zoom of [0.05, 0.07, 0.1, 0.13, 0.2, 0.2499]) {
      expect(noteTextMinWidth(zoom) * zoom).toBeGreaterThanOrEqual(NOTE_TEXT_MIN_PX - 1e-9);
      // …and is at most a quarter octave stricter.
      expect(noteTextMinWidth(zoom) * zoom).toBeLessThan(NOTE_TEXT_MIN_PX * 2 ** 0.25 + 1e-9);
    }
  });

  it('changes in steps, not with every zoom', () => {
    expect(noteTextMinWidth(0.2)).toBe(noteTextMinWidth(0.21));
    expect(noteTextMinWidth(0.2)).not.toBe(noteTextMinWidth(0.24));
  });
});
