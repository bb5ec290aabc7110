import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardStorage, StoredBoard } from '../storage/board-storage.ts';
import type { SqliteBoardStorage } from '../storage/sqlite-board-storage.ts';
import type { MemoryNetwork } from './memory-socket.ts';
import { CloseCode, KEEPALIVE_FRAME } from './protocol.ts';
import type { Relay, RelayOptions } from './relay.ts';
import { awarenessMessage, type TestClient } from './test-client.ts';
import { batchWithinOneTurn, RelayTestBed } from './test-relay.ts';

const BOARD = 'board-kamouraska';

/** A root-level map: the relay is indifferent to the board layout, and roots never conflict. */
function noteMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>('notes');
}

function addNote(doc: Y.Doc, id: string, text: string): void {
  doc.transact(() => {
    const note = new Y.Map<unknown>();
    note.set('type', 'note');
    note.set('text', text);
    note.set('x', 0);
    note.set('y', 0);
    noteMap(doc).set(id, note);
  });
}

function noteText(doc: Y.Doc, id: string): unknown {
  return noteMap(doc).get(id)?.get('text');
}

function stateOf(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc);
}

let bed: RelayTestBed;
let storage: SqliteBoardStorage;
let network: MemoryNetwork;

function relayWith(overrides: Partial<RelayOptions> = {}): Relay {
  return bed.relay(overrides);
}

function client(relay: Relay, boardId = BOARD, canWrite = true): TestClient {
  return bed.client(relay, boardId, canWrite);
}

beforeEach(() => {
  batchWithinOneTurn();
  bed = new RelayTestBed('carton-relay-');
  storage = bed.storage;
  network = bed.network;
});

afterEach(async () => {
  await bed.close();
});

describe('relay protocol', () => {
  it('R1, R3: a joining client receives the stored board', async () => {
    const seed = new Y.Doc();
    addNote(seed, 'shape:kamouraska', 'Transport collectif');
    storage.append(BOARD, stateOf(seed));
    const relay = relayWith();
    const a = client(relay);
    await network.idle();
    expect(a.synced).toBe(true);
    expect(noteText(a.doc, 'shape:kamouraska')).toBe('Transport collectif');
  });

  it('R4: two clients converge, and an update is not echoed to its sender', async () => {
    const relay = relayWith();
    const a = client(relay);
    const b = client(relay);
    await network.idle();
    const receivedBefore = a.received.length;
    addNote(a.doc, 'shape:a', 'Logement abordable');
    await network.idle();
    expect(noteText(b.doc, 'shape:a')).toBe('Logement abordable');
    expect(a.received.length).toBe(receivedBefore);
    addNote(b.doc, 'shape:b', 'Sécurité alimentaire');
    (noteMap(a.doc).get('shape:a') as Y.Map<unknown>).set('x', 120);
    await network.idle();
    expect(stateOf(a.doc)).toEqual(stateOf(b.doc));
    expect(noteMap(b.doc).get('shape:a')?.get('x')).toBe(120);
  });

  it('R4: one broadcast sends the same bytes to every receiver', async () => {
    const relay = relayWith();
    const a = client(relay);
    const b = client(relay);
    const c = client(relay);
    await network.idle();
    const [nb, nc] = [b.received.length, c.received.length];
    addNote(a.doc, 'shape:a', 'Mobilisation');
    await network.idle();
    expect(b.received[nb]).toBe(c.received[nc]);
  });

  it('R5: an update is stored before any other client receives it', async () => {
    const events: string[] = [];
    const spying: BoardStorage = {
      load: (id) => storage.load(id),
      append: (id, update) => {
        events.push('append');
        return storage.append(id, update);
      },
      compact: (id, snapshot, seq) => storage.compact(id, snapshot, seq),
      saveSnapshot: (id, state, options) => storage.saveSnapshot(id, state, options),
      listSnapshots: (id) => storage.listSnapshots(id),
      getSnapshot: (id, snapshotId) => storage.getSnapshot(id, snapshotId),
      close: () => {},
    };
    const relay = relayWith({ storage: spying });
    const a = client(relay);
    const b = client(relay);
    await network.idle();
    const send = b.socket.send.bind(b.socket);
    b.socket.send = (data) => {
      events.push('sent');
      send(data);
    };
    addNote(a.doc, 'shape:a', 'Participation citoyenne');
    await network.idle();
    expect(events).toEqual(['append', 'sent']);
    const stored = new Y.Doc();
    const { updates } = storage.load(BOARD);
    for (const update of updates) Y.applyUpdate(stored, update);
    expect(noteText(stored, 'shape:a')).toBe('Participation citoyenne');
  });

  it('R2: nothing is answered before the stored state is loaded; queued messages are kept', async () => {
    const seed = new Y.Doc();
    addNote(seed, 'shape:seed', 'Conditions présentes');
    storage.append(BOARD, stateOf(seed));
    const { storage: slow, release, gate } = gatedLoad();
    const relay = relayWith({ storage: slow });
    const a = client(relay);
    addNote(a.doc, 'shape:early', 'Conditions souhaitées');
    await network.idle();
    expect(a.received.length).toBe(0);
    release();
    await gate;
    await network.idle();
    await network.idle();
    expect(noteText(a.doc, 'shape:seed')).toBe('Conditions présentes');
    const b = client(relay);
    await network.idle();
    expect(noteText(b.doc, 'shape:early')).toBe('Conditions souhaitées');
    expect(noteText(b.doc, 'shape:seed')).toBe('Conditions présentes');
  });

  it('R2: a writer that leaves while the board loads still has its sent updates applied', async () => {
    const { storage: slow, release, gate } = gatedLoad();
    const relay = relayWith({ storage: slow });
    const a = client(relay);
    addNote(a.doc, 'shape:early', 'Transport collectif');
    await network.idle();
    // The phone's wifi drops (or the tab closes) before the stored state is read.
    a.close();
    await network.idle();
    release();
    await gate;
    await network.idle();
    const b = client(relay);
    await network.idle();
    expect(noteText(b.doc, 'shape:early')).toBe('Transport collectif');
    await relay.close();
    const stored = new Y.Doc();
    const { snapshot, updates } = storage.load(BOARD);
    for (const update of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(stored, update);
    expect(noteText(stored, 'shape:early')).toBe('Transport collectif');
  });

  it('R6: with asynchronous storage, broadcasts keep their order', async () => {
    const slowAppend: BoardStorage = {
      ...storageMethods(),
      append: (id, update) =>
        new Promise<number>((resolve) => setTimeout(() => resolve(storage.append(id, update)), 5)),
    };
    const relay = relayWith({ storage: slowAppend });
    const a = client(relay);
    const b = client(relay);
    await network.idle();
    const seen: string[] = [];
    b.doc.getArray<string>('log').observe((event) => {
      for (const delta of event.changes.delta)
        if (delta.insert) seen.push(...(delta.insert as string[]));
    });
    const done = new Promise<void>((resolve) => {
      b.doc.getArray<string>('log').observe(() => {
        if (b.doc.getArray('log').length === 3) resolve();
      });
    });
    a.doc.getArray<string>('log').push(['un']);
    a.doc.getArray<string>('log').push(['deux']);
    a.doc.getArray<string>('log').push(['trois']);
    await done;
    expect(seen).toEqual(['un', 'deux', 'trois']);
  });

  it('R6: a failed append closes the room with STORAGE_FAILURE, nothing is broadcast', async () => {
    const failing: BoardStorage = {
      ...storageMethods(),
      append: () => {
        throw new Error('disk full');
      },
    };
    const relay = relayWith({ storage: failing });
    const a = client(relay);
    const b = client(relay);
    await network.idle();
    addNote(a.doc, 'shape:lost', 'Jamais stockée');
    await network.idle();
    expect(a.closeCode).toBe(CloseCode.STORAGE_FAILURE);
    expect(b.closeCode).toBe(CloseCode.STORAGE_FAILURE);
    expect(noteText(b.doc, 'shape:lost')).toBeUndefined();
    expect(relay.metrics.storageFailures).toBe(1);
  });
});

describe('relay access and robustness', () => {
  it('R9: a read-only connection cannot write, but reads and sends awareness', async () => {
    const relay = relayWith();
    const editor = client(relay);
    const viewer = client(relay, BOARD, false);
    await network.idle();
    addNote(viewer.doc, 'shape:intrus', 'Ne doit pas passer');
    await network.idle();
    expect(noteText(editor.doc, 'shape:intrus')).toBeUndefined();
    expect(relay.metrics.viewUpdatesDropped).toBe(1);
    expect(viewer.closeCode).toBeNull();
    addNote(editor.doc, 'shape:ok', 'Transport');
    viewer.awareness.setLocalStateField('user', { name: 'Observatrice' });
    await network.idle();
    expect(noteText(viewer.doc, 'shape:ok')).toBe('Transport');
    expect(editor.awareness.getStates().get(viewer.doc.clientID)).toEqual({
      user: { name: 'Observatrice' },
    });
    await relay.withBoardDoc(BOARD, (doc) => {
      expect(noteText(doc, 'shape:intrus')).toBeUndefined();
    });
    const stored = new Y.Doc();
    for (const update of storage.load(BOARD).updates) Y.applyUpdate(stored, update);
    expect(noteText(stored, 'shape:intrus')).toBeUndefined();
  });

  it('R10, R11: awareness goes to the others only, and its removal follows a disconnect', async () => {
    const relay = relayWith();
    const a = client(relay);
    const b = client(relay);
    await network.idle();
    const before = a.received.length;
    a.awareness.setLocalStateField('user', { name: 'Rimouski' });
    await network.idle();
    expect(a.received.length).toBe(before);
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'Rimouski' } });
    a.close();
    await network.idle();
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false);
  });

  it('R3: query awareness is answered with every known state', async () => {
    const relay = relayWith();
    const a = client(relay);
    const b = client(relay);
    await network.idle();
    a.awareness.setLocalStateField('user', { name: 'La Mitis' });
    await network.idle();
    const late = client(relay);
    await network.idle();
    expect(late.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'La Mitis' } });
    const count = b.received.length;
    b.queryAwareness();
    await network.idle();
    expect(b.received.length).toBe(count + 1);
  });

  it.each([
    ['garbage', Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff)],
    ['unknown message type', Uint8Array.of(7, 1, 2)],
    ['truncated sync update', Uint8Array.of(0, 2, 50, 1, 2, 3)],
    ['trailing bytes', Uint8Array.of(3, 9)],
    ['undecodable Yjs update', Uint8Array.of(0, 2, 4, 0xff, 0xff, 0xff, 0xff)],
    ['bad awareness JSON', awarenessMessage(Uint8Array.of(1, 5, 1, 3, 123, 123, 123))],
  ])('R12: %s closes that connection only (4400)', async (_name, frame) => {
    const relay = relayWith();
    const bad = client(relay);
    const good = client(relay);
    const other = client(relay, 'board-rimouski');
    await network.idle();
    bad.send(frame);
    await network.idle();
    expect(bad.closeCode).toBe(CloseCode.MALFORMED_MESSAGE);
    expect(relay.metrics.malformedMessages).toBe(1);
    addNote(good.doc, 'shape:after', 'Toujours là');
    const peer = client(relay);
    await network.idle();
    expect(good.closeCode).toBeNull();
    expect(other.closeCode).toBeNull();
    expect(noteText(peer.doc, 'shape:after')).toBe('Toujours là');
  });

  it('R12: a text frame closes with 1003', async () => {
    const relay = relayWith();
    const a = client(relay);
    await network.idle();
    a.send(new TextEncoder().encode('bonjour'), false);
    await network.idle();
    expect(a.closeCode).toBe(CloseCode.UNSUPPORTED_DATA);
  });

  it('R13: a receiver that cannot keep up is closed so it resyncs', async () => {
    const relay = relayWith({ maxBufferedBytes: 64 * 1024 });
    const writer = client(relay);
    const slow = client(relay);
    await network.idle();
    slow.socket.stalled = true;
    addNote(writer.doc, 'shape:big', 'x'.repeat(100 * 1024));
    await network.idle();
    expect(slow.closeCode).toBe(CloseCode.SLOW_CONSUMER);
    expect(writer.closeCode).toBeNull();
    expect(relay.metrics.slowConsumersClosed).toBe(1);
  });

  it('R13: joining a board larger than the bound is not a slow consumer', async () => {
    const seed = new Y.Doc();
    addNote(seed, 'shape:big', 'z'.repeat(200 * 1024));
    storage.append(BOARD, stateOf(seed));
    const relay = relayWith({ maxBufferedBytes: 64 * 1024 });
    const writer = client(relay);
    await network.idle();
    const slow = client(relay);
    slow.socket.stalled = true;
    await network.idle();
    expect(slow.closeCode).toBeNull();
    addNote(writer.doc, 'shape:more', 'w'.repeat(100 * 1024));
    await network.idle();
    expect(slow.closeCode).toBe(CloseCode.SLOW_CONSUMER);
  });

  it('R16: the admission hook can refuse messages', async () => {
    const relay = relayWith({ admitMessage: (_c, data) => data.byteLength < 1000 });
    const a = client(relay);
    await network.idle();
    addNote(a.doc, 'shape:long', 'y'.repeat(2000));
    await network.idle();
    expect(a.closeCode).toBe(CloseCode.RATE_LIMITED);
  });

  it('R15: an idle connection gets a keepalive frame', async () => {
    const relay = relayWith({ keepaliveMs: 100 });
    const a = client(relay);
    await network.idle();
    const arrived = new Promise<Uint8Array>((resolve) => {
      const previous = a.socket.client.onMessage;
      a.socket.client.onMessage = (data) => {
        previous(data);
        if (data.length === 3) resolve(data);
      };
    });
    expect(await arrived).toEqual(KEEPALIVE_FRAME);
  });
});

describe('relay rooms and storage', () => {
  it('R7: the log is compacted into a snapshot after N updates', async () => {
    const relay = relayWith({ compactUpdates: 3 });
    const a = client(relay);
    await network.idle();
    for (const territory of ['Kamouraska', 'Les Basques', 'La Matanie', 'Témiscouata']) {
      addNote(a.doc, `shape:${territory}`, territory);
    }
    await network.idle();
    // Compaction runs in a setImmediate after the message that crossed the threshold.
    await new Promise((resolve) => setImmediate(resolve));
    const stored = storage.load(BOARD);
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates.length).toBeLessThan(3);
    expect(relay.metrics.compactions).toBeGreaterThanOrEqual(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates([stored.snapshot!, ...stored.updates]));
    expect(noteText(doc, 'shape:La Matanie')).toBe('La Matanie');
  });

  it('R8: a room unloads after its last client left, flushed, and reloads intact', async () => {
    const relay = relayWith({ roomUnloadMs: 10 });
    const a = client(relay);
    await network.idle();
    addNote(a.doc, 'shape:a', 'Rivière-du-Loup');
    await network.idle();
    expect(relay.isLoaded(BOARD)).toBe(true);
    a.close();
    await network.idle();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await relay.withBoardDoc(BOARD, () => {});
    expect(relay.roomCount).toBe(0);
    const stored = storage.load(BOARD);
    expect(stored.updates).toHaveLength(0);
    expect(stored.snapshot).not.toBeNull();
    expect(storage.listSnapshots(BOARD).map((s) => s.kind)).toEqual(['auto']);
    const b = client(relay);
    await network.idle();
    expect(noteText(b.doc, 'shape:a')).toBe('Rivière-du-Loup');
  });

  it('R8: closing the relay flushes every room', async () => {
    const relay = relayWith();
    const a = client(relay);
    await network.idle();
    addNote(a.doc, 'shape:a', 'La Matapédia');
    await network.idle();
    await relay.close();
    expect(a.closeCode).toBe(CloseCode.GOING_AWAY);
    expect(storage.load(BOARD).updates).toHaveLength(0);
  });

  it('R19: export reads the live doc, or storage when unloaded', async () => {
    const seed = new Y.Doc();
    addNote(seed, 'shape:s', 'Incontournable');
    storage.append(BOARD, stateOf(seed));
    const relay = relayWith();
    expect(await relay.withBoardDoc(BOARD, (doc) => noteText(doc, 'shape:s'))).toBe(
      'Incontournable',
    );
    expect(relay.roomCount).toBe(0);
    const a = client(relay);
    await network.idle();
    addNote(a.doc, 'shape:live', 'En direct');
    await network.idle();
    expect(await relay.withBoardDoc(BOARD, (doc) => noteText(doc, 'shape:live'))).toBe('En direct');
  });

  it('R19: a board nobody has open is rebuilt from storage once while storage is unchanged', async () => {
    const seed = new Y.Doc();
    addNote(seed, 'shape:s', 'Incontournable');
    storage.append(BOARD, stateOf(seed));
    const relay = relayWith();
    // Rebuilt at each read, a board of 10,000 long notes held the event loop ~0.5 s per request
    // (its export, a dot on it, a vote's results), as often as one participant asked.
    const first = await relay.withBoardDoc(BOARD, (doc) => doc);
    expect(await relay.withBoardDoc(BOARD, (doc) => doc)).toBe(first);
    // Storage changed (another process, or a room that loaded, changed and unloaded): rebuilt.
    addNote(seed, 'shape:t', 'Plaisir');
    storage.append(BOARD, stateOf(seed));
    const after = await relay.withBoardDoc(BOARD, (doc) => doc);
    expect(after).not.toBe(first);
    expect(await relay.withBoardDoc(BOARD, (doc) => noteText(doc, 'shape:t'))).toBe('Plaisir');
    await relay.close();
  });

  it('R17: an invalid board id is refused', () => {
    const relay = relayWith();
    expect(() => client(relay, '../etc/passwd')).toThrow();
  });
});

/** The test storage, with loads held until `release` is called (a slow database). */
function gatedLoad(): { storage: BoardStorage; release: () => void; gate: Promise<void> } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const slow: BoardStorage = {
    ...storageMethods(),
    load: async (id) => {
      await gate;
      return storage.load(id);
    },
  };
  return { storage: slow, release, gate };
}

function storageMethods(): BoardStorage {
  return {
    load: (id): StoredBoard => storage.load(id),
    append: (id, update) => storage.append(id, update),
    compact: (id, snapshot, seq) => storage.compact(id, snapshot, seq),
    saveSnapshot: (id, state, options) => storage.saveSnapshot(id, state, options),
    listSnapshots: (id) => storage.listSnapshots(id),
    getSnapshot: (id, snapshotId) => storage.getSnapshot(id, snapshotId),
    close: () => {},
  };
}
