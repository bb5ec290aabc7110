import { describe, expect, it } from 'vitest';
import { shortStatusCount } from './statusShort';

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
