import { describe, expect, it } from 'vitest';
import type { Shape } from '@carton/board';
import { LINE_HEIGHT, NOTE_PADDING, measure } from '@carton/render';
import { loadBundledFonts } from '@carton/render/node';
import { testTranslator } from '../../i18n/testTranslator';
import { chosenNoteAdvice, noteHintKey, noteHintLayout, showsNoteHint } from './hint';

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

describe('noteHintKey: a chosen empty note says how to write in it', () => {
  const empty = { text: '', editing: false, hints: true };

  it('says « Écrivez ici… » while the note is not the one chosen', () => {
    expect(noteHintKey(empty)).toBe('note.hint');
    expect(noteHintKey({ ...empty, chosenWith: null })).toBe('note.hint');
  });

  it('says to tap again once a finger or a pen chose it, to click again after a mouse', () => {
    // The select tool opens the one chosen note's text on the next tap or click (editOnUp).
    expect(noteHintKey({ ...empty, chosenWith: 'touch' })).toBe('note.tapAgain');
    expect(noteHintKey({ ...empty, chosenWith: 'pen' })).toBe('note.tapAgain');
    expect(noteHintKey({ ...empty, chosenWith: 'mouse' })).toBe('note.clickAgain');
  });

  it('keeps « Écrivez ici… » when the keys chose it (typing writes) or it is locked (M33)', () => {
    expect(noteHintKey({ ...empty, chosenWith: 'keys' })).toBe('note.hint');
    expect(noteHintKey({ ...empty, chosenWith: 'touch', locked: true })).toBe('note.hint');
  });

  it('shows nothing on a written note, while editing, nor on a page that cannot edit', () => {
    expect(noteHintKey({ ...empty, text: 'Logement', chosenWith: 'touch' })).toBeNull();
    expect(noteHintKey({ ...empty, editing: true, chosenWith: 'touch' })).toBeNull();
    expect(noteHintKey({ ...empty, hints: false, chosenWith: 'mouse' })).toBeNull();
  });

  it('reads « Touchez encore pour écrire » and « Click again to write »', async () => {
    const fr = await testTranslator('fr-CA');
    const en = await testTranslator('en');
    expect(fr('note.tapAgain')).toBe('Touchez encore pour écrire');
    expect(fr('note.clickAgain')).toBe('Cliquez encore pour écrire');
    expect(en('note.tapAgain')).toBe('Tap again to write');
    expect(en('note.clickAgain')).toBe('Click again to write');
  });
});

describe('chosenNoteAdvice: what the live region adds for the chosen note', () => {
  const base = { x: 0, y: 0, w: 200, h: 200, rotation: 0, parentId: null, index: 'a0' };
  const note = (text: string, locked = false) =>
    ({ ...base, id: 'n1', type: 'note', text, color: 'yellow', locked }) as unknown as Shape;

  it('gives the hint’s advice for an empty note chosen by a tap or a click', () => {
    expect(chosenNoteAdvice(note(''), 'touch', true)).toBe('note.tapAgain');
    expect(chosenNoteAdvice(note(''), 'mouse', true)).toBe('note.clickAgain');
  });

  it('gives none for a written, locked or keyboard-chosen note, another shape, or a view link', () => {
    expect(chosenNoteAdvice(note('Logement'), 'touch', true)).toBeNull();
    expect(chosenNoteAdvice(note('', true), 'touch', true)).toBeNull();
    expect(chosenNoteAdvice(note(''), 'keys', true)).toBeNull();
    expect(chosenNoteAdvice(note(''), null, true)).toBeNull();
    expect(chosenNoteAdvice(note(''), 'touch', false)).toBeNull();
    expect(chosenNoteAdvice(undefined, 'touch', true)).toBeNull();
    const carton = { ...base, id: 'c1', type: 'carton', title: '' } as unknown as Shape;
    expect(chosenNoteAdvice(carton, 'touch', true)).toBeNull();
  });
});

describe('noteHintLayout: the hint fits its note', () => {
  const fonts = loadBundledFonts();
  const width = (text: string, size: number) => measure(fonts.regular, text, size);
  const hints = [
    'Écrivez ici…',
    'Touchez encore pour écrire',
    'Cliquez encore pour écrire',
    'Tap again to write',
    'Click again to write',
  ];
  // The template's notes (200, 190, 260 square), a small one, and wide, low ones: at the size
  // it always had (a seventh of the width), « Touchez encore pour écrire » overflowed 120 × 60.
  const notes = [
    [200, 200],
    [190, 190],
    [260, 260],
    [100, 100],
    [320, 90],
    [120, 60],
  ] as const;

  it.each(notes)('every hint fits a %d × %d note, whole words per line', (w, h) => {
    for (const hint of hints) {
      const { size, lines } = noteHintLayout(hint, w, h, width);
      expect(lines.length * size * LINE_HEIGHT).toBeLessThanOrEqual(h - NOTE_PADDING * 2);
      for (const line of lines) expect(width(line, size)).toBeLessThanOrEqual(w - NOTE_PADDING * 2);
      expect(lines.join(' ').replace(/\s+/gu, ' ')).toBe(hint);
    }
  });

  it('keeps the size the hint always had where it fits (a seventh of the width, 12 to 28)', () => {
    expect(noteHintLayout('Écrivez ici…', 200, 200, width).size).toBe(28);
    expect(noteHintLayout('Écrivez ici…', 100, 100, width).size).toBe(14);
  });
});
