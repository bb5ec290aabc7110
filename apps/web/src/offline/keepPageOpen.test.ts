import { describe, expect, it } from 'vitest';
import { mustKeepPageOpen } from './keepPageOpen';

describe('mustKeepPageOpen', () => {
  it('asks an editor offline to keep the page when a reload could not open it', () => {
    expect(mustKeepPageOpen({ status: 'offline', readOnly: false, shell: 'unavailable' })).toBe(
      true,
    );
    // First visit: the worker is still installing.
    expect(mustKeepPageOpen({ status: 'offline', readOnly: false, shell: 'pending' })).toBe(true);
  });

  it('stays quiet when a reload would open the page from the device', () => {
    expect(mustKeepPageOpen({ status: 'offline', readOnly: false, shell: 'ready' })).toBe(false);
  });

  it('stays quiet online, while syncing, after a final close, and on a view link', () => {
    for (const status of ['connected', 'syncing', 'closed'] as const) {
      expect(mustKeepPageOpen({ status, readOnly: false, shell: 'unavailable' })).toBe(false);
    }
    expect(mustKeepPageOpen({ status: 'offline', readOnly: true, shell: 'unavailable' })).toBe(
      false,
    );
  });
});
