import { describe, expect, it } from 'vitest';
import { formatForumDate } from '../forum/forumDate';
import { forumDateInWords, readForumDate } from './forumDateField';

describe('the home form’s forum date in words', () => {
  it('follows the page’s language, not the browser’s', () => {
    expect(forumDateInWords('2026-11-27', 'fr-CA')).toBe('27 novembre 2026');
    expect(forumDateInWords('2026-11-27', 'en')).toBe('November 27, 2026');
    // The alliance's forum, as its facilitator page writes it.
    expect(forumDateInWords('2023-10-19', 'fr-CA')).toBe(formatForumDate('2023-10-19', 'fr-CA'));
  });

  it('says nothing for an empty or impossible day', () => {
    expect(forumDateInWords('', 'fr-CA')).toBe('');
    expect(forumDateInWords('2023-02-30', 'fr-CA')).toBe('');
  });
});

describe('the home form’s forum date as typed', () => {
  it('reads the year, the month, then the day, in both languages', () => {
    expect(readForumDate('2023-10-19', 'fr-CA')).toBe('2023-10-19');
    expect(readForumDate(' 2023/10/19 ', 'en')).toBe('2023-10-19');
    expect(readForumDate('2023-3-5', 'fr-CA')).toBe('2023-03-05');
  });

  it('reads a day written first on a French page only', () => {
    expect(readForumDate('19/10/2023', 'fr-CA')).toBe('2023-10-19');
    expect(readForumDate('5-3-2023', 'fr-CA')).toBe('2023-03-05');
    // 11/12/2023: November 12 or 11 December? English writes it both ways.
    expect(readForumDate('11/12/2023', 'en')).toBeNull();
  });

  it('keeps an empty field empty and refuses what is not a day', () => {
    expect(readForumDate('', 'fr-CA')).toBe('');
    expect(readForumDate('  ', 'en')).toBe('');
    expect(readForumDate('2023-02-30', 'fr-CA')).toBeNull();
    expect(readForumDate('32/10/2023', 'fr-CA')).toBeNull();
    expect(readForumDate('demain', 'fr-CA')).toBeNull();
    expect(readForumDate('10/19/2023', 'fr-CA')).toBeNull();
  });
});
