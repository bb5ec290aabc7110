import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemoryNetwork } from './memory-socket.ts';
import { DEHYDRATE } from './protocol.ts';
import type { Relay } from './relay.ts';
import type { TestClient } from './test-client.ts';
import { batchWithinOneTurn, RelayTestBed } from './test-relay.ts';

const BOARD = 'board-la-matanie';

let bed: RelayTestBed;
let network: MemoryNetwork;
let relay: Relay;
const defaults = { ...DEHYDRATE };

function client(doc?: Y.Doc): TestClient {
  return bed.client(relay, BOARD, true, doc);
}

function notes(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>('notes');
}

beforeEach(() => {
  batchWithinOneTurn();
  bed = new RelayTestBed('carton-room-state-');
  network = bed.network;
  relay = bed.relay();
});

afterEach(async () => {
  Object.assign(DEHYDRATE, defaults);
  await bed.close();
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
    relay = bed.relay();
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
