// Randomized convergence (CONVENTIONS): a seeded PRNG drives Board commands on several peers
// through the relay, with random network delays, disconnects, reconnects, room unloads and
// compactions. At the end every peer, the live room and the stored board are equal.
import { Board, initBoardDoc, localOrigin, SERVER_ORIGIN } from '@carton/board';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteBoardStorage } from '../storage/sqlite-board-storage.ts';
import { MemoryNetwork } from './memory-socket.ts';
import { Relay } from './relay.ts';
import { TestClient } from './test-client.ts';
import { batchWithinOneTurn, RelayTestBed, testRelayOptions } from './test-relay.ts';

const BOARD = 'board-temiscouata';
const IDEAS = [
  'Transport collectif',
  'Logement abordable',
  'Sécurité alimentaire',
  'Participation citoyenne',
  'Accès aux services',
  'Mobilisation des partenaires',
];

/** mulberry32: small, seedable, good enough to drive a test. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let bed: RelayTestBed;
let storage: SqliteBoardStorage;

beforeEach(() => {
  batchWithinOneTurn();
  bed = new RelayTestBed('carton-convergence-');
  storage = bed.storage;
  const seed = new Y.Doc();
  initBoardDoc(
    seed,
    { title: 'Conditions de succès — Témiscouata', kind: 'territory' },
    SERVER_ORIGIN,
  );
  storage.compact(BOARD, Y.encodeStateAsUpdate(seed), 0);
});

afterEach(async () => {
  await bed.close();
});

async function run(seed: number, steps: number): Promise<void> {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const network = new MemoryNetwork({ random, maxDelayTicks: 3 });
  // A large buffer, rooms unloaded as soon as empty and frequent compactions: the hard paths.
  const relay = new Relay(
    testRelayOptions(storage, { maxBufferedBytes: 1 << 24, roomUnloadMs: 0, compactUpdates: 7 }),
  );
  const peers = Array.from({ length: 4 }, (_, i) => {
    const client = new TestClient(relay, network, BOARD);
    return { client, board: new Board(client.doc), origin: localOrigin(`peer-${seed}-${i}`) };
  });
  try {
    await network.idle();
    for (let step = 0; step < steps; step++) {
      const peer = pick(peers);
      const roll = random();
      const ids = peer.board.listShapes().map((shape) => shape.id);
      if (roll < 0.08) {
        peer.client.close();
      } else if (roll < 0.16) {
        peer.client.reconnect();
      } else if (roll < 0.45 || ids.length === 0) {
        peer.board.run(
          (tx) => tx.create('note', { x: random() * 800, y: random() * 600, text: pick(IDEAS) }),
          peer.origin,
        );
      } else if (roll < 0.75) {
        peer.board.run(
          (tx) => tx.update(pick(ids), { x: random() * 800, y: random() * 600 }),
          peer.origin,
        );
      } else if (roll < 0.9) {
        peer.board.run((tx) => tx.update<'note'>(pick(ids), { text: pick(IDEAS) }), peer.origin);
      } else {
        peer.board.run((tx) => tx.delete([pick(ids)]), peer.origin);
      }
      if (random() < 0.3) await network.idle();
    }
    for (const peer of peers) peer.client.reconnect();
    await network.idle();
    await network.idle();

    const expected = peers[0]!.board.listShapes();
    for (const peer of peers) {
      expect(peer.board.listShapes(), `seed ${seed}`).toEqual(expected);
      expect(Y.encodeStateVector(peer.client.doc)).toEqual(
        Y.encodeStateVector(peers[0]!.client.doc),
      );
    }
    const live = await relay.withBoardDoc(BOARD, (doc) => new Board(doc).listShapes());
    expect(live, `seed ${seed}: live room`).toEqual(expected);

    for (const peer of peers) peer.client.close();
    await network.idle();
    await relay.close();
    const stored = storage.load(BOARD);
    const doc = new Y.Doc();
    Y.applyUpdate(
      doc,
      Y.mergeUpdates(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates),
    );
    expect(new Board(doc).listShapes(), `seed ${seed}: stored board`).toEqual(expected);
    expect(stored.updates, `seed ${seed}: log compacted at close`).toHaveLength(0);
  } finally {
    await relay.close();
    for (const peer of peers) peer.client.destroy();
  }
}

describe('relay convergence (seeded)', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('R2, R4–R8, R11: seed %i converges', async (seed) => {
    await run(seed, 150);
  });
});
