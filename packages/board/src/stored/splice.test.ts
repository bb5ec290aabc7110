import { describe, expect, it } from 'vitest';
import { cutText, textSplice } from './splice.ts';

function apply(before: string, after: string): string {
  const { index, remove, insert } = textSplice(before, after);
  return before.slice(0, index) + insert + before.slice(index + remove);
}

describe('textSplice', () => {
  it('M35: keeps the common start and end, changes only what lies between', () => {
    expect(textSplice('Liens entre', 'Liens forts entre')).toEqual({
      index: 6,
      remove: 0,
      insert: 'forts ',
    });
    expect(textSplice('Bon leadership', 'Bon lead')).toEqual({ index: 8, remove: 6, insert: '' });
    expect(textSplice('Mobilité', 'Transport')).toEqual({
      index: 0,
      remove: 8,
      insert: 'Transport',
    });
    expect(textSplice('même', 'même')).toEqual({ index: 4, remove: 0, insert: '' });
  });

  it('M35: the end never overlaps the start (a letter doubled)', () => {
    expect(textSplice('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' });
    expect(apply('aa', 'aaa')).toBe('aaa');
    expect(apply('aaa', 'a')).toBe('a');
  });

  it('M35: never cuts an emoji in half', () => {
    // 😀 and 😃 share their first code unit: the change takes the whole emoji.
    const change = textSplice('Merci 😀!', 'Merci 😃!');
    expect(change).toEqual({ index: 6, remove: 2, insert: '😃' });
    expect(apply('Merci 😀!', 'Merci 😃!')).toBe('Merci 😃!');
    expect(textSplice('😀 ok', '😃 ok')).toEqual({ index: 0, remove: 2, insert: '😃' });
  });
});

describe('cutText', () => {
  it('M35: keeps the first characters up to the limit, an emoji counted as one, never halved', () => {
    expect(cutText('Arrimage', 20)).toBe('Arrimage');
    expect(cutText('Arrimage', 3)).toBe('Arr');
    expect(cutText('ab🙂cd', 2)).toBe('ab');
    expect(cutText('ab🙂cd', 3)).toBe('ab🙂');
    expect(cutText('🙂🙂🙂', 2)).toBe('🙂🙂');
    expect(cutText('🙂', 0)).toBe('');
  });
});
