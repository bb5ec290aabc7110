import { describe, expect, it } from 'vitest';
import { NOTE_TEXT_MIN_PX, noteTextMarks, noteTextMinWidth } from './detail';

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

describe('noteTextMarks', () => {
  it('draws nothing on an empty note, one to three lines on a written one', () => {
    expect(noteTextMarks('', 200, 200)).toEqual([]);
    expect(noteTextMarks('  \n ', 200, 200)).toEqual([]);
    expect(noteTextMarks('Oui', 200, 200)).toHaveLength(1);
    expect(noteTextMarks('Transport collectif abordable', 200, 200)).toHaveLength(2);
    const long = 'Participation citoyenne : rémunération des personnes en situation de pauvreté';
    expect(noteTextMarks(long, 200, 200)).toHaveLength(3);
  });

  it('keeps the lines inside the note, centred, apart and in reading order', () => {
    const marks = noteTextMarks('Logement social et abordable pour tout le monde', 240, 180);
    expect(marks).toHaveLength(3);
    for (const mark of marks) {
      expect(mark.x).toBeGreaterThan(0);
      expect(mark.x + mark.w).toBeLessThan(240);
      expect(mark.x + mark.w / 2).toBeCloseTo(120);
      expect(mark.h).toBeGreaterThan(0);
    }
    for (let i = 1; i < marks.length; i++)
      expect(marks[i]!.y).toBeGreaterThan(marks[i - 1]!.y + marks[i - 1]!.h);
    const top = marks[0]!.y;
    const bottom = 180 - (marks.at(-1)!.y + marks.at(-1)!.h);
    expect(top).toBeCloseTo(bottom);
  });
});
