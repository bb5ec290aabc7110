// R63, R64, R67: the Redis bus against a real redis-server (started per file, nothing saved).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '../log.ts';
import type { RoomBusHandlers } from '../relay/room-bus.ts';
import { MAX_BUS_MESSAGE_BYTES } from './bus-message.ts';
import { RedisBus, type RedisBusOptions } from './redis-bus.ts';
import { blackholeProxy } from './test-blackhole.ts';
import { freePort, startRedis, type TestRedis } from './test-redis.ts';

const PASSWORD = 'mot-de-passe-Kamouraska-2023';
let redis: TestRedis;
const buses: RedisBus[] = [];
let lines: string[] = [];
/** Checks waiting for a log line (see `logged`). */
const logWaiters: Array<() => void> = [];

function captureLog(): Logger {
  return createLogger('debug', (line) => {
    lines.push(line);
    for (const wake of logWaiters.splice(0)) wake();
  });
}

/** Resolves once `done()` holds, checked again each time `waiters` are woken. */
function until(waiters: Array<() => void>, what: string, done: () => boolean, timeoutMs = 5_000) {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
    const check = () => {
      if (done()) {
        clearTimeout(timer);
        resolve();
      } else waiters.push(check);
    };
    check();
  });
}

const count = (event: string) => lines.filter((line) => line.includes(`"${event}"`)).length;

/** Resolves once `times` lines of `event` were logged. */
const logged = (event: string, times: number, timeoutMs?: number) =>
  until(logWaiters, `${times} ${event}`, () => count(event) >= times, timeoutMs);

async function bus(options: Partial<RedisBusOptions> = {}): Promise<RedisBus> {
  const started = await RedisBus.start({ url: redis.url, log: captureLog(), ...options });
  buses.push(started);
  return started;
}

/** Handlers that record what arrives, with a way to await the next message of a kind. */
function recorder() {
  const seen: Array<{ kind: string; data?: Uint8Array }> = [];
  const waiters: Array<() => void> = [];
  const push = (entry: { kind: string; data?: Uint8Array }) => {
    seen.push(entry);
    for (const wake of waiters.splice(0)) wake();
  };
  const handlers: RoomBusHandlers = {
    update: (data) => push({ kind: 'update', data }),
    awareness: (data) => push({ kind: 'awareness', data }),
    queryAwareness: () => push({ kind: 'query' }),
    resync: (reason) => push({ kind: `resync:${reason}` }),
  };
  return {
    seen,
    handlers,
    until: (what: string, done: () => boolean, timeoutMs?: number) =>
      until(waiters, what, done, timeoutMs),
  };
}

beforeAll(async () => {
  redis = await startRedis({ password: PASSWORD });
});

afterEach(async () => {
  for (const started of buses.splice(0)) await started.close();
  lines = [];
});

afterAll(async () => {
  await redis.stop();
});

describe('Redis bus', () => {
  it('R63: an update published by one process reaches the other as the same bytes, never its publisher', async () => {
    const a = await bus();
    const b = await bus();
    const onA = recorder();
    const onB = recorder();
    const channelA = a.join('board-kamouraska', onA.handlers);
    const channelB = b.join('board-kamouraska', onB.handlers);
    await Promise.all([channelA.ready, channelB.ready]);
    const update = Uint8Array.from([0, 1, 2, 250, 255, 0, 7]);
    channelA.publishUpdate(update);
    channelB.publishAwareness(Uint8Array.from([1, 42, 3]));
    await onB.until('the update on B', () => onB.seen.length === 1);
    await onA.until('the awareness on A', () => onA.seen.length === 1);
    expect(onB.seen[0]!.kind).toBe('update');
    expect([...onB.seen[0]!.data!]).toEqual([...update]);
    expect(onA.seen[0]!.kind).toBe('awareness');
    // One more round trip each way: had A received its own update, it would be here by now.
    channelB.queryAwareness();
    await onA.until('the query on A', () => onA.seen.length === 2);
    expect(onA.seen.map((entry) => entry.kind)).toEqual(['awareness', 'query']);
    expect(onB.seen.map((entry) => entry.kind)).toEqual(['update']);
  });

  it('R63: an update too large for the bus goes as a resync notice; rooms are separate channels', async () => {
    const a = await bus();
    const b = await bus();
    const onB = recorder();
    const other = recorder();
    const channelA = a.join('board-matane', recorder().handlers);
    await Promise.all([
      channelA.ready,
      b.join('board-matane', onB.handlers).ready,
      b.join('board-mitis', other.handlers).ready,
    ]);
    channelA.publishUpdate(new Uint8Array(MAX_BUS_MESSAGE_BYTES));
    await onB.until('the notice', () => onB.seen.length === 1);
    expect(onB.seen[0]!.kind).toBe('resync:requested');
    expect(a.metrics.oversized).toBe(1);
    expect(other.seen).toEqual([]);
  });

  it('R64: a room that left its channel hears nothing more; another room of the same board still does', async () => {
    const a = await bus();
    const b = await bus();
    const first = recorder();
    const second = recorder();
    const channelA = a.join('board-basques', recorder().handlers);
    const old = b.join('board-basques', first.handlers);
    const fresh = b.join('board-basques', second.handlers);
    await Promise.all([channelA.ready, old.ready, fresh.ready]);
    old.leave();
    channelA.publishUpdate(Uint8Array.from([9]));
    await second.until('the update on the new room', () => second.seen.length === 1);
    expect(first.seen).toEqual([]);
    fresh.leave();
    const listen = recorder();
    await b.join('board-basques', listen.handlers).ready;
    channelA.publishUpdate(Uint8Array.from([10]));
    await listen.until('the update after rejoining', () => listen.seen.length === 1);
    expect([...listen.seen[0]!.data!]).toEqual([10]);
  });

  it('R67: Redis killed and restarted — one warning per outage, the password never logged, rooms told to resync', async () => {
    const a = await bus();
    const b = await bus();
    const onA = recorder();
    const onB = recorder();
    const channelA = a.join('board-rimouski', onA.handlers);
    await Promise.all([channelA.ready, b.join('board-rimouski', onB.handlers).ready]);
    // What B had seen when A's publisher came back (the bus's own listener runs first: A's
    // resync notices are sent by then, and none has arrived).
    let seenByBWhenAPublishes = -1;
    a.commands.once('ready', () => (seenByBWhenAPublishes = onB.seen.length));
    await redis.kill('SIGKILL');
    // Published into the void: not queued, not thrown.
    for (let i = 0; i < 50; i++) channelA.publishUpdate(Uint8Array.from([i]));
    await redis.restart();
    // Each bus reconnects on its own backoff: seconds on a loaded machine (5 s was passed once
    // in CI's full run, 28 November).
    const RECONNECTED_MS = 12_000;
    const resynced = (kind: string) => (e: { kind: string }) => e.kind === `resync:${kind}`;
    await onA.until('A to resync', () => onA.seen.some(resynced('reconnected')), RECONNECTED_MS);
    await onB.until('B to resync', () => onB.seen.some(resynced('reconnected')), RECONNECTED_MS);
    // A's publisher came back: B reads what A could not publish. B hears A's notice only if
    // B's subscriber came back first; if it came back after (each connection retries on its
    // own backoff: seen once in 28 restarts alone, when Redis took 190 ms to restart at load 5),
    // the notice is lost but B's own return made it read storage, where A's updates already
    // were. Either way B read storage after A could publish again. The notice: checked below.
    const readAfterA = () =>
      seenByBWhenAPublishes >= 0 &&
      onB.seen.slice(seenByBWhenAPublishes).some((e) => e.kind.startsWith('resync:'));
    await onB.until('B to read storage after A is back', readAfterA, RECONNECTED_MS);
    // Each bus is up once both its connections are: B's publisher may come back last.
    await logged('bus_up', 2, RECONNECTED_MS);
    expect(onB.seen.some((e) => e.kind === 'update')).toBe(false);
    expect(a.metrics.unpublished).toBeGreaterThanOrEqual(50);
    await a.close();
    await b.close();
    const log = lines.join('\n');
    expect(log).not.toContain(PASSWORD);
    // One per bus (A and B), not one per failed message or reconnection attempt.
    expect(count('bus_down')).toBe(2);
    expect(count('bus_up')).toBe(2);
    // After the outage the bus works again.
    const c = await bus();
    const d = await bus();
    const onD = recorder();
    const channelC = c.join('board-rimouski', recorder().handlers);
    await Promise.all([channelC.ready, d.join('board-rimouski', onD.handlers).ready]);
    channelC.publishUpdate(Uint8Array.from([77]));
    await onD.until('the update after restart', () => onD.seen.length === 1);
    // The publishing connections alone dropped (the subscribers stay): when C's is back, D is
    // asked to read what C could not publish.
    await redis.command('CLIENT', 'KILL', 'TYPE', 'normal');
    await onD.until('D to be asked', () => onD.seen.some(resynced('requested')), RECONNECTED_MS);
  }, 45_000);

  it('R67: an access change reaches the other processes, not its own', async () => {
    const a = await bus();
    const b = await bus();
    const heardOnA: string[] = [];
    const heardOnB: Array<[number, string]> = [];
    a.onAccessChanged((_code, reason) => heardOnA.push(reason));
    const got = new Promise<void>((resolve) =>
      b.onAccessChanged((code, reason) => {
        heardOnB.push([code, reason]);
        resolve();
      }),
    );
    a.accessChanged(4403, 'lien révoqué');
    await got;
    expect(heardOnB).toEqual([[4403, 'lien révoqué']]);
    // B's answer comes after A's own message would have: A hears B's only.
    const answered = new Promise<void>((resolve) => a.onAccessChanged(() => resolve()));
    b.accessChanged(4403, 'tableau retiré');
    await answered;
    expect(heardOnA).toEqual(['tableau retiré']);
  });

  it('R67: a server started while Redis is unreachable serves, then joins the bus when it comes', async () => {
    const port = await freePort();
    const late = await RedisBus.start({
      url: `redis://127.0.0.1:${port}`,
      log: captureLog(),
      startTimeoutMs: 100,
    });
    buses.push(late);
    expect(late.isReady).toBe(false);
    const onLate = recorder();
    // The room loads at once (nothing to wait for) and resyncs once the bus is there.
    await late.join('board-kamouraska', onLate.handlers).ready;
    const redisLater = await startRedis({ port });
    try {
      await onLate.until('the resync', () =>
        onLate.seen.some((e) => e.kind === 'resync:reconnected'),
      );
      const other = await RedisBus.start({ url: redisLater.url, log: captureLog() });
      buses.push(other);
      const channel = other.join('board-kamouraska', recorder().handlers);
      await channel.ready;
      channel.publishUpdate(Uint8Array.from([5]));
      await onLate.until('the update', () => onLate.seen.some((e) => e.kind === 'update'));
      expect(count('bus_down')).toBe(1);
    } finally {
      for (const started of buses.splice(0)) await started.close();
      await redisLater.stop();
    }
  });

  it('R64: a room whose subscription Redis does not confirm loads anyway, then resyncs once subscribed', async () => {
    const a = await bus({ subscribeTimeoutMs: 200 });
    const onA = recorder();
    // Redis connected but answering nothing (paused): the board must still open.
    await redis.command('CLIENT', 'PAUSE', '1500', 'ALL');
    await a.join('board-rimouski', onA.handlers).ready;
    expect(onA.seen).toEqual([]);
    // Subscribed once Redis answers: what it may have missed meanwhile is read again.
    await onA.until('the resync', () => onA.seen.some((e) => e.kind === 'resync:reconnected'));
  });

  it('R67: while Redis does not answer publishes, the backlog stays bounded; the others resync once it drains', async () => {
    const a = await bus({ maxPendingPublishBytes: 64 * 1024 });
    const b = await bus();
    const onB = recorder();
    const channelA = a.join('board-rimouski', recorder().handlers);
    const channelB = b.join('board-rimouski', onB.handlers);
    await Promise.all([channelA.ready, channelB.ready]);
    await redis.command('CLIENT', 'PAUSE', '1500', 'WRITE');
    for (let i = 0; i < 100; i++) channelA.publishUpdate(new Uint8Array(4 * 1024).fill(i));
    // About 15 updates wait for Redis; the rest are in storage only.
    expect(a.metrics.published).toBeLessThan(20);
    expect(a.metrics.unpublished).toBeGreaterThan(80);
    await onB.until('the resync notice', () => onB.seen.some((e) => e.kind === 'resync:requested'));
    expect(onB.seen.filter((e) => e.kind === 'update').length).toBe(a.metrics.published - 1);
    expect(count('bus_down')).toBe(1);
  });

  it('R67: a connection dropped silently (no error, no answer) is noticed; the room resyncs and hears again', async () => {
    const proxy = await blackholeProxy(redis.port);
    try {
      const viaProxy = new URL(redis.url);
      viaProxy.port = String(proxy.port);
      // A PING every 100 ms, lost after 2 s without traffic. With 500 ms, A missed the update
      // below once at load 8 (28 November): most likely this worker (the proxy runs in it)
      // stalled past 500 ms and the reconnected connection counted as lost again.
      const a = await bus({
        url: viaProxy.toString(),
        pingIntervalMs: 100,
        socketTimeoutMs: 2_000,
      });
      const b = await bus();
      const onA = recorder();
      const channelA = a.join('board-les-basques', onA.handlers);
      const channelB = b.join('board-les-basques', recorder().handlers);
      await Promise.all([channelA.ready, channelB.ready]);
      // A NAT forgets A's connections: nothing passes, nobody is told.
      proxy.blackholeOpenConnections();
      await onA.until(
        'the resync after reconnecting',
        () => onA.seen.some((e) => e.kind === 'resync:reconnected'),
        10_000,
      );
      channelB.publishUpdate(Uint8Array.from([9, 9]));
      await onA.until('the update', () => onA.seen.some((e) => e.kind === 'update'));
      expect(a.metrics.reconnections).toBeGreaterThan(0);
    } finally {
      for (const started of buses.splice(0)) await started.close();
      proxy.close();
    }
  });
});
