import { describe, expect, it } from 'vitest';
import { writtenNoteCount } from './copyNotes';

describe('writtenNoteCount: the notes « Les incontournables » would count', () => {
  it('counts notes with words, not empty ones, nor other shapes', () => {
    const file = {
      shapes: [
        { type: 'note', text: 'Financement récurrent' },
        { type: 'note', text: 'Concertation forte' },
        { type: 'note', text: '' },
        { type: 'note', text: '  ?! ' },
        { type: 'carton', title: 'Conditions de succès — Kamouraska' },
        { type: 'text', text: 'Conditions présentes' },
      ],
    };
    expect(writtenNoteCount(file)).toBe(2);
  });

  it('a file of another shape counts nothing', () => {
    for (const file of [null, 'x', {}, { shapes: 'x' }, { shapes: [null, 3] }]) {
      expect(writtenNoteCount(file)).toBe(0);
    }
  });
});
