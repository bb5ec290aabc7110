import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type MemoryNetwork, MemorySocket } from './memory-socket.ts';
import { MAX_REMOTE_PRESENCE, REMOVED_PRESENCE_KEPT_MS, RoomAwareness } from './awareness.ts';
import type { Connection } from './connection.ts';
import { AWARENESS_TICK, CLUSTER_PRESENCE, MESSAGE_AWARENESS } from './protocol.ts';
import type { Relay } from './relay.ts';
import { awarenessMessage, type TestClient } from './test-client.ts';
import { batchWithinOneTurn, RelayTestBed } from './test-relay.ts';

const BOARD = 'board-temiscouata';

let bed: RelayTestBed;
let network: MemoryNetwork;
let relay: Relay;

function client(doc?: Y.Doc): TestClient {
  return bed.client(relay, BOARD, true, doc);
}

/** A doc whose awareness speaks for `clientId` (a forged or reconnecting identity). */
function docWithId(clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  return doc;
}

/** Client ids carried by the awareness frames a client received. */
function awarenessIdsReceived(c: TestClient): number[][] {
  return c.received
    .filter((frame) => frame[0] === MESSAGE_AWARENESS)
    .map((frame) => {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const ids: number[] = [];
      const count = decoding.readVarUint(update);
      for (let i = 0; i < count; i++) {
        ids.push(decoding.readVarUint(update));
        decoding.readVarUint(update);
        decoding.readVarString(update);
      }
      return ids;
    });
}

/** Resolves once `c` sees `clientId` in the given state; rejects after `ms`. */
function stateSeen(c: TestClient, clientId: number, state: unknown, ms = 5_000): Promise<void> {
  const matches = () =>
    JSON.stringify(c.awareness.getStates().get(clientId)) === JSON.stringify(state);
  if (matches()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`state of ${clientId} not seen`)), ms);
    const onChange = () => {
      if (!matches()) return;
      clearTimeout(timer);
      c.awareness.off('change', onChange);
      resolve();
    };
    c.awareness.on('change', onChange);
  });
}

beforeEach(() => {
  batchWithinOneTurn();
  bed = new RelayTestBed('carton-awareness-');
  network = bed.network;
  relay = bed.relay();
});

afterEach(async () => {
  vi.useRealTimers();
  await bed.close();
});

/** Fake timers and performance.now(): a presence's age is measured with it. */
const FAKE_CLOCK: Parameters<typeof vi.useFakeTimers>[0] = {
  toFake: [
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
    'performance',
  ],
};
describe('awareness ownership (R50)', () => {
  it('R50: a connection cannot change the awareness of a client id another connection owns', async () => {
    const victim = client();
    const attacker = client();
    const observer = client();
    victim.awareness.setLocalStateField('user', { name: 'Rimouski-Neigette' });
    attacker.awareness.setLocalStateField('user', { name: 'Les Basques' });
    await network.idle();
    // A forged update for the victim's id, with a newer clock than the victim's.
    const forged = new awarenessProtocol.Awareness(docWithId(victim.doc.clientID));
    for (let i = 0; i < 5; i++) forged.setLocalState({ user: { name: 'Imposteur' }, i });
    attacker.send(
      awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(forged, [victim.doc.clientID])),
    );
    await network.idle();
    forged.destroy();
    expect(observer.awareness.getStates().get(victim.doc.clientID)).toEqual({
      user: { name: 'Rimouski-Neigette' },
    });
    expect(attacker.closeCode).toBeNull();
    // The attacker's own id still works.
    attacker.awareness.setLocalStateField('user', { name: 'La Matanie' });
    await network.idle();
    expect(observer.awareness.getStates().get(attacker.doc.clientID)).toEqual({
      user: { name: 'La Matanie' },
    });
  });

  it('R50: a removal from a connection that owns no id removes nothing', async () => {
    const owner = client();
    const observer = client();
    owner.awareness.setLocalStateField('user', { name: 'Témiscouata' });
    await network.idle();
    // A connection with no state of its own re-sends the owner's id as removed (what the stock
    // client does when a remote state times out on its side).
    const bystander = new MemorySocket(network);
    bystander.client.onMessage = () => {};
    relay.connect(bystander, { boardId: BOARD, role: 'view', canWrite: false });
    const clock = observer.awareness.meta.get(owner.doc.clientID)!.clock;
    const removal = new awarenessProtocol.Awareness(docWithId(owner.doc.clientID));
    removal.setLocalState(null);
    removal.meta.set(owner.doc.clientID, { clock, lastUpdated: 0 });
    bystander.client.send(
      awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(removal, [owner.doc.clientID])),
    );
    await network.idle();
    removal.destroy();
    expect(observer.awareness.getStates().get(owner.doc.clientID)).toEqual({
      user: { name: 'Témiscouata' },
    });
  });

  it('R50: a client reconnecting with its id takes it over; the old connection closing removes nothing', async () => {
    const first = client();
    const observer = client();
    first.awareness.setLocalStateField('user', { name: 'Kamouraska' });
    await network.idle();
    // Same client id on a new connection, while the old one is still open (half-open socket).
    const again = client(docWithId(first.doc.clientID));
    again.awareness.setLocalStateField('user', { name: 'Kamouraska' });
    again.awareness.setLocalStateField('cursor', { x: 12, y: 34 });
    await network.idle();
    expect(observer.awareness.getStates().get(first.doc.clientID)).toEqual({
      user: { name: 'Kamouraska' },
      cursor: { x: 12, y: 34 },
    });
    first.close();
    await network.idle();
    expect(observer.awareness.getStates().get(first.doc.clientID)).toEqual({
      user: { name: 'Kamouraska' },
      cursor: { x: 12, y: 34 },
    });
    again.close();
    await network.idle();
    expect(observer.awareness.getStates().has(first.doc.clientID)).toBe(false);
  });
});

describe('awareness coalescing (R10)', () => {
  it('R10: changes within a tick reach the others as one update with the latest state, never their own', async () => {
    AWARENESS_TICK.ms = 200;
    const mover = client();
    const watcher = client();
    mover.awareness.setLocalStateField('user', { name: 'La Mitis' });
    watcher.awareness.setLocalStateField('user', { name: 'La Matapédia' });
    await stateSeen(watcher, mover.doc.clientID, { user: { name: 'La Mitis' } });
    await stateSeen(mover, watcher.doc.clientID, { user: { name: 'La Matapédia' } });
    const before = awarenessIdsReceived(watcher).length;
    for (let x = 1; x <= 5; x++) mover.awareness.setLocalStateField('cursor', { x, y: 0 });
    await stateSeen(watcher, mover.doc.clientID, {
      user: { name: 'La Mitis' },
      cursor: { x: 5, y: 0 },
    });
    // The first change goes at once (quiet room), the four others in one tick.
    expect(awarenessIdsReceived(watcher).length - before).toBeLessThanOrEqual(2);
    for (const ids of awarenessIdsReceived(mover)) expect(ids).not.toContain(mover.doc.clientID);
  });

  describe('with a 20 ms tick (fake clock)', () => {
    /** Only the tick's setTimeout and its clock are faked: the in-memory network still delivers. */
    async function quietRoom(): Promise<{ mover: TestClient; watcher: TestClient }> {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
      AWARENESS_TICK.ms = 20;
      const mover = client();
      const watcher = client();
      mover.awareness.setLocalStateField('user', { name: 'Kamouraska' });
      watcher.awareness.setLocalStateField('user', { name: 'Témiscouata' });
      await network.idle();
      vi.advanceTimersByTime(100); // any trailing frame goes; then the room is quiet
      await network.idle();
      expect(watcher.awareness.getStates().get(mover.doc.clientID)).toEqual({
        user: { name: 'Kamouraska' },
      });
      return { mover, watcher };
    }

    it('R10: the first change in a quiet room is sent at once, without waiting for the tick', async () => {
      const { mover, watcher } = await quietRoom();
      const before = awarenessIdsReceived(watcher).length;
      mover.awareness.setLocalStateField('cursor', { x: 1, y: 0 });
      await network.idle(); // the fake clock does not move
      expect(awarenessIdsReceived(watcher).slice(before)).toEqual([[mover.doc.clientID]]);
      expect(watcher.awareness.getStates().get(mover.doc.clientID)).toEqual({
        user: { name: 'Kamouraska' },
        cursor: { x: 1, y: 0 },
      });
    });

    it('R10: a burst within a tick becomes one trailing frame at the tick with the latest state, never echoed', async () => {
      const { mover, watcher } = await quietRoom();
      mover.awareness.setLocalStateField('cursor', { x: 1, y: 0 });
      await network.idle();
      const before = awarenessIdsReceived(watcher).length;
      for (let x = 2; x <= 6; x++) {
        mover.awareness.setLocalStateField('cursor', { x, y: 0 });
        watcher.awareness.setLocalStateField('cursor', { x: -x, y: 0 });
      }
      await network.idle();
      // Within the tick that followed the leading frame: nothing more yet.
      expect(awarenessIdsReceived(watcher).length).toBe(before);
      vi.advanceTimersByTime(AWARENESS_TICK.ms);
      await network.idle();
      const trailing = awarenessIdsReceived(watcher).slice(before);
      expect(trailing).toEqual([[mover.doc.clientID]]); // one frame, its own entry left out
      expect(watcher.awareness.getStates().get(mover.doc.clientID)).toEqual({
        user: { name: 'Kamouraska' },
        cursor: { x: 6, y: 0 },
      });
      expect(mover.awareness.getStates().get(watcher.doc.clientID)).toEqual({
        user: { name: 'Témiscouata' },
        cursor: { x: -6, y: 0 },
      });
      for (const ids of awarenessIdsReceived(mover)) expect(ids).not.toContain(mover.doc.clientID);
      for (const ids of awarenessIdsReceived(watcher))
        expect(ids).not.toContain(watcher.doc.clientID);
      // And the room is quiet again one tick later: nothing is left to send.
      const settled = awarenessIdsReceived(watcher).length;
      vi.advanceTimersByTime(100);
      await network.idle();
      expect(awarenessIdsReceived(watcher).length).toBe(settled);
    });
  });
});

/** Another process's awareness update (R66): each id's state at clock 1, or its removal at 2. */
function remoteUpdate(ids: number[], state: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, ids.length);
  for (const id of ids) {
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, state === 'null' ? 2 : 1);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

describe('presence from the bus is bounded (R66)', () => {
  it('a hostile message with more client ids than any forum keeps at most MAX_REMOTE_PRESENCE', async () => {
    // performance.now() too: the ghosts' age is measured with it.
    vi.useFakeTimers(FAKE_CLOCK);
    const room = new RoomAwareness({ connections: () => [] }, AWARENESS_TICK.ms);
    try {
      await vi.advanceTimersByTimeAsync(1_000); // a remote state's time is never 0 (local)
      const ids = Array.from({ length: MAX_REMOTE_PRESENCE + 500 }, (_, i) => i + 1);
      room.applyRemote(remoteUpdate(ids, '{"user":{"name":"Rimouski"}}'));
      expect(room.size).toBe(MAX_REMOTE_PRESENCE);
      // Removals (and the ghosts' expiry) are forgotten after the timeout: room for new ids.
      room.applyRemote(remoteUpdate(ids.slice(0, 100), 'null'));
      await vi.advanceTimersByTimeAsync(
        CLUSTER_PRESENCE.timeoutMs * 2 + CLUSTER_PRESENCE.sweepMs * 2,
      );
      expect(room.size).toBe(0);
      room.applyRemote(remoteUpdate([MAX_REMOTE_PRESENCE + 1_000], '{"user":{"name":"Matane"}}'));
      expect(room.size).toBe(1);
    } finally {
      room.dispose();
      vi.useRealTimers();
    }
  });
});

describe('presence of clients that left is forgotten (R11)', () => {
  /** One awareness entry for `clientId` at `clock`, as a client sends it. */
  function ownUpdate(clientId: number, clock: number, state: string): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
    return encoding.toUint8Array(encoder);
  }

  it('a room open all day keeps no trace of the phones that came and went', async () => {
    vi.useFakeTimers(FAKE_CLOCK);
    const projector = { send: () => {} } as unknown as Connection;
    const room = new RoomAwareness({ connections: () => [projector] }, AWARENESS_TICK.ms);
    try {
      room.apply(projector, ownUpdate(1, 1, '{"user":{"name":"Projecteur"}}'));
      // Phones lock, tabs reload: each comes back with a new client id.
      for (let id = 100; id < 400; id++) {
        const phone = { send: () => {} } as unknown as Connection;
        room.apply(phone, ownUpdate(id, 1, '{"cursor":{"x":10,"y":20}}'));
        room.leave(phone);
        if (id % 3 === 0) await vi.advanceTimersByTimeAsync(1_000);
      }
      expect(room.size).toBe(1);
      // Right after they left, their removals are still remembered: a stale copy stays stale.
      const late = { send: () => {} } as unknown as Connection;
      room.apply(late, ownUpdate(399, 1, '{"cursor":{"x":10,"y":20}}'));
      expect(room.size).toBe(1);
      await vi.advanceTimersByTimeAsync(REMOVED_PRESENCE_KEPT_MS + CLUSTER_PRESENCE.sweepMs * 2);
      // The projector, still there, stays; the phones are forgotten.
      expect(room.size).toBe(1);
      expect(room.remembered).toBe(1);
    } finally {
      room.dispose();
      vi.useRealTimers();
    }
  });

  it('R66: the phones of another process that left are forgotten too, once they were the last', async () => {
    vi.useFakeTimers(FAKE_CLOCK);
    // The plenary's projector on this process; every participant on the other one.
    const projector = { send: () => {} } as unknown as Connection;
    const room = new RoomAwareness({ connections: () => [projector] }, AWARENESS_TICK.ms, () => {});
    try {
      await vi.advanceTimersByTimeAsync(1_000); // a remote state's time is never 0 (local)
      for (let id = 100; id < 400; id++) {
        room.applyRemote(remoteUpdate([id], '{"cursor":{"x":10,"y":20}}'));
        room.applyRemote(remoteUpdate([id], 'null'));
        if (id % 3 === 0) await vi.advanceTimersByTimeAsync(1_000);
      }
      expect(room.size).toBe(0);
      // The break: nobody else comes. Their removals, kept for stale copies, go all the same.
      await vi.advanceTimersByTimeAsync(CLUSTER_PRESENCE.timeoutMs + CLUSTER_PRESENCE.sweepMs * 2);
      expect(room.remembered).toBe(0);
    } finally {
      room.dispose();
      vi.useRealTimers();
    }
  });
});
