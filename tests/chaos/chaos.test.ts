// Chaos convergence (DESIGN « a crash loses nothing that any client saw »): stock
// WebsocketProvider clients edit one board with Board commands through a fault-injecting TCP
// proxy (delays, cuts, stalls) while the relay is SIGKILLed and restarted on the same data
// directory and port. At the end every client is identical, and everything any client ever
// saw — including clients gone before a crash — is in the stored board, read by a fresh client
// after a last restart and by export.json. Seeded: CHAOS_SEED replays a run; CHAOS_ROUNDS
// makes it longer.
import { checkInvariants, exportBoard, type Shape } from '@carton/board';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  connect,
  createForum,
  docUntil,
  territoryBoard,
  waitUntil,
  type Client,
} from '../integration/helpers.ts';
import { startServer, type CartonServer } from '../support/server.ts';
import { startFaultyProxy, type FaultyProxy } from './support/faulty-proxy.ts';
import { createRandom, delay, envInt, seedFrom } from './support/prng.ts';
import { SEED_NOTE_TEXTS } from './support/seed-texts.ts';

const seed = seedFrom('CHAOS_SEED');
const random = createRandom(seed);
const ROUNDS = envInt('CHAOS_ROUNDS', 6);
const CLIENTS = 4;

const TEXTS = SEED_NOTE_TEXTS;

let server: CartonServer | null = null;
let proxy: FaultyProxy | null = null;
const clients: Client[] = [];

afterAll(async () => {
  for (const client of clients) client.destroy();
  await proxy?.close();
  await server?.dispose();
});

/** Maximum clock seen per Yjs client id, over every doc any client ever had. */
const seen = new Map<number, number>();
function remember(doc: Y.Doc): void {
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
    seen.set(client, Math.max(seen.get(client) ?? 0, clock));
  }
}

function notes(client: Client): Shape[] {
  return client.board.listShapes().filter((shape) => shape.type === 'note');
}

/** One random Board command by a random client (online or not: offline edits sync later). */
function randomEdit(client: Client): void {
  if (!client.board.isWritable()) return;
  const existing = notes(client);
  const roll = random.next();
  client.run((tx) => {
    if (roll < 0.45 || existing.length === 0) {
      tx.create('note', {
        x: random.int(0, 2000),
        y: random.int(0, 1200),
        text: random.pick(TEXTS),
      });
    } else if (roll < 0.8) {
      const note = random.pick(existing);
      tx.update<'note'>(note.id, {
        x: random.int(0, 2000),
        text: `${random.pick(TEXTS)} (${random.int(1, 99)})`,
      });
    } else if (roll < 0.9) {
      tx.create('stamp', {
        x: random.int(0, 2000),
        y: random.int(0, 1200),
        kind: random.pick(['heart', 'star'] as const),
      });
    } else {
      tx.delete([random.pick(existing).id]);
    }
  });
}

describe('chaos', () => {
  it(`converges and loses nothing any client saw (seed ${seed}, ${ROUNDS} rounds)`, async () => {
    server = await startServer({
      env: {
        CARTON_UPGRADES_PER_SECOND_PER_IP: '10000',
        CARTON_UPGRADE_BURST_PER_IP: '10000',
        CARTON_JOINS_PER_SECOND_PER_BOARD: '10000',
        CARTON_JOIN_BURST_PER_BOARD: '10000',
        CARTON_COMPACT_UPDATES: '40',
      },
    });
    const forum = await createForum(server);
    const board = territoryBoard(forum, 'Témiscouata');
    proxy = await startFaultyProxy(random, {
      maxDelayMs: 60,
      cutProbability: 0.6,
      cutWithinMs: 2_000,
      stallProbability: 0.3,
      maxStallMs: 1_500,
    });
    proxy.target(server.port);
    const viaProxy = { syncUrl: `ws://127.0.0.1:${proxy.port}/sync` } as CartonServer;
    for (let i = 0; i < CLIENTS; i++) clients.push(connect(viaProxy, board.id, board.edit.token));
    await Promise.all(clients.map((client) => client.synced));

    let kills = 0;
    let witnessed = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const edits = random.int(20, 50);
      for (let i = 0; i < edits; i++) {
        randomEdit(random.pick(clients));
        await delay(random.int(5, 60));
      }
      // Two short-lived clients: one writes, the other sees it, both leave. Only the server
      // still holds that edit when it is killed below.
      const writer = connect(server, board.id, board.edit.token);
      const reader = connect(server, board.id, board.view.token);
      try {
        await Promise.all([writer.synced, reader.synced]);
        const id = writer.run((tx) =>
          tx.create('note', { x: 5, y: 5, text: `Témoin ${round} : ${random.pick(TEXTS)}` }),
        );
        await docUntil(reader.doc, 'the witness to see the note', () => !!reader.shape(id), 10_000);
        remember(reader.doc);
        witnessed++;
      } finally {
        writer.destroy();
        reader.destroy();
      }
      if (round === ROUNDS || random.chance(0.7)) {
        // Killed without warning, then back on the same port and data directory.
        await server.kill('SIGKILL');
        kills++;
        for (let i = random.int(0, 10); i > 0; i--) {
          randomEdit(random.pick(clients));
          await delay(random.int(10, 50));
        }
        await server.restart();
      }
    }

    // Heal: no more faults, fresh connections, and wait until everyone agrees.
    proxy.faults(false);
    proxy.cutAll();
    // A snapshot, not the state vector: a deletion adds no struct, so clients whose state
    // vectors agree may still wait for one (once in CI: a note deleted on one client only).
    const stateOf = (doc: Y.Doc) => Buffer.from(Y.encodeSnapshot(Y.snapshot(doc)));
    const agreed = () => {
      if (!clients.every((client) => client.provider.synced)) return false;
      const first = stateOf(clients[0]!.doc);
      return clients.every((client) => stateOf(client.doc).equals(first));
    };
    await waitUntil(
      'every client to converge',
      agreed,
      (check) => {
        for (const client of clients) {
          client.doc.on('update', check);
          client.provider.on('sync', check);
        }
        return () => {
          for (const client of clients) {
            client.doc.off('update', check);
            client.provider.off('sync', check);
          }
        };
      },
      30_000,
    );
    const expected = exportBoard(clients[0]!.doc);
    for (const client of clients) {
      expect(exportBoard(client.doc)).toEqual(expected);
      expect(checkInvariants(client.doc)).toEqual([]);
      remember(client.doc);
    }
    for (const client of clients.splice(0)) client.destroy();

    // Nobody is left to resend anything: what comes back is what the server stored.
    await server.kill('SIGKILL');
    await server.restart();
    const fresh = connect(server, board.id, board.view.token);
    clients.push(fresh);
    await fresh.synced;
    expect(exportBoard(fresh.doc)).toEqual(expected);
    const stored = new Map(Y.decodeStateVector(Y.encodeStateVector(fresh.doc)));
    const missing = [...seen].filter(([client, clock]) => (stored.get(client) ?? 0) < clock);
    expect(missing).toEqual([]);
    const exported = await fetch(`${server.url}/api/boards/${board.id}/export.json`, {
      headers: { Authorization: `Bearer ${board.view.token}` },
    });
    // The server's file also names the board's territory (its row's; the document lacks it).
    const withTerritory = { ...expected, meta: { ...expected.meta, territory: 'Témiscouata' } };
    expect(await exported.json()).toEqual(JSON.parse(JSON.stringify(withTerritory)));
    expect(expected.shapes.length).toBeGreaterThan(0);
    console.log(
      `chaos seed ${seed}: ${kills} kills, ${witnessed} witnessed edits, proxy`,
      proxy.stats(),
    );
  });
});
