// R29's trailing edge through the relay, over the in-memory transport: presence held back by the
// 20 Hz budget still reaches the others once the budget allows, and a close forgets it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../log.ts';
import type { Connection } from '../relay/connection.ts';
import type { MemoryNetwork } from '../relay/memory-socket.ts';
import { AWARENESS_TICK } from '../relay/protocol.ts';
import type { AdmitMessage, Relay } from '../relay/relay.ts';
import type { TestClient } from '../relay/test-client.ts';
import { RelayTestBed } from '../relay/test-relay.ts';
import { createHeldPresenceMetrics, HeldPresence } from './held-presence.ts';
import { createMessageAdmission, type MessageLimits } from './message-limits.ts';
import { TokenBucket } from './token-bucket.ts';

const BOARD = 'board-la-matanie';

const LIMITS: MessageLimits = {
  updatesPerSecond: 150,
  updateBurst: 300,
  maxUpdateBytes: 1 << 20,
  maxSyncBytes: 1 << 23,
  awarenessPerSecond: 20,
  awarenessBurst: 2,
  maxAwarenessBytes: 64 * 1024,
  stateRequestsPerMinute: 6,
  stateRequestBurst: 3,
  maxBoardBytes: 1 << 24,
};

let bed: RelayTestBed;
let network: MemoryNetwork;
let relay: Relay;
/** Connections the relay told the admission about when they closed. */
let forgotten: Connection[];

beforeEach(() => {
  // Only the clock and its timeouts are faked: the in-memory network still delivers.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  AWARENESS_TICK.ms = 20;
  bed = new RelayTestBed('carton-held-presence-');
  network = bed.network;
  const admission = createMessageAdmission(LIMITS, () => 0, silentLogger);
  const admitMessage: AdmitMessage = (connection, data, deliver) =>
    admission(connection, data, deliver);
  // This relay's own list: the previous test's relay closes its sockets during this one.
  const closed: Connection[] = [];
  admitMessage.forget = (connection) => {
    closed.push(connection);
    admission.forget?.(connection);
  };
  forgotten = closed;
  relay = bed.relay({ admitMessage });
});
afterEach(async () => {
  vi.useRealTimers();
  await bed.close();
});

/** Two people on the board who know each other, the budget full again. */
async function twoPeople(): Promise<{ mover: TestClient; watcher: TestClient }> {
  const mover = bed.client(relay, BOARD);
  const watcher = bed.client(relay, BOARD);
  mover.awareness.setLocalStateField('user', { name: 'Matane' });
  watcher.awareness.setLocalStateField('user', { name: 'Amqui' });
  await network.idle();
  await settle(1_000);
  expect(watcher.awareness.getStates().get(mover.doc.clientID)).toEqual({
    user: { name: 'Matane' },
  });
  return { mover, watcher };
}

/** Moves the fake clock and lets the network deliver what that sent. */
async function settle(ms: number): Promise<void> {
  vi.advanceTimersByTime(ms);
  await network.idle();
}

describe('R29: presence past the budget arrives late, not never', () => {
  it('a burst past the budget, then silence: the others end with its last state one token later', async () => {
    const { mover, watcher } = await twoPeople();
    // Six moves at once over 20/s with a burst of 2: four wait, only the newest is kept.
    for (let x = 1; x <= 6; x++) mover.awareness.setLocalStateField('cursor', { x, y: 0 });
    await network.idle();
    await settle(AWARENESS_TICK.ms); // the room's tick (R10): the two admitted moves
    expect(watcher.awareness.getStates().get(mover.doc.clientID)).toMatchObject({
      cursor: { x: 2 },
    });
    // One token is back 50 ms after the burst: the last move goes (the room is quiet, R10).
    await settle(50 - AWARENESS_TICK.ms);
    expect(watcher.awareness.getStates().get(mover.doc.clientID)).toEqual({
      user: { name: 'Matane' },
      cursor: { x: 6, y: 0 },
    });
    expect(mover.connected).toBe(true);
  });

  it('a connection that closes is forgotten: its kept frame and timer go with it', async () => {
    const { mover, watcher } = await twoPeople();
    for (let x = 1; x <= 6; x++) mover.awareness.setLocalStateField('cursor', { x, y: 0 });
    await network.idle();
    mover.close();
    await network.idle();
    expect(forgotten).toHaveLength(1);
    await settle(1_000);
    // The watcher saw the mover leave, and nothing of it after.
    expect(watcher.awareness.getStates().has(mover.doc.clientID)).toBe(false);
  });
});

describe('the kept frame', () => {
  it('is a copy of the bytes held, also when they come as a Node Buffer', () => {
    // ws hands frames as Buffers, whose slice() is a view: had it been kept, a reuse of the
    // socket's bytes would have changed the presence sent later.
    const budget = new TokenBucket(20, 1, performance.now());
    budget.take(1, performance.now());
    const held = new HeldPresence(budget, createHeldPresenceMetrics());
    const delivered: Uint8Array[] = [];
    const frame = Buffer.from([1, 2, 3, 4]);
    held.hold(frame, (data) => delivered.push(data), performance.now());
    frame.fill(9);
    vi.advanceTimersByTime(100);
    expect(delivered.map((data) => [...data])).toEqual([[1, 2, 3, 4]]);
  });
});
