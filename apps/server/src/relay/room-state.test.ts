import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log.ts';
import { openDatabase } from '../storage/database.ts';
import { SqliteBoardStorage } from '../storage/sqlite-board-storage.ts';
import { MemoryNetwork } from './memory-socket.ts';
import { AWARENESS_TICK, DEHYDRATE, DOC_BATCH } from './protocol.ts';
import { Relay } from './relay.ts';
import { TestClient } from './test-client.ts';

const BOARD = 'board-la-matanie';

let dir: string;
let storage: SqliteBoardStorage;
let network: MemoryNetwork;
let relay: Relay;
const clients: TestClient[] = [];
const defaults = { ...DEHYDRATE };

function client(doc?: Y.Doc): TestClient {
  const c = new TestClient(relay, network, BOARD, true, doc);
  clients.push(c);
  return c;
}

function notes(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>('notes');
}

function newRelay(): Relay {
  return new Relay({
    storage,
    log: silentLogger,
    maxBufferedBytes: 1 << 20,
    roomUnloadMs: 60_000,
    compactUpdates: 1000,
    compactBytes: 1 << 24,
    compactIntervalMs: 60_000,
    keepaliveMs: 60_000,
  });
}

beforeEach(() => {
  AWARENESS_TICK.ms = 0;
  Object.assign(DOC_BATCH, { ms: 0, busyMs: 0, crowdedMs: 0 });
  dir = mkdtempSync(join(tmpdir(), 'carton-room-state-'));
  storage = new SqliteBoardStorage(openDatabase(dir));
  network = new MemoryNetwork();
  relay = newRelay();
});

afterEach(async () => {
  Object.assign(DEHYDRATE, defaults);
  for (const c of clients.splice(0)) c.destroy();
  await relay.close();
  storage.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('room state', () => {
  it('R52: after a reload, an empty client gets the stored board, and a client with content still syncs both ways', async () => {
    const writer = client();
    await network.idle();
    notes(writer.doc).set('shape:a', 'Accès aux services de proximité');
    await network.idle();
    // Shutdown flushes and compacts (R8); a new relay loads the compacted board.
    await relay.close();
    await network.idle();
    relay = newRelay();
    // An offline client with its own change, and a fresh one.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(writer.doc));
    notes(offline).set('shape:b', 'Rétention des jeunes');
    const fresh = client();
    await network.idle();
    expect(notes(fresh.doc).toJSON()).toEqual({ 'shape:a': 'Accès aux services de proximité' });
    const returning = client(offline);
    await network.idle();
    expect(notes(fresh.doc).get('shape:b')).toBe('Rétention des jeunes');
    expect(notes(returning.doc).size).toBe(2);
    await relay.withBoardDoc(BOARD, (doc) => expect(notes(doc).size).toBe(2));
  });

  it('R53: a quiet board freed to its encoded state loses nothing and takes new changes', async () => {
    DEHYDRATE.afterMs = 1;
    const a = client();
    const b = client();
    await network.idle();
    notes(a.doc).set('shape:c', 'Transport collectif');
    await network.idle();
    await new Promise((resolve) => setTimeout(resolve, 30)); // quiet: the doc is freed
    notes(b.doc).set('shape:d', 'Logement abordable');
    await network.idle();
    const late = client();
    await network.idle();
    for (const c of [a, b, late]) {
      expect(notes(c.doc).toJSON()).toEqual({
        'shape:c': 'Transport collectif',
        'shape:d': 'Logement abordable',
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
    await relay.withBoardDoc(BOARD, (doc) => expect(notes(doc).size).toBe(2));
  });
});
