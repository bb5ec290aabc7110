// R31 with several processes: a board's connections counted across processes in a real
// redis-server; a process gone without a word stops counting; Redis away locks nobody out.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BoardGuard, type JoinDecision } from '../limits/board-guard.ts';
import { createLogger } from '../log.ts';
import { RedisBus } from './redis-bus.ts';
import { SharedBoardGuard } from './shared-board-guard.ts';
import { startRedis, type TestRedis } from './test-redis.ts';

let redis: TestRedis;
const buses: RedisBus[] = [];
const guards: SharedBoardGuard[] = [];
let lines: string[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());
afterEach(async () => {
  for (const guard of guards.splice(0)) await guard.close();
  for (const bus of buses.splice(0)) await bus.close();
  lines = [];
});

/** One relay process's guard: its own bus (connections, process id) and its own counts. */
async function processGuard(
  max: number,
  options: { livenessMs?: number; joinsPerSecond?: number; joinBurst?: number } = {},
) {
  const log = createLogger('debug', (line) => lines.push(line));
  const bus = await RedisBus.start({ url: redis.url, log });
  buses.push(bus);
  const limits = {
    maxConnectionsPerBoard: max,
    joinsPerSecondPerBoard: options.joinsPerSecond ?? 1_000,
    joinBurstPerBoard: options.joinBurst ?? 1_000,
  };
  const guard = new SharedBoardGuard({
    client: bus.commands,
    processId: bus.instanceId.toString('hex'),
    local: new BoardGuard(limits),
    limits,
    log,
    heartbeatMs: 100,
    ...(options.livenessMs === undefined ? {} : { livenessMs: options.livenessMs }),
  });
  guards.push(guard);
  return { bus, guard };
}

function granted(decision: JoinDecision): () => void {
  if (!decision.ok) throw new Error(`refused: ${decision.code}`);
  return decision.release;
}

describe('SharedBoardGuard', () => {
  it('R31: a board holds CARTON_MAX_CONNECTIONS_PER_BOARD across processes, not per process', async () => {
    const a = await processGuard(3);
    const b = await processGuard(3);
    const leaveA = granted(await a.guard.join('plenary'));
    granted(await a.guard.join('plenary'));
    granted(await b.guard.join('plenary'));
    expect(await b.guard.join('plenary')).toMatchObject({ ok: false, code: 4430 });
    expect(await a.guard.join('plenary')).toMatchObject({ ok: false, code: 4430 });
    // Another board is not crowded.
    granted(await b.guard.join('kamouraska'));
    // A place freed on one process is a place on the other.
    leaveA();
    await a.guard.written();
    granted(await b.guard.join('plenary'));
    expect(await a.guard.join('plenary')).toMatchObject({ ok: false, code: 4430 });
  });

  it('R31: joins per second of a board are one budget across processes', async () => {
    // A slow refill (one join a minute): only the burst of 3 counts here.
    const a = await processGuard(50, { joinsPerSecond: 1 / 60, joinBurst: 3 });
    const b = await processGuard(50, { joinsPerSecond: 1 / 60, joinBurst: 3 });
    granted(await a.guard.join('la-mitis'));
    granted(await a.guard.join('la-mitis'));
    granted(await b.guard.join('la-mitis'));
    // Each process alone has used at most two of its three.
    expect(await b.guard.join('la-mitis')).toMatchObject({ ok: false, code: 4429 });
    expect(await a.guard.join('la-mitis')).toMatchObject({ ok: false, code: 4429 });
    granted(await b.guard.join('les-basques'));
  });

  it('R31: a process gone without a word stops counting once its liveness expires', async () => {
    const gone = await processGuard(3, { livenessMs: 300 });
    const stays = await processGuard(3, { livenessMs: 300 });
    granted(await gone.guard.join('temiscouata'));
    granted(await gone.guard.join('temiscouata'));
    granted(await stays.guard.join('temiscouata'));
    expect(await stays.guard.join('temiscouata')).toMatchObject({ ok: false, code: 4430 });
    // Killed: its connection to Redis drops, its heartbeat stops, nothing is released.
    gone.bus.commands.destroy();
    await new Promise((resolve) => setTimeout(resolve, 700));
    granted(await stays.guard.join('temiscouata'));
    granted(await stays.guard.join('temiscouata'));
    expect(await stays.guard.join('temiscouata')).toMatchObject({ ok: false, code: 4430 });
  });

  it('R31: with Redis away, each process decides with its own count, logged once', async () => {
    const a = await processGuard(2);
    granted(await a.guard.join('rimouski'));
    await redis.kill();
    try {
      granted(await a.guard.join('rimouski'));
      // The process's own limit still holds.
      expect(await a.guard.join('rimouski')).toMatchObject({ ok: false, code: 4430 });
      const warnings = lines.filter((line) => line.includes('"connection_counts_local"'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).not.toMatch(/redis:\/\//);
    } finally {
      await redis.restart();
    }
  });
});
