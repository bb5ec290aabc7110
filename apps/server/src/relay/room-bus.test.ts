// The room's hooks for several relay processes (R63–R67): two relays on one SQLite storage,
// joined by the in-memory bus, each with its own clients over the in-memory network.
import type * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log.ts';
import { AutoVersionStorage } from '../storage/auto-versions.ts';
import type { BoardStorage, StoredBoard } from '../storage/board-storage.ts';
import { withStoredDoc } from '../storage/stored-doc.ts';
import { MemoryBusHub, type MemoryBus } from './memory-bus.ts';
import { CLUSTER_PRESENCE } from './protocol.ts';
import type { Relay, RelayOptions } from './relay.ts';
import { batchWithinOneTurn, RelayTestBed } from './test-relay.ts';

const BOARD = 'board-temiscouata';

let bed: RelayTestBed;
let hub: MemoryBusHub;

beforeEach(() => {
  batchWithinOneTurn();
  bed = new RelayTestBed('carton-bus-');
  hub = new MemoryBusHub(bed.network);
});

afterEach(async () => {
  Object.assign(CLUSTER_PRESENCE, { timeoutMs: 30_000, sweepMs: 5_000 });
  await bed.close();
});

function relayOnBus(overrides: Partial<RelayOptions> = {}): { relay: Relay; bus: MemoryBus } {
  const bus = hub.bus();
  return { relay: bed.relay({ bus, ...overrides }), bus };
}

function write(doc: Y.Doc, key: string, text: string): void {
  doc.getMap('notes').set(key, text);
}

function read(doc: Y.Doc, key: string): unknown {
  return doc.getMap('notes').get(key);
}

async function stored(storage: BoardStorage = bed.storage): Promise<Record<string, unknown>> {
  return withStoredDoc(storage, BOARD, (doc) => doc.getMap('notes').toJSON());
}

describe('several relays on one bus', () => {
  it('R63: an update crosses to the other relay’s clients and is stored once', async () => {
    const one = relayOnBus();
    const two = relayOnBus();
    const writer = bed.client(one.relay, BOARD);
    const reader = bed.client(two.relay, BOARD);
    await bed.network.idle();
    write(writer.doc, 'n1', 'Conditions présentes');
    await bed.network.idle();
    expect(read(reader.doc, 'n1')).toBe('Conditions présentes');
    write(reader.doc, 'n2', 'Conditions souhaitées');
    await bed.network.idle();
    expect(read(writer.doc, 'n2')).toBe('Conditions souhaitées');
    // Each update appended by the relay that received it, never again by the other.
    const board: StoredBoard = bed.storage.load(BOARD);
    expect(board.updates.length).toBe(2);
    expect(await stored()).toEqual({ n1: 'Conditions présentes', n2: 'Conditions souhaitées' });
  });

  it('R64: an update published while the other room reads storage is applied after the load', async () => {
    const one = relayOnBus();
    // Storage read at once, answered later: an append after the read is not in its answer.
    let answer: () => void = () => {};
    const slow: BoardStorage = {
      load: (boardId) => {
        const snapshot = bed.storage.load(boardId);
        return new Promise((resolve) => (answer = () => resolve(snapshot)));
      },
      append: (boardId, update) => bed.storage.append(boardId, update),
      compact: (boardId, snapshot, upToSeq) => bed.storage.compact(boardId, snapshot, upToSeq),
      saveSnapshot: (boardId, state, options) => bed.storage.saveSnapshot(boardId, state, options),
      listSnapshots: (boardId) => bed.storage.listSnapshots(boardId),
      getSnapshot: (boardId, id) => bed.storage.getSnapshot(boardId, id),
      close: () => {},
    };
    const two = relayOnBus({ storage: slow });
    const writer = bed.client(one.relay, BOARD);
    await bed.network.idle();
    const reader = bed.client(two.relay, BOARD);
    await new Promise((resolve) => setImmediate(resolve));
    write(writer.doc, 'n1', 'Pendant le chargement');
    await bed.network.idle();
    expect(two.relay.isLoaded(BOARD)).toBe(false);
    answer();
    await bed.network.idle();
    expect(read(reader.doc, 'n1')).toBe('Pendant le chargement');
  });

  it('R65: both relays compact while an update is in flight — storage keeps it', async () => {
    const one = relayOnBus({ compactUpdates: 1 });
    const two = relayOnBus({ compactUpdates: 1 });
    const onOne = bed.client(one.relay, BOARD);
    const onTwo = bed.client(two.relay, BOARD);
    await bed.network.idle();
    hub.hold();
    write(onTwo.doc, 'u', 'Accès aux services');
    await bed.network.idle();
    write(onOne.doc, 'v', 'Mobilisation');
    await bed.network.idle();
    // Compaction runs on the turn after the append (R7), then sends what it merged.
    await new Promise((resolve) => setImmediate(resolve));
    await bed.network.idle();
    // One compacted after two: had it kept only its own doc, 'u' would be gone from storage.
    expect(await stored()).toEqual({ u: 'Accès aux services', v: 'Mobilisation' });
    // …and its clients got 'u' from storage before the bus delivered it.
    expect(read(onOne.doc, 'u')).toBe('Accès aux services');
    hub.release();
    await bed.network.idle();
    expect(read(onTwo.doc, 'v')).toBe('Mobilisation');
    expect(await stored()).toEqual({ u: 'Accès aux services', v: 'Mobilisation' });
  });

  it('R67: updates lost while the bus was down arrive once it is back', async () => {
    const one = relayOnBus();
    const two = relayOnBus();
    const onOne = bed.client(one.relay, BOARD);
    const onTwo = bed.client(two.relay, BOARD);
    await bed.network.idle();
    hub.outage();
    write(onOne.doc, 'a', 'Pendant la panne');
    write(onTwo.doc, 'b', 'De l’autre côté');
    await bed.network.idle();
    expect(read(onTwo.doc, 'a')).toBeUndefined();
    hub.restore();
    await bed.network.idle();
    expect(read(onTwo.doc, 'a')).toBe('Pendant la panne');
    expect(read(onOne.doc, 'b')).toBe('De l’autre côté');
  });

  it('R66: presence crosses both ways; a closed client’s removal crosses too', async () => {
    const one = relayOnBus();
    const two = relayOnBus();
    const here = bed.client(one.relay, BOARD);
    const there = bed.client(two.relay, BOARD);
    await bed.network.idle();
    here.awareness.setLocalStateField('user', { name: 'Kamouraska' });
    there.awareness.setLocalStateField('user', { name: 'Les Basques' });
    await bed.network.idle();
    expect(there.awareness.getStates().get(here.doc.clientID)).toEqual({
      user: { name: 'Kamouraska' },
    });
    expect(here.awareness.getStates().get(there.doc.clientID)).toEqual({
      user: { name: 'Les Basques' },
    });
    // A joiner on the second relay is greeted with the first relay's client.
    const joiner = bed.client(two.relay, BOARD);
    await bed.network.idle();
    expect(joiner.awareness.getStates().has(here.doc.clientID)).toBe(true);
    here.close();
    await bed.network.idle();
    expect(there.awareness.getStates().has(here.doc.clientID)).toBe(false);
    expect(joiner.awareness.getStates().has(here.doc.clientID)).toBe(false);
  });

  it('R66: a relay that dies silently leaves a ghost that expires on the other', async () => {
    Object.assign(CLUSTER_PRESENCE, { timeoutMs: 30, sweepMs: 10 });
    const one = relayOnBus();
    const two = relayOnBus();
    const doomed = bed.client(one.relay, BOARD);
    const there = bed.client(two.relay, BOARD);
    await bed.network.idle();
    doomed.awareness.setLocalStateField('user', { name: 'Borne' });
    await bed.network.idle();
    expect(there.awareness.getStates().has(doomed.doc.clientID)).toBe(true);
    hub.detach(one.bus);
    const gone = new Promise<void>((resolve) => {
      const check = () => {
        if (there.awareness.getStates().has(doomed.doc.clientID)) return;
        there.awareness.off('change', check);
        resolve();
      };
      there.awareness.on('change', check);
    });
    await gone;
    expect(two.relay.roomCount).toBe(1);
  });

  it('R38, R63: two relays with the board loaded keep one auto version, not one each', async () => {
    // Each process wraps the shared storage in its own AutoVersionStorage (as server.ts does).
    const versionsOf = () =>
      new AutoVersionStorage(bed.storage, { intervalMs: 600_000, log: silentLogger, shared: true });
    const autoOne = versionsOf();
    const autoTwo = versionsOf();
    const one = relayOnBus({ storage: autoOne });
    const two = relayOnBus({ storage: autoTwo });
    const left = bed.client(one.relay, BOARD);
    const right = bed.client(two.relay, BOARD);
    await bed.network.idle();
    write(left.doc, 'n1', 'Les incontournables');
    await bed.network.idle();
    // Relay one's timer fires first, then, after another edit, relay two's.
    await autoOne.keepVersion(BOARD);
    write(right.doc, 'n2', 'Cartes postales');
    await bed.network.idle();
    await autoTwo.keepVersion(BOARD);
    expect((await bed.storage.listSnapshots(BOARD)).map((v) => v.kind)).toEqual(['auto']);
    // Both rooms unload with the same content: one more version (R8), not two.
    await one.relay.close();
    await two.relay.close();
    const versions = bed.storage.listSnapshots(BOARD);
    expect(versions.map((v) => v.kind)).toEqual(['auto', 'auto']);
    const last = bed.storage.getSnapshot(BOARD, versions[1]!.id);
    expect(last).not.toBeNull();
    expect(await stored()).toEqual({ n1: 'Les incontournables', n2: 'Cartes postales' });
  });

  it('R64: a room that unloads leaves its channel', async () => {
    const one = relayOnBus({ roomUnloadMs: 0 });
    const client = bed.client(one.relay, BOARD);
    await bed.network.idle();
    expect(one.bus.subscribedRooms).toEqual([BOARD]);
    client.close();
    await bed.network.idle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(one.relay.roomCount).toBe(0);
    expect(one.bus.subscribedRooms).toEqual([]);
  });

  it('R67: closeWhere tells the other relays that access changed; their own check does not', async () => {
    const one = relayOnBus();
    const two = relayOnBus();
    one.relay.closeWhere(() => false, 4403, 'lien révoqué');
    two.relay.closeWhere(() => false, 4403, 'vérifié', { announce: false });
    await bed.network.idle();
    expect(two.bus.accessChanges).toEqual([[4403, 'lien révoqué']]);
    expect(one.bus.accessChanges).toEqual([]);
  });
});
