import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../log.ts';
import { StorageRetryHold, STORAGE_RETRY_HOLD_MS } from './retry-hold.ts';
import { StorageHealth } from './storage-health.ts';

const FULL = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
const KAMOURASKA = 'board-kamouraska\n192.168.1.23';

function setup(): { health: StorageHealth; hold: StorageRetryHold; clock: { now: number } } {
  const clock = { now: 1_000_000 };
  const health = new StorageHealth(
    '/media/portable/carton/carton.sqlite',
    createLogger('error', () => {}),
  );
  const hold = new StorageRetryHold(health, { now: () => clock.now });
  return { health, hold, clock };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('holding a retry after a close for storage (R69)', () => {
  it('holds a socket back for the rest of 2.4 s after its place was closed with 4501', async () => {
    vi.useFakeTimers();
    const { health, hold, clock } = setup();
    health.failed(FULL, 'append');
    hold.closed(KAMOURASKA);
    clock.now += 200; // the stock client's first backoff step
    const held = hold.hold(KAMOURASKA);
    expect(held.waitMs).toBe(STORAGE_RETRY_HOLD_MS - 200);
    let done = false;
    void held.done.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(STORAGE_RETRY_HOLD_MS - 300);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(done).toBe(true);
  });

  it('lets the socket on at once when storage works again (recovery is not slowed)', async () => {
    vi.useFakeTimers();
    const { health, hold, clock } = setup();
    health.failed(FULL, 'append');
    hold.closed(KAMOURASKA);
    clock.now += 200;
    const held = hold.hold(KAMOURASKA);
    let done = false;
    void held.done.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(500);
    expect(done).toBe(false);
    health.succeeded();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it('holds nobody else, nobody while storage works, and nobody back after 2.4 s', () => {
    const { health, hold, clock } = setup();
    health.failed(FULL, 'append');
    hold.closed(KAMOURASKA);
    // Another board, or another address (another person's phone): not held.
    expect(hold.hold('board-temiscouata\n192.168.1.23').waitMs).toBe(0);
    expect(hold.hold('board-kamouraska\n192.168.1.24').waitMs).toBe(0);
    // Carton's web page waits 2.5 s itself before it tries again: never held.
    clock.now += 2_500;
    expect(hold.hold(KAMOURASKA).waitMs).toBe(0);
    hold.closed(KAMOURASKA);
    health.succeeded();
    clock.now += 200;
    expect(hold.hold(KAMOURASKA).waitMs).toBe(0);
  });
});
