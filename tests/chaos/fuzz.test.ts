// Protocol fuzzing against a live relay (SPEC R12, R14, R28–R30): thousands of random,
// truncated, oversize and mis-typed frames, seeded (FUZZ_SEED replays, FUZZ_FRAMES for more).
// The server never crashes, every bad frame closes only its own socket, and stock clients on
// another board keep syncing throughout; the fuzzed board itself still serves afterwards.
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  connect,
  createForum,
  docUntil,
  territoryBoard,
  type Client,
} from '../integration/helpers.ts';
import { startServer, type CartonServer } from '../support/server.ts';
import { createRandom, envInt, seedFrom, type Random } from './support/prng.ts';

const seed = seedFrom('FUZZ_SEED');
const random = createRandom(seed);
const FRAMES = envInt('FUZZ_FRAMES', 3_000);
const WORKERS = 4;
const MAX_MESSAGE_BYTES = 64 * 1024;
const MAX_FRAGMENTS = 16;

let server: CartonServer | null = null;
const clients: Client[] = [];

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.dispose();
});

function varUint(encoder: encoding.Encoder, n: number): void {
  encoding.writeVarUint(encoder, n);
}

/** A real Yjs update, so mutations of it get deep into the decoder. */
function realUpdate(random: Random): Uint8Array {
  const doc = new Y.Doc();
  const map = doc.getMap('board');
  for (let i = random.int(1, 4); i > 0; i--) {
    const inner = new Y.Map<unknown>();
    map.set(`shape:${random.int(0, 1e6)}`, inner);
    inner.set('text', 'Conditions souhaitées'.slice(0, random.int(0, 21)));
    inner.set('x', random.int(-1e6, 1e6));
  }
  doc.getText('t').insert(0, 'incontournables');
  if (random.chance(0.3)) doc.getText('t').delete(0, 3);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

function mutate(random: Random, bytes: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bytes);
  switch (random.int(0, 3)) {
    case 0: // flip a few bytes
      for (let i = random.int(1, 4); i > 0 && out.length > 0; i--)
        out[random.int(0, out.length - 1)] = random.int(0, 255);
      return out;
    case 1: // truncate
      return out.subarray(0, random.int(0, Math.max(0, out.length - 1)));
    case 2: // splice garbage in
      return Uint8Array.from([
        ...out.subarray(0, random.int(0, out.length)),
        ...random.bytes(random.int(1, 16)),
      ]);
    default: // duplicate a slice
      return Uint8Array.from([...out, ...out.subarray(random.int(0, out.length))]);
  }
}

type Fuzz = { kind: string; send: (ws: WebSocket) => void; mayStayOpen: boolean };

const GENERATORS: Array<[weight: number, make: (random: Random) => Fuzz]> = [
  [3, (r) => binary('random bytes', r.bytes(r.int(0, 64)))],
  [
    2,
    (r) => {
      const e = encoding.createEncoder();
      for (let i = r.int(1, 6); i > 0; i--)
        varUint(e, r.chance(0.5) ? r.int(0, 5) : r.int(0, 2 ** 31));
      return binary('random varints', encoding.toUint8Array(e));
    },
  ],
  [
    3,
    (r) => {
      const e = encoding.createEncoder();
      varUint(e, 0);
      varUint(e, r.int(0, 3));
      const body = r.bytes(r.int(0, 40));
      varUint(e, r.chance(0.5) ? body.length : r.int(0, 100_000));
      encoding.writeUint8Array(e, body);
      return binary('sync header, garbage body', encoding.toUint8Array(e));
    },
  ],
  [
    4,
    (r) => {
      const e = encoding.createEncoder();
      varUint(e, 0);
      varUint(e, r.pick([1, 2]));
      encoding.writeVarUint8Array(e, mutate(r, realUpdate(r)));
      return { ...binary('corrupt update', encoding.toUint8Array(e)), mayStayOpen: true };
    },
  ],
  [
    2,
    (r) => {
      const e = encoding.createEncoder();
      varUint(e, 0);
      varUint(e, 0);
      const sv = encoding.createEncoder();
      varUint(sv, r.int(0, 3));
      for (let i = 0; i < 3; i++) varUint(sv, r.int(0, 2 ** 30));
      encoding.writeVarUint8Array(
        e,
        r.chance(0.5) ? encoding.toUint8Array(sv) : r.bytes(r.int(0, 8)),
      );
      return {
        ...binary('sync step 1, odd state vector', encoding.toUint8Array(e)),
        mayStayOpen: true,
      };
    },
  ],
  [
    3,
    (r) => {
      const update = encoding.createEncoder();
      varUint(update, r.int(0, 2));
      varUint(update, r.int(0, 2 ** 31));
      varUint(update, r.int(0, 1000));
      encoding.writeVarString(
        update,
        r.pick(['{"user":', 'null', '{]', '"\\u00', '{"cursor":{"x":1}}', '']),
      );
      const e = encoding.createEncoder();
      varUint(e, 1);
      encoding.writeVarUint8Array(e, encoding.toUint8Array(update));
      return { ...binary('awareness, bad JSON', encoding.toUint8Array(e)), mayStayOpen: true };
    },
  ],
  [
    2,
    (r) => {
      const type = r.pick([2, 3, 4, 5, 17, 127, 128, 255, 2 ** 20]);
      const e = encoding.createEncoder();
      varUint(e, type);
      encoding.writeUint8Array(e, r.bytes(r.int(0, 8)));
      return { ...binary('mis-typed message', encoding.toUint8Array(e)), mayStayOpen: true };
    },
  ],
  [
    1,
    (r) =>
      binary(
        'truncated varint',
        Uint8Array.from({ length: r.int(1, 9) }, () => 0x80 | r.int(0, 127)),
      ),
  ],
  [
    1,
    (r) => ({
      kind: 'text frame',
      send: (ws) => ws.send(r.pick(['bonjour', '{"type":"sync"}', ''])),
      mayStayOpen: false,
    }),
  ],
  [
    1,
    (r) => ({
      kind: 'fragment flood',
      send: (ws) => {
        for (let i = 0; i < MAX_FRAGMENTS + r.int(1, 20); i++)
          ws.send(Uint8Array.of(0), { fin: false });
        ws.send(Uint8Array.of(0), { fin: true });
      },
      mayStayOpen: false,
    }),
  ],
  [1, (r) => binary('oversize', r.bytes(MAX_MESSAGE_BYTES + r.int(1, 4096)))],
];

function binary(kind: string, bytes: Uint8Array): Fuzz {
  return { kind, send: (ws) => ws.send(bytes), mayStayOpen: false };
}

function nextFuzz(random: Random): Fuzz {
  const total = GENERATORS.reduce((sum, [weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [weight, make] of GENERATORS) {
    roll -= weight;
    if (roll < 0) return make(random);
  }
  return GENERATORS[0]![1](random);
}

interface Socket {
  ws: WebSocket;
  closed: Promise<number>;
  isClosed: () => boolean;
}

function open(url: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { maxPayload: 16 * 1024 * 1024 });
    let done = false;
    const closed = new Promise<number>((resolveClose) =>
      ws.once('close', (code) => {
        done = true;
        resolveClose(code);
      }),
    );
    ws.on('error', () => {});
    const timer = setTimeout(() => reject(new Error('fuzz socket did not open in 5 s')), 5_000);
    ws.once('open', () => {
      clearTimeout(timer);
      resolve({ ws, closed, isClosed: () => done });
    });
    ws.once('unexpected-response', (_req, res) => {
      clearTimeout(timer);
      reject(new Error(`fuzz socket refused: ${res.statusCode}`));
    });
  });
}

/** After a frame: the server either closed the socket or answered a ping sent after it. */
function settle(socket: Socket): Promise<'closed' | 'open'> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the server answered neither close nor ping in 5 s')),
      5_000,
    );
    const onPong = () => {
      clearTimeout(timer);
      resolve('open');
    };
    socket.ws.once('pong', onPong);
    void socket.closed.then(() => {
      clearTimeout(timer);
      socket.ws.off('pong', onPong);
      resolve('closed');
    });
    try {
      socket.ws.ping();
    } catch {
      // Closing already: the close event settles it.
    }
  });
}

describe('protocol fuzzing', () => {
  it(`survives ${FRAMES} hostile frames while another board keeps syncing (seed ${seed})`, async () => {
    server = await startServer({
      env: {
        CARTON_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
        CARTON_MAX_FRAGMENTS: String(MAX_FRAGMENTS),
        CARTON_UPGRADES_PER_SECOND_PER_IP: '100000',
        CARTON_UPGRADE_BURST_PER_IP: '100000',
        CARTON_JOINS_PER_SECOND_PER_BOARD: '100000',
        CARTON_JOIN_BURST_PER_BOARD: '100000',
        CARTON_LOG_LEVEL: 'error',
      },
    });
    const forum = await createForum(server);
    const target = territoryBoard(forum, 'Kamouraska');
    const quiet = territoryBoard(forum, 'La Matapédia');
    const writer = connect(server, quiet.id, quiet.edit.token);
    const reader = connect(server, quiet.id, quiet.view.token);
    clients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);

    // The quiet board is edited all along; the reader must see every edit arrive.
    const written: string[] = [];
    let fuzzing = true;
    const editing = (async () => {
      for (let i = 0; fuzzing && i < 100_000; i++) {
        written.push(writer.run((tx) => tx.create('note', { x: i, y: 0, text: `Note ${i}` })));
        await docUntil(
          reader.doc,
          `edit ${i} to arrive during the fuzzing`,
          () => !!reader.shape(written[i]!),
        );
      }
    })();

    const url = `${server.syncUrl}/${target.id}?token=${target.edit.token}`;
    const outcomes = new Map<string, number>();
    let sent = 0;
    const worker = async () => {
      let socket = await open(url);
      while (sent < FRAMES) {
        if (socket.isClosed()) socket = await open(url);
        if (sent >= FRAMES) break; // another worker took the last ones while this one reconnected
        const fuzz = nextFuzz(random);
        sent++;
        fuzz.send(socket.ws);
        const result = await settle(socket);
        const key =
          result === 'closed' ? `${fuzz.kind} → ${await socket.closed}` : `${fuzz.kind} → open`;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      }
      socket.ws.terminate();
    };
    await Promise.all(Array.from({ length: WORKERS }, () => worker()));
    fuzzing = false;
    await editing;

    console.log(`fuzz seed ${seed}: ${sent} frames`, Object.fromEntries([...outcomes].sort()));
    // Every close was one of the documented codes.
    const codes = new Set([...outcomes.keys()].map((key) => key.split(' → ')[1]));
    for (const code of codes)
      expect(['open', '1003', '1006', '1008', '1009', '4400', '4409', '4413', '4429']).toContain(
        code,
      );
    expect(written.length).toBeGreaterThan(5);
    expect([writer.disconnects(), reader.disconnects()]).toEqual([0, 0]);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });
    expect(server.output()).not.toMatch(/uncaught|Carton failed|FATAL/i);

    // The fuzzed board still serves stock clients.
    const a = connect(server, target.id, target.edit.token);
    const b = connect(server, target.id, target.edit.token);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    const id = a.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Après la tempête' }));
    await docUntil(b.doc, 'an edit on the fuzzed board', () => !!b.shape(id));
  });
});
