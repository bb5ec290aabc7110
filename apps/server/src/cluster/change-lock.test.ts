// R63: the change lock every process shares (change-lock.ts), on a real redis-server: a second
// process's change for the same board waits for the first's to end; another board's does not;
// Redis away, the change runs all the same, said once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { redisChangeLock } from './change-lock.ts';
import { RedisBus } from './redis-bus.ts';
import { startRedis, type TestRedis } from './test-redis.ts';

let redis: TestRedis;
const buses: RedisBus[] = [];
let lines: string[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());
afterEach(async () => {
  for (const bus of buses.splice(0)) await bus.close();
  lines = [];
});

/** One process's lock: its own Redis connections. */
async function processLock(onWait?: (key: string) => void) {
  const log = createLogger('debug', (line) => lines.push(line));
  const bus = await RedisBus.start({ url: redis.url, log });
  buses.push(bus);
  return redisChangeLock(bus.commands, log, { retryMs: 5, ...(onWait ? { onWait } : {}) });
}

/** A promise and the function that settles it. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('the change lock shared by the processes', () => {
  it('a second process’s change for the same board starts once the first has ended', async () => {
    const waited = gate();
    const first = await processLock();
    const second = await processLock(() => waited.open());
    const events: string[] = [];
    const running = first('forum:f1', async () => {
      events.push('first starts');
      // Held until the second process has found the lock taken at least once.
      await waited.opened;
      events.push('first ends');
    });
    // The first holds the lock before the second asks for it.
    while (!events.includes('first starts')) await new Promise((r) => setImmediate(r));
    const after = second('forum:f1', async () => {
      events.push('second runs');
      return 'changed';
    });
    expect(await after).toBe('changed');
    await running;
    expect(events).toEqual(['first starts', 'first ends', 'second runs']);
  });

  it('another board’s change does not wait', async () => {
    const first = await processLock();
    const second = await processLock(() => {
      throw new Error('waited for another board');
    });
    const held = gate();
    const running = first('forum:f2', () => held.opened);
    expect(await second('forum:f3', async () => 'alone')).toBe('alone');
    held.open();
    await running;
  });

  it('a change that throws lets go of the lock', async () => {
    const first = await processLock();
    const second = await processLock(() => {
      throw new Error('the lock was kept');
    });
    await expect(
      first('forum:f4', async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await second('forum:f4', async () => 'after')).toBe('after');
  });

  it('Redis away: the change runs without the lock, said once', async () => {
    const lock = await processLock();
    await redis.kill('SIGKILL');
    try {
      expect(await lock('forum:f5', async () => 1)).toBe(1);
      expect(await lock('forum:f5', async () => 2)).toBe(2);
    } finally {
      await redis.restart();
    }
    expect(lines.filter((line) => line.includes('"change_lock_unavailable"'))).toHaveLength(1);
  });
});
