// R63: a lock every process on one Redis shares, for a server change that must check what every
// process wrote before it writes (PUT /compilation's 5,000 entries, C6): each process checked
// its own doc, so two of them could each pass the check at once and the forum doc held both
// changes, past the limit. Held while the room merges what storage holds, changes and waits
// for its append (Relay.changeBoardAlone); let go after, or after LOCK_MS if its process died.
import { randomBytes } from 'node:crypto';
import type { Logger } from '../log.ts';
import type { RedisClient } from './redis-bus.ts';

const LOCK_PREFIX = 'carton:change-lock:';
/** Lets go of the lock only if it is still ours (it may have expired and been taken since). */
const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

export interface ChangeLockOptions {
  /** The lock's lifetime: a process that died holding it blocks the others this long at most. */
  lockMs?: number;
  /** Between two tries while another process holds it. */
  retryMs?: number;
  /** Each try that found the lock held (tests). */
  onWait?: (key: string) => void;
}

/** Redis not answering (a network black hole) is Redis away: no waiting on its socket's timeout. */
function answered<T>(pending: Promise<T>, ms = 1_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Redis did not answer the change lock')), ms);
  });
  pending.catch(() => {});
  return Promise.race([pending, late]).finally(() => clearTimeout(timer));
}

/** Runs `work` alone among the processes for `key`. */
export type Serialise = <T>(key: string, work: () => Promise<T>) => Promise<T>;

/**
 * Redis away (R67) or not answering, `work` runs without the lock, said once per outage: each
 * process still merges what storage holds first, so only changes sent at the same instant can
 * both pass, as before the lock; a facilitator's merge is not refused for an outage.
 */
export function redisChangeLock(
  client: RedisClient,
  log: Logger,
  options: ChangeLockOptions = {},
): Serialise {
  const lockMs = options.lockMs ?? 20_000;
  const retryMs = options.retryMs ?? 15;
  let saidAlone = false;
  const take = async (name: string, token: string, key: string): Promise<boolean> => {
    const until = performance.now() + lockMs + 1_000;
    for (;;) {
      if (!client.isReady) throw new Error('Redis is not connected');
      if ((await answered(client.set(name, token, { NX: true, PX: lockMs }))) === 'OK') return true;
      // Held past its lifetime by someone taking it again and again: run rather than wait on.
      if (performance.now() >= until) return false;
      options.onWait?.(key);
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  };
  return async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const name = LOCK_PREFIX + key;
    const token = randomBytes(12).toString('base64url');
    let held = false;
    try {
      held = await take(name, token, key);
      saidAlone = false;
    } catch (error) {
      if (!saidAlone) log.warn('change_lock_unavailable', { key, error: error as Error });
      saidAlone = true;
    }
    try {
      return await work();
    } finally {
      if (held) {
        await client.eval(RELEASE_SCRIPT, { keys: [name], arguments: [token] }).catch(() => {}); // expires on its own
      }
    }
  };
}
