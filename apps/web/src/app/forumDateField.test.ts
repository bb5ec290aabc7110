import { describe, expect, it } from 'vitest';
import { formatForumDate } from '../forum/forumDate';
import { forumDateInWords } from './forumDateField';

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
