// A lone stock client is kept alive by the relay's no-op frames (SPEC R15): the stock client
// drops a connection that received nothing for 30 s, and the relay never echoes awareness.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import { connect, createForum, waitUntil, type Client } from './helpers.ts';

let server: CartonServer;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startServer({ env: { CARTON_KEEPALIVE_MS: '150' } });
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.dispose();
});

describe('keepalive', () => {
  it('R15: an idle lone client receives keepalive frames and stays connected', async () => {
    const forum = await createForum(server);
    const postcards = forum.boards.at(-1)!;
    const lone = connect(server, postcards.id, postcards.edit.token);
    clients.push(lone);
    await lone.synced;
    const frames: Uint8Array[] = [];
    const ws = lone.provider.ws!;
    const onMessage = (event: { data: unknown }) =>
      frames.push(new Uint8Array(event.data as ArrayBuffer));
    ws.addEventListener('message', onMessage);
    await waitUntil(
      'two keepalive frames',
      () =>
        frames.filter((f) => f.length === 3 && f[0] === 1 && f[1] === 1 && f[2] === 0).length >= 2,
      (check) => {
        ws.addEventListener('message', check);
        return () => ws.removeEventListener('message', check);
      },
    );
    ws.removeEventListener('message', onMessage);
    expect(lone.provider.wsconnected).toBe(true);
    expect(lone.disconnects()).toBe(0);
  });
});
