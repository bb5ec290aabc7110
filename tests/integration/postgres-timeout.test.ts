// R60, R6: an append that waits on PostgreSQL (the board's lock held by another session, as a
// stuck transaction would) fails after CARTON_DATABASE_STATEMENT_TIMEOUT_MS instead of hanging:
// the room closes with 4501, the stock client reconnects by itself and sends its edit again,
// and once the lock is gone the edit is stored.
import type { NoteShape } from '@carton/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { startServer, type CartonServer } from '../support/server.ts';
import { connect, createForum, docUntil, territoryBoard, type Client } from './helpers.ts';

let postgres: TestPostgres;
let server: CartonServer | null = null;
const clients: Client[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
});
afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  await postgres.stop();
});

function track(client: Client): Client {
  clients.push(client);
  return client;
}

describe('PostgreSQL statement timeout', () => {
  it('R60: an append blocked in the database fails after the timeout (4501) and the edit is kept', async () => {
    const url = await postgres.createDatabase();
    server = await startServer({
      env: { CARTON_DATABASE_URL: url, CARTON_DATABASE_STATEMENT_TIMEOUT_MS: '500' },
    });
    const forum = await createForum(server);
    const board = territoryBoard(forum, 'La Matapédia');
    const writer = track(connect(server, board.id, board.edit.token));
    await writer.synced;
    const closed = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the append never failed')), 10_000);
      writer.provider.once('connection-close', (event: { code: number } | null) => {
        clearTimeout(timer);
        resolve(event?.code ?? 0);
      });
    });

    const release = await postgres.holdBoardLock(new URL(url).pathname.slice(1), board.id);
    let id: string;
    try {
      id = writer.run((tx) =>
        tx.create('note', { x: 0, y: 0, text: 'Incontournable : le transport collectif' }),
      );
      expect(await closed).toBe(4501);
      await server.waitForOutput(/append_failed.*statement timeout/, 5_000);
    } finally {
      await release();
    }

    // The client reconnected by itself and sent its edit again: stored this time.
    const reader = track(connect(server, board.id, board.view.token));
    await reader.synced;
    await docUntil(reader.doc, 'the note kept by the client', () => !!reader.shape(id), 10_000);
    expect((reader.shape(id) as NoteShape).text).toBe('Incontournable : le transport collectif');
    expect(server.output()).not.toMatch(/unhandled|uncaught/i);
  });
});
