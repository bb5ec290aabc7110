import { describe, expect, it } from 'vitest';
import { showsNoteHint } from './hint';

describe('showsNoteHint', () => {
  it('shows on an empty note that is not being edited', () => {
    expect(showsNoteHint({ text: '', editing: false, hints: true })).toBe(true);
    expect(showsNoteHint({ text: '  \n', editing: false, hints: true })).toBe(true);
  });

  it('hides on a note with text, while editing, or where hints are off', () => {
    expect(showsNoteHint({ text: 'Transport collectif', editing: false, hints: true })).toBe(false);
    expect(showsNoteHint({ text: '', editing: true, hints: true })).toBe(false);
    expect(showsNoteHint({ text: '', editing: false, hints: false })).toBe(false);
  });
});
