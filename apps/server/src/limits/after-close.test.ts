// R16, R28: a connection closed for a limit is done. A flooding client's frames already on the
// wire kept going through the admission after its close: one `limit_exceeded` warning per frame
// (1 653 lines for one flood of 2 000 updates), `rateLimitedClosed` counted per frame, and the
// updates that still fitted a budget counted toward the board's size (R30) though the room
// never applied them. A real server on port 0 with its SQLite file, a raw `ws` client.
import { once } from 'node:events';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoggedServer, type LoggedServer, type LogRecord } from '../testing/logged-server.ts';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { RunningServer } from '../http/server.ts';

let running: LoggedServer;
let server: RunningServer;
let records: LogRecord[];

beforeAll(async () => {
  running = await startLoggedServer('after-close', {
    CARTON_UPDATES_PER_SECOND: '5',
    CARTON_UPDATE_BURST: '10',
    CARTON_MAX_AWARENESS_BYTES: '1024',
    CARTON_MAX_BOARD_BYTES: String(100 * 1024),
  });
  ({ server, records } = running);
});
afterAll(() => running.close());

/** A sync update message (y-websocket message 0, sync type 2) setting one key. */
function updateFrame(doc: Y.Doc, value: number | string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getMap('flood').set('n', value);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, before));
  return encoding.toUint8Array(encoder);
}

/** A blank territory board of a new forum, with its edit token. */
async function newBoard(territory: string): Promise<{ id: string; token: string }> {
  const created = await fetch(`${server.url}/api/forums`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Forum', territories: [territory], templates: false }),
  });
  const forum = (await created.json()) as {
    boards: Array<{ id: string; kind: string; edit: { token: string } }>;
  };
  const board = forum.boards.find((b) => b.kind === 'territory')!;
  return { id: board.id, token: board.edit.token };
}

async function socketTo(board: { id: string; token: string }): Promise<WebSocket> {
  const ws = new WebSocket(
    `${server.url.replace('http', 'ws')}/sync/${board.id}?token=${board.token}`,
  );
  ws.on('error', () => {});
  await once(ws, 'open');
  return ws;
}

function within<T>(promise: Promise<T>, what: string, ms = 5_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('frames after a limit closed their connection', () => {
  it('a flood closed with 4429 is logged and counted once; its later frames reach nothing', async () => {
    const created = await fetch(`${server.url}/api/forums`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Forum de La Mitis', territories: ['La Mitis'] }),
    });
    const forum = (await created.json()) as {
      boards: Array<{ id: string; kind: string; edit: { token: string } }>;
    };
    const board = forum.boards.find((b) => b.kind === 'territory')!;
    const ws = new WebSocket(
      `${server.url.replace('http', 'ws')}/sync/${board.id}?token=${board.edit.token}`,
    );
    ws.on('error', () => {});
    await once(ws, 'open');
    const closed = once(ws, 'close') as Promise<[number, Buffer]>;
    // 300 updates at once, far past the burst of 10: all on the wire before the close comes.
    const doc = new Y.Doc();
    for (let i = 0; i < 300; i++) ws.send(updateFrame(doc, i));
    // The server read every frame sent before the client's answer to its close frame.
    const [code] = await closed;
    expect(code).toBe(4429);

    const warnings = records.filter((r) => r.event === 'limit_exceeded');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 'warn', limit: 'update_rate', board: board.id });
    const metrics = (await (await fetch(`${server.url}/metrics`)).json()) as Record<string, number>;
    expect(metrics['rateLimitedClosed']).toBe(1);
  });

  it('R30: an update sent after its connection was closed is not counted toward the board’s size', async () => {
    const board = await newBoard('Matane');
    const watcher = await socketTo(board);
    // Presence past CARTON_MAX_AWARENESS_BYTES (4413), then a 60 kB update right behind it.
    const hostile = await socketTo(board);
    const closed = once(hostile, 'close') as Promise<[number, Buffer]>;
    const presence = encoding.createEncoder();
    encoding.writeVarUint(presence, 1);
    const entry = encoding.createEncoder();
    encoding.writeVarUint(entry, 1);
    encoding.writeVarUint(entry, 4242);
    encoding.writeVarUint(entry, 1);
    encoding.writeVarString(entry, JSON.stringify({ user: { name: 'x'.repeat(2_000) } }));
    encoding.writeVarUint8Array(presence, encoding.toUint8Array(entry));
    hostile.send(encoding.toUint8Array(presence));
    hostile.send(updateFrame(new Y.Doc(), 'h'.repeat(60_000)));
    expect((await closed)[0]).toBe(4413);

    // The board holds a few hundred bytes of 100 kB: a participant's 50 kB note goes in.
    const honest = await socketTo(board);
    let refused: number | null = null;
    honest.once('close', (code) => (refused = code));
    const relayed = new Promise<void>((resolve) => {
      watcher.on('message', (data: Buffer) => {
        if (data[0] === 0 && data.byteLength > 50_000) resolve();
      });
    });
    honest.send(updateFrame(new Y.Doc(), 'n'.repeat(50_000)));
    await within(
      Promise.race([
        relayed,
        once(honest, 'close').then(() => {
          throw new Error(`the honest update was refused with ${refused}`);
        }),
      ]),
      'the honest update to reach the watcher',
    );
    watcher.close();
    honest.close();
  });
});
