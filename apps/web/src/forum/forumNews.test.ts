import { describe, expect, it } from 'vitest';
import type { VoteState } from '@carton/board';
import { testTranslator } from '../i18n/testTranslator';
import { forumMoment, forumNews, type ForumMoment } from './forumNews';

const vote = { id: 'vote:1', title: 'Nos incontournables' } as VoteState;

/** The news said along a timeline of remaining times (ms), one moment per reading. */
function heard(readings: (number | null)[], votes: (VoteState | null)[] = []): string[] {
  let before: ForumMoment | null = null;
  const said: string[] = [];
  readings.forEach((ms, i) => {
    const now = forumMoment(ms, votes[i] ?? null);
    for (const n of forumNews(before, now)) said.push(`${n.key} ${JSON.stringify(n.values)}`);
    before = now;
  });
  return said;
}

describe('forumNews', () => {
  it('says the minutes left once per minute, not each second, and once when time is up', () => {
    // Four readings a second over ten minutes, from 10:00 to past 0:00.
    const readings: number[] = [];
    for (let ms = 10 * 60_000; ms >= -2_000; ms -= 250) readings.push(ms);
    const said = heard([null, ...readings]);
    expect(said).toHaveLength(11);
    expect(said[0]).toBe('a11y.forumNews.timerLeft {"count":10}');
    expect(said[9]).toBe('a11y.forumNews.timerLeft {"count":1}');
    expect(said[10]).toBe('a11y.forumNews.timerDone undefined');
  });

  it('says nothing on arrival, nor while paused', () => {
    expect(heard([300_000, 300_000, 300_000])).toEqual([]);
  });

  it('says a vote opening and closing, once each', () => {
    expect(heard([null, null, null, null], [null, vote, vote, null])).toEqual([
      'a11y.forumNews.voteOpen {"title":"Nos incontournables"}',
      'a11y.forumNews.voteClosed {"title":"Nos incontournables"}',
    ]);
  });

  it('reads in both languages, with the French spaces before « : » and inside « »', async () => {
    const fr = await testTranslator('fr-CA');
    const en = await testTranslator('en');
    expect(fr('a11y.forumNews.timerLeft', { count: 1 })).toBe(
      'Minuterie\u00a0: il reste 1\u00a0minute.',
    );
    expect(fr('a11y.forumNews.timerLeft', { count: 9 })).toBe(
      'Minuterie\u00a0: il reste 9\u00a0minutes.',
    );
    expect(fr('a11y.forumNews.voteOpen', { title: 'Nos incontournables' })).toBe(
      'Vote ouvert\u00a0: «\u00a0Nos incontournables\u00a0».',
    );
    expect(en('a11y.forumNews.timerLeft', { count: 9 })).toBe('Timer: 9 minutes left.');
    expect(en('a11y.forumNews.timerDone')).toBe('Timer: time is up.');
  });
});
