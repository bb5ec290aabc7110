import { describe, expect, it } from 'vitest';
import { attachedInsertion, shownText, storedAfterEdit } from './editorText';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

/** The textarea after typing or pasting `data` over [start, end), as the editor inserts it. */
function typed(value: string, start: number, end: number, data: string) {
  const insertion = attachedInsertion(value, start, end, data);
  if (!insertion) return { value: value.slice(0, start) + data + value.slice(end), caret: start };
  const { start: from, end: to, text, caret } = insertion;
  return { value: value.slice(0, from) + text + value.slice(to), caret };
}

describe('the text editor’s shown text', () => {
  it('shows the spaces the canvas keeps with French punctuation as no-break spaces', () => {
    const stored = 'Logement abordable : « incontournable » !';
    const shown = shownText(stored);
    expect(shown).toBe(`Logement abordable${NBSP}: «${NBSP}incontournable${NBSP}»${NNBSP}!`);
    // One character for one: the caret and the selection keep their places.
    expect(shown).toHaveLength(stored.length);
  });

  it('« : » typed after a space turns that space into a no-break one, in the same insertion', () => {
    expect(attachedInsertion('Mobilité ', 9, 9, ':')).toEqual({
      start: 8,
      end: 9,
      text: `${NBSP}:`,
      caret: 10,
    });
    // A space typed before a « ! » already there, and after a « « ».
    expect(typed('Plaisir!', 7, 7, ' ')).toEqual({ value: `Plaisir${NNBSP}!`, caret: 8 });
    expect(typed('«', 1, 1, ' ')).toEqual({ value: `«${NBSP}`, caret: 2 });
    // Letters, and punctuation with no space before it, are typed as they are.
    expect(attachedInsertion('Mobilité', 8, 8, 'e')).toBeNull();
    expect(attachedInsertion('Mobilité', 8, 8, ':')).toBeNull();
  });

  it('pasted text is shown with its punctuation attached, over the selection it replaces', () => {
    expect(typed('Avoir du temps', 6, 8, 'le temps : « vraiment » ! et')).toEqual({
      value: `Avoir le temps${NBSP}: «${NBSP}vraiment${NBSP}»${NNBSP}! et temps`,
      caret: 34,
    });
  });

  it('stores what was typed with plain spaces, the other characters as they were stored', () => {
    const stored = 'Accompagne-moi\u202f! Mobilité :';
    const before = shownText(stored);
    // The person types « x » at the end, after the colon shown attached.
    const after = typed(before, before.length, before.length, ' x').value;
    expect(storedAfterEdit(stored, before, after)).toBe('Accompagne-moi\u202f! Mobilité : x');
    // « : » typed after a space: the no-break space shown is stored as the space typed.
    const colon = typed('Avoir le temps ', 15, 15, ':').value;
    expect(storedAfterEdit('Avoir le temps ', 'Avoir le temps ', colon)).toBe('Avoir le temps :');
    // Deleting the « : » leaves the plain space.
    expect(storedAfterEdit('Avoir le temps :', colon, 'Avoir le temps ')).toBe('Avoir le temps ');
  });

  it('an undo that brings a plain space back is stored as it shows', () => {
    const shown = `Mot${NBSP}: fin`;
    expect(storedAfterEdit('Mot : fin', shown, 'Mot  fin')).toBe('Mot  fin');
  });

  it('when the stored text changed meanwhile, stores the textarea’s text, spaces plain', () => {
    const after = `Mot${NBSP}: fin !`;
    expect(storedAfterEdit('Autre chose', shownText('Mot : fin'), after)).toBe('Mot : fin !');
  });
});
