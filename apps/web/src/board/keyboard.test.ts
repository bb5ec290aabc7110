import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, initBoardDoc, localOrigin } from '@carton/board';
import {
  continuesWord,
  isSingleKeyShortcut,
  keyWithoutItsNote,
  startsWritingInNote,
  writingStopped,
} from './keyboard';

const key = (k: string, more: Partial<{ shift: boolean; mod: boolean; alt: boolean }> = {}) => ({
  key: k,
  shift: false,
  mod: false,
  alt: false,
  ...more,
});

describe('typing on an empty selected note', () => {
  it('a capital, an accented letter, a digit or a guillemet starts writing', () => {
    expect(startsWritingInNote(key('L', { shift: true }))).toBe(true);
    expect(startsWritingInNote(key('T', { shift: true }))).toBe(true);
    expect(startsWritingInNote(key('é'))).toBe(true);
    expect(startsWritingInNote(key('2'))).toBe(true);
    expect(startsWritingInNote(key('«'))).toBe(true);
    expect(startsWritingInNote(key('l'))).toBe(true);
  });
  it('a bare tool letter still picks its tool; shortcuts and named keys do not write', () => {
    for (const letter of ['n', 'v', 'p', 't', 'e', 'a', 's']) {
      expect(startsWritingInNote(key(letter))).toBe(false);
    }
    expect(startsWritingInNote(key(' '))).toBe(false);
    expect(startsWritingInNote(key('['))).toBe(false);
    expect(startsWritingInNote(key('d', { mod: true }))).toBe(false);
    expect(startsWritingInNote(key('x', { alt: true }))).toBe(false);
    expect(startsWritingInNote(key('Enter'))).toBe(false);
    expect(startsWritingInNote(key('Delete'))).toBe(false);
  });
});

describe('keys typed after the note being written in was deleted by someone else', () => {
  const typed = (k: string, more: Partial<{ mod: boolean; alt: boolean }> = {}) => ({
    key: k,
    mod: false,
    alt: false,
    ...more,
  });

  it('the rest of the words are not shortcuts: no eraser, no pan, no delete', () => {
    for (const k of ['d', 'e', 'r', 'v', 'é', ' ', 'Backspace', 'Delete', 'Enter', '!']) {
      expect(keyWithoutItsNote(typed(k))).toBe('swallow');
    }
  });

  it('Tab ends the writing and moves the focus on, to the notice that says what happened', () => {
    expect(keyWithoutItsNote(typed('Tab'))).toBe('leave');
    expect(keyWithoutItsNote(typed('Escape'))).toBe('close');
  });

  it('a note someone else locked stops the writing too; a note still free does not', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Kamouraska', kind: 'territory' });
    const board = new Board(doc);
    const pierre = localOrigin('pierre');
    const id = board.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Mobilité' }), pierre);
    expect(writingStopped(board.getShape(id))).toBe(false);
    board.run((tx) => tx.lock([id], true), pierre);
    expect(writingStopped(board.getShape(id))).toBe(true);
    board.run((tx) => tx.lock([id], false), pierre);
    board.run((tx) => tx.delete([id]), pierre);
    expect(writingStopped(board.getShape(id))).toBe(true);
  });

  it('Escape ends the writing; Ctrl/Cmd and Alt keys (undo…) act as usual', () => {
    expect(keyWithoutItsNote(typed('Escape'))).toBe('close');
    expect(keyWithoutItsNote(typed('z', { mod: true }))).toBe('shortcut');
    expect(keyWithoutItsNote(typed('x', { alt: true }))).toBe('shortcut');
    expect(keyWithoutItsNote(typed('Shift'))).toBe('shortcut');
  });
});

describe('a word begun by a tool letter on the note just placed', () => {
  const word = { note: 'shape:n', letter: 't', tool: 'text', until: 2000 };
  const now = { tool: 'text', selection: ['shape:n'], noteEmpty: true };
  const next = (k: string, time = 1500, more: Partial<{ mod: boolean; alt: boolean }> = {}) => ({
    key: k,
    mod: false,
    alt: false,
    time,
    ...more,
  });

  it('a second letter soon after makes « tr… » the start of the note’s text', () => {
    expect(continuesWord(word, next('r'), now)).toBe(true);
    expect(continuesWord(word, next('É'), now)).toBe(true);
  });

  it('no word: too late, a shortcut, a space, another tool, another selection, a filled note', () => {
    expect(continuesWord(null, next('r'), now)).toBe(false);
    expect(continuesWord(word, next('r', 2500), now)).toBe(false);
    expect(continuesWord(word, next('z', 1500, { mod: true }), now)).toBe(false);
    expect(continuesWord(word, next(' '), now)).toBe(false);
    expect(continuesWord(word, next('Enter'), now)).toBe(false);
    expect(continuesWord(word, next('r'), { ...now, tool: 'rect' })).toBe(false);
    expect(continuesWord(word, next('r'), { ...now, selection: [] })).toBe(false);
    expect(continuesWord(word, next('r'), { ...now, noteEmpty: false })).toBe(false);
  });
});

describe('single-key shortcuts, which a participant may turn off', () => {
  const press = (
    k: string,
    code: string,
    more: Partial<{ shift: boolean; mod: boolean; alt: boolean }> = {},
  ) => ({
    ...key(k, more),
    code,
  });

  it('are the tool letters, [ ] and Maj+1, 2, 0; not Ctrl shortcuts nor named keys', () => {
    expect(isSingleKeyShortcut(press('n', 'KeyN'))).toBe(true);
    expect(isSingleKeyShortcut(press(']', 'BracketRight'))).toBe(true);
    expect(isSingleKeyShortcut(press('!', 'Digit1', { shift: true }))).toBe(true);
    expect(isSingleKeyShortcut(press('z', 'KeyZ', { mod: true }))).toBe(false);
    expect(isSingleKeyShortcut(press('N', 'KeyN', { shift: true }))).toBe(false);
    expect(isSingleKeyShortcut(press('ArrowLeft', 'ArrowLeft'))).toBe(false);
    expect(isSingleKeyShortcut(press('Delete', 'Delete'))).toBe(false);
  });

  it('turned off, every letter typed on an empty chosen note writes, « n » too', () => {
    expect(startsWritingInNote(key('n'))).toBe(false);
    expect(startsWritingInNote(key('n'), false)).toBe(true);
    expect(startsWritingInNote(key('['), false)).toBe(true);
    expect(startsWritingInNote(key('n', { mod: true }), false)).toBe(false);
  });
});
