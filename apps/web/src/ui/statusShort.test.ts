import { describe, expect, it } from 'vitest';
import { shortStatusCount, shownPendingCount } from './statusShort';

describe('shortStatusCount', () => {
  it('counts the kept changes while they wait (offline, closed, syncing)', () => {
    expect(shortStatusCount('offline', 1)).toBe(1);
    expect(shortStatusCount('closed', 3)).toBe(3);
    expect(shortStatusCount('syncing', 12)).toBe(12);
  });

  it('shows no count when nothing waits, or once connected', () => {
    expect(shortStatusCount('offline', 0)).toBeNull();
    expect(shortStatusCount('connected', 2)).toBeNull();
  });
});

describe('shownPendingCount', () => {
  it('while connected, a drag moving the unconfirmed count shows the same value (no render)', () => {
    const shown = new Set([0, 1, 2, 7, 20].map((n) => shownPendingCount('connected', n)));
    expect(shown).toEqual(new Set([0]));
  });

  it('counts what waits while offline, closed or syncing', () => {
    expect(shownPendingCount('offline', 4)).toBe(4);
    expect(shownPendingCount('closed', 2)).toBe(2);
    expect(shownPendingCount('syncing', 9)).toBe(9);
    expect(shownPendingCount('offline', 0)).toBe(0);
  });
});
