import { describe, expect, it } from 'vitest';
import { caretAfterEdit } from './caretAfterEdit';

describe('the caret when someone else writes in the same note', () => {
  it('stays put when their words arrive after it', () => {
    // Émilie writes at the start; Pierre adds at the end.
    expect(caretAfterEdit('Transport Logement', 'Transport Logement abordable', 9)).toBe(9);
  });

  it('moves along when their words arrive before it', () => {
    // Pierre writes at the end; Émilie adds « Transport » at the start.
    expect(caretAfterEdit('Logement abordable', 'Transport Logement abordable', 18)).toBe(28);
    expect(caretAfterEdit('Logement abordable', 'Transport Logement abordable', 8)).toBe(18);
    // Words deleted before it.
    expect(caretAfterEdit('Transport Logement', 'Logement', 18)).toBe(8);
  });

  it('inside a replaced stretch, goes to its end; never past the text', () => {
    expect(caretAfterEdit('Mobilité rurale', 'Mobilité urbaine', 12)).toBe(15);
    expect(caretAfterEdit('abc', '', 2)).toBe(0);
    expect(caretAfterEdit('Balises', 'Balises claires', 3)).toBe(3);
  });

  it('words inserted right at the caret put it after them, as typing does', () => {
    // The first letter the editor writes for a key that opened an empty note.
    expect(caretAfterEdit('', 'L', 0)).toBe(1);
    // The common start and end must not overlap: the text grew by one letter, not two.
    expect(caretAfterEdit('aa', 'aaa', 2)).toBe(3);
    expect(caretAfterEdit('aa', 'aaa', 0)).toBe(0);
    expect(caretAfterEdit('aaa', 'aa', 3)).toBe(2);
    // Words removed right after the caret: it stays.
    expect(caretAfterEdit('Balises claires', 'Balises', 7)).toBe(7);
  });
});
