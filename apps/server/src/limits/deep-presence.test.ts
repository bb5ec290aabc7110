// R12: a presence state nested thousands of levels deep is malformed. It is valid JSON, and
// was relayed as such, but the stock y-websocket client re-encodes every state it applies with
// JSON.stringify, which throws on it: one participant's 10 kB frame threw in every stock client
// of the board. A real server on port 0 with its SQLite file, raw `ws` clients.
import { once } from 'node:events';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoggedServer, type LoggedServer } from '../testing/logged-server.ts';
import WebSocket from 'ws';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RunningServer } from '../http/server.ts';
import { MAX_STATE_DEPTH } from '../relay/awareness.ts';

let running: LoggedServer;
let server: RunningServer;

beforeAll(async () => {
  running = await startLoggedServer('deep-presence');
  server = running.server;
});
afterAll(() => running.close());

/** An awareness message (y-websocket message 1) with one client's state, as JSON text. */
function presenceFrame(clientId: number, state: string): Uint8Array {
  const entry = encoding.createEncoder();
  encoding.writeVarUint(entry, 1);
  encoding.writeVarUint(entry, clientId);
  encoding.writeVarUint(entry, 1);
  encoding.writeVarString(entry, state);
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(entry));
  return encoding.toUint8Array(frame);
}

const nested = (depth: number) =>
  `{"user":{"name":"Ève"},"a":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

describe('R12: presence nested too deep', () => {
  it('closes its sender with 4400 and reaches nobody; states as deep as the limit still go through', async () => {
    // What a stock client does with such a state once applied: it throws.
    const stock = new Awareness(new Y.Doc());
    stock.setLocalState(JSON.parse(nested(5_000)) as Record<string, unknown>);
    expect(() => encodeAwarenessUpdate(stock, [stock.clientID])).toThrow(RangeError);

    const created = await fetch(`${server.url}/api/forums`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Forum du Kamouraska', territories: ['Kamouraska'] }),
    });
    const forum = (await created.json()) as {
      boards: Array<{ id: string; kind: string; edit: { token: string } }>;
    };
    const board = forum.boards.find((b) => b.kind === 'territory')!;
    const open = async () => {
      const ws = new WebSocket(
        `${server.url.replace('http', 'ws')}/sync/${board.id}?token=${board.edit.token}`,
      );
      ws.on('error', () => {});
      await once(ws, 'open');
      return ws;
    };
    const watcher = await open();
    const seen: number[] = [];
    watcher.on('message', (data: Buffer) => {
      if (data[0] === 1) seen.push(data.byteLength);
    });

    const hostile = await open();
    const closed = once(hostile, 'close') as Promise<[number, Buffer]>;
    hostile.send(presenceFrame(7_001, nested(5_000)));
    expect((await closed)[0]).toBe(4400);

    // A state exactly as deep as the limit is relayed; the watcher sees it and nothing larger.
    const polite = await open();
    const deepest = presenceFrame(7_002, nested(MAX_STATE_DEPTH));
    const relayed = new Promise<void>((resolve) => {
      watcher.on('message', (data: Buffer) => {
        if (data[0] === 1 && data.includes(Buffer.from('"Ève"'))) resolve();
      });
    });
    polite.send(deepest);
    await relayed;
    expect(Math.max(...seen)).toBeLessThan(5_000);
    polite.close();
    watcher.close();
  });
});
