// Bad frames close only the connection that sent them (SPEC R12, R14).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import {
  connect,
  createForum,
  docUntil,
  rawSocket,
  territoryBoard,
  type Client,
  type CreatedForum,
} from './helpers.ts';

const MAX_MESSAGE_BYTES = 64 * 1024;
let server: CartonServer;
let forum: CreatedForum;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startServer({ env: { CARTON_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) } });
  forum = await createForum(server);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.dispose();
});

describe('malformed frames', () => {
  it('R12, R14: garbage, truncated and oversize frames close only the offending socket', async () => {
    const target = territoryBoard(forum, 'Témiscouata');
    const elsewhere = territoryBoard(forum, 'Rimouski-Neigette');
    // Clients that must notice nothing: one on the attacked board, two on another board.
    const neighbour = connect(server, target.id, target.edit.token);
    const alice = connect(server, elsewhere.id, elsewhere.edit.token);
    const bruno = connect(server, elsewhere.id, elsewhere.edit.token);
    clients.push(neighbour, alice, bruno);
    await Promise.all([neighbour.synced, alice.synced, bruno.synced]);

    const oversize = Buffer.alloc(MAX_MESSAGE_BYTES + 1024, 7);
    const frames: Array<[string, Buffer, number, string]> = [
      ['garbage', Buffer.from([0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0xfa]), 4400, target.edit.token],
      // A sync update announcing 50 bytes but carrying 3.
      ['truncated', Buffer.from([0, 2, 50, 1, 2, 3]), 4400, target.edit.token],
      ['oversize', oversize, 1009, target.view.token],
      // A writer may send one message as large as the board before its catch-up (R28): the
      // garbage arrives whole, and is refused as garbage.
      ['oversize before the catch-up', oversize, 4400, target.edit.token],
    ];
    for (const [name, frame, expected, token] of frames) {
      const { ws, closed } = await rawSocket(server, target.id, token);
      ws.send(frame);
      expect({ name, code: await closed }).toEqual({ name, code: expected });
    }
    // A text frame is refused too.
    const text = await rawSocket(server, target.id, target.edit.token);
    text.ws.send('bonjour');
    expect(await text.closed).toBe(1003);

    // The server keeps serving: edits flow on both boards, nobody was disconnected.
    const id = alice.run((tx) => tx.create('note', { x: 1, y: 2, text: 'Toujours en ligne' }));
    await docUntil(bruno.doc, 'Bruno to receive the edit', () => !!bruno.shape(id));
    const id2 = neighbour.run((tx) => tx.create('note', { x: 5, y: 5, text: 'Voisin' }));
    const late = connect(server, target.id, target.view.token);
    clients.push(late);
    await docUntil(late.doc, 'a late reader to see the neighbour', () => !!late.shape(id2));
    expect([neighbour.disconnects(), alice.disconnects(), bruno.disconnects()]).toEqual([0, 0, 0]);
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
  });
});
