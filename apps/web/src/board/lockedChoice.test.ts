import { describe, expect, it } from 'vitest';
import { choicePanel, freeChosen } from './lockedChoice';

// A territory board's template: the carton's headings are locked, the participants' notes free.
const heading = { locked: true };
const note = { locked: false };
const seedNote = {};

describe('what the chosen shapes’ panel offers (M33, M34)', () => {
  it('free shapes only: every action', () => {
    expect(choicePanel([note, seedNote])).toBe('actions');
    expect(choicePanel([note])).toBe('actions');
  });

  it('a locked heading alone, or beside one note: « Déverrouiller » only', () => {
    expect(choicePanel([heading])).toBe('unlock');
    expect(choicePanel([heading, heading])).toBe('unlock');
    expect(choicePanel([heading, note])).toBe('unlock');
  });

  it('a locked heading beside two notes or more: « Aligner » too', () => {
    expect(choicePanel([note, heading, seedNote])).toBe('unlockAndArrange');
    expect(choicePanel([heading, note, note, heading])).toBe('unlockAndArrange');
  });

  it('counts the free shapes « Aligner » moves', () => {
    expect(freeChosen([heading, note, seedNote])).toBe(2);
    expect(freeChosen([heading])).toBe(0);
  });
});
