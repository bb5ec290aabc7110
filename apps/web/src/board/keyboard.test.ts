import { describe, expect, it } from 'vitest';
import { startsWritingInNote } from './keyboard';

const key = (
  k: string,
  more: Partial<{ shift: boolean; mod: boolean; alt: boolean; placed: boolean }> = {},
) => ({
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
  it('on the note just placed, a lowercase tool letter writes: « transport » is a word', () => {
    for (const letter of ['t', 'e', 'a', 's', 'n', 'p']) {
      expect(startsWritingInNote(key(letter, { placed: true }))).toBe(true);
    }
    expect(startsWritingInNote(key(' ', { placed: true }))).toBe(false);
    expect(startsWritingInNote(key('z', { mod: true, placed: true }))).toBe(false);
  });
});
