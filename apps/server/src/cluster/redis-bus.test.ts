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

function captureLog(): Logger {
  return createLogger('debug', (line) => lines.push(line));
}

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
  const until = (what: string, done: () => boolean, timeoutMs = 5_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      const check = () => {
        if (done()) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(check);
      };
      check();
    });
  return { seen, handlers, until };
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
    // A's publisher came back: B is asked to read what A could not publish.
    await onB.until('B to be asked', () => onB.seen.some(resynced('requested')), RECONNECTED_MS);
    expect(onB.seen.some((e) => e.kind === 'update')).toBe(false);
    expect(a.metrics.unpublished).toBeGreaterThanOrEqual(50);
    await a.close();
    await b.close();
    const log = lines.join('\n');
    expect(log).not.toContain(PASSWORD);
    const downs = lines.filter((line) => line.includes('"bus_down"'));
    // One per bus (A and B), not one per failed message or reconnection attempt.
    expect(downs.length).toBe(2);
    expect(lines.filter((line) => line.includes('"bus_up"')).length).toBe(2);
    // After the outage the bus works again.
    const c = await bus();
    const d = await bus();
    const onD = recorder();
    const channelC = c.join('board-rimouski', recorder().handlers);
    await Promise.all([channelC.ready, d.join('board-rimouski', onD.handlers).ready]);
    channelC.publishUpdate(Uint8Array.from([77]));
    await onD.until('the update after restart', () => onD.seen.length === 1);
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
      expect(lines.filter((line) => line.includes('"bus_down"')).length).toBe(1);
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
    expect(lines.filter((line) => line.includes('"bus_down"')).length).toBe(1);
  });

  it('R67: a connection dropped silently (no error, no answer) is noticed; the room resyncs and hears again', async () => {
    const proxy = await blackholeProxy(redis.port);
    try {
      const viaProxy = new URL(redis.url);
      viaProxy.port = String(proxy.port);
      const a = await bus({ url: viaProxy.toString(), pingIntervalMs: 100, socketTimeoutMs: 500 });
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
