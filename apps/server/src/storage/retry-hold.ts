import type { StorageHealth } from './storage-health.ts';

/**
 * How long after a socket closed because storage failed (4501, R69) a new socket from the same
 * place waits before its handshake. Carton's web page waits 2.5 s itself before it tries again
 * (apps/web/src/board/storageTrouble.ts), so it is never held: a little less than that.
 */
export const STORAGE_RETRY_HOLD_MS = 2_400;

/** Enough places for a forum day; beyond it the oldest are forgotten (a hold is a courtesy). */
const MAX_PLACES = 10_000;

/**
 * R69: a stock y-websocket client refused with 4501 (a full disk) tries again 200 ms later — its
 * backoff restarts whenever a socket syncs, and a refused socket syncs before its changes are
 * refused — so each retrying client would reopen its board ~4 times a second, each a room load
 * on the venue's laptop. The upgrade of a socket from the same place (board and address) within
 * STORAGE_RETRY_HOLD_MS of such a close waits out the rest of it, while storage still fails:
 * ~one try every 2.5 s. It goes on at once when storage works again, so recovery is not slowed.
 */
export class StorageRetryHold {
  /** When each place's socket was last closed for storage, oldest first. */
  readonly #closedAt = new Map<string, number>();
  readonly #health: StorageHealth;
  readonly #holdMs: number;
  readonly #now: () => number;

  constructor(health: StorageHealth, options: { holdMs?: number; now?: () => number } = {}) {
    this.#health = health;
    this.#holdMs = options.holdMs ?? STORAGE_RETRY_HOLD_MS;
    this.#now = options.now ?? Date.now;
  }

  /** A socket from `place` was closed because storage failed. */
  closed(place: string): void {
    const now = this.#now();
    this.#closedAt.delete(place);
    this.#closedAt.set(place, now);
    for (const [key, at] of this.#closedAt) {
      if (now - at < this.#holdMs && this.#closedAt.size <= MAX_PLACES) break;
      this.#closedAt.delete(key);
    }
  }

  /**
   * How long a new socket from `place` waits now (0: none), and a promise that resolves once
   * it may go on — after that, or as soon as storage works again, whichever comes first.
   */
  hold(place: string): { waitMs: number; done: Promise<void> } {
    const at = this.#closedAt.get(place);
    const waitMs = at === undefined ? 0 : Math.max(0, at + this.#holdMs - this.#now());
    if (waitMs === 0 || !this.#health.failing) {
      if (at !== undefined && waitMs === 0) this.#closedAt.delete(place);
      return { waitMs: 0, done: Promise.resolve() };
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = Promise.race([
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, waitMs);
        // A held socket never keeps the process alive (a server closing).
        timer.unref();
      }),
      this.#health.whenWorking(),
    ]).finally(() => clearTimeout(timer));
    return { waitMs, done };
  }
}
