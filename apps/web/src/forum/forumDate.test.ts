import { describe, expect, it } from 'vitest';
import { formatForumDate } from './forumDate';

describe('formatForumDate', () => {
  it('writes the forum’s day in words, in French and in English, on the right day', () => {
    // The alliance's forum: shown as « 2023-10-19 » on the facilitator page before.
    expect(formatForumDate('2023-10-19', 'fr-CA')).toBe('19 octobre 2023');
    expect(formatForumDate('2023-10-19', 'en')).toBe('October 19, 2023');
    expect(formatForumDate('2024-01-01', 'fr-CA')).toBe('1 janvier 2024');
  });

  it('leaves anything else as it came', () => {
    expect(formatForumDate('19 octobre', 'fr-CA')).toBe('19 octobre');
    expect(formatForumDate('2023-13-45', 'fr-CA')).toBe('2023-13-45');
  });
});
