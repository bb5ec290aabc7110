// V1: what a vote's results carry of a note's words (shownText, shownKey).
import { describe, expect, it } from 'vitest';
import { SHOWN_KEY_MAX, SHOWN_TEXT_MAX, shownKey, shownText } from './shown-text.ts';

describe('V1: shownText', () => {
  it('keeps words a reader sees whole as they are', () => {
    expect(shownText('Participation citoyenne')).toBe('Participation citoyenne');
    expect(shownText('  ')).toBe('  ');
    expect(shownText('x'.repeat(SHOWN_TEXT_MAX))).toBe('x'.repeat(SHOWN_TEXT_MAX));
  });

  it('cuts a long note to the bound, with an ellipsis, never inside a character', () => {
    const long = 'Transport collectif en région '.repeat(400);
    const shown = shownText(long);
    expect(shown.length).toBeLessThanOrEqual(SHOWN_TEXT_MAX);
    expect(shown.endsWith('…')).toBe(true);
    expect(long.startsWith(shown.slice(0, -1))).toBe(true);
    // An emoji (a surrogate pair) or « e » + combining accent across the cut stays whole.
    const emoji = 'a'.repeat(SHOWN_TEXT_MAX - 2) + '🚌' + 'b'.repeat(50);
    expect(shownText(emoji)).toBe('a'.repeat(SHOWN_TEXT_MAX - 2) + '…');
    const accent = 'a'.repeat(SHOWN_TEXT_MAX - 2) + 'e\u0301' + 'b'.repeat(50);
    expect(shownText(accent)).toBe('a'.repeat(SHOWN_TEXT_MAX - 2) + '…');
    // Spaces only, however many: still an empty note, not an ellipsis.
    expect(shownText(' '.repeat(10_000))).toBe('');
  });

  it('keeps two long keys starting alike apart', () => {
    const start = 'participation citoyenne '.repeat(20);
    const one = shownKey(`${start}dans les villages`);
    const two = shownKey(`${start}dans les villes`);
    expect(one.length).toBeLessThanOrEqual(SHOWN_KEY_MAX);
    expect(one).not.toBe(two);
    expect(shownKey('bon leadership')).toBe('bon leadership');
  });
});
