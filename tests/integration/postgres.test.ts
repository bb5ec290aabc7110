// R59–R62: the built server and the command line on PostgreSQL (CARTON_DATABASE_URL) instead
// of the SQLite file: boards survive kill -9, a link replaced from the command line closes its
// sockets, and no SQLite file appears.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { NoteShape } from '@carton/board';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cartonOn, startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { startServer, type CartonServer } from '../support/server.ts';
import { connect, createForum, docUntil, territoryBoard, type Client } from './helpers.ts';

// Trust authentication ignores the password: it is there to prove it is never printed.
const PASSWORD = 'mot-de-passe-du-comptoir';

let postgres: TestPostgres;
let server: CartonServer | null = null;
const clients: Client[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
});
afterAll(() => postgres.stop());
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  server = null;
});

async function databaseUrl(): Promise<string> {
  return (await postgres.createDatabase()).replace('postgres@', `postgres:${PASSWORD}@`);
}

function track(client: Client): Client {
  clients.push(client);
  return client;
}

function closedWith(client: Client, timeoutMs = 5_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket was not closed')), timeoutMs);
    client.provider.once('closed', (event: { code: number }) => {
      clearTimeout(timer);
      resolve(event.code);
    });
  });
}

describe('Carton on PostgreSQL', () => {
  it('R59, R60: an edit that reached another client survives kill -9; no SQLite file', async () => {
    const url = await databaseUrl();
    server = await startServer({
      env: { CARTON_DATABASE_URL: url, CARTON_COMPACT_UPDATES: '1000000' },
    });
    const forum = await createForum(server);
    const board = territoryBoard(forum, 'Rimouski-Neigette');
    const writer = track(connect(server, board.id, board.edit.token));
    const other = track(connect(server, board.id, board.view.token));
    await Promise.all([writer.synced, other.synced]);
    const id = writer.run((tx) =>
      tx.create('note', { x: 40, y: 60, text: 'Transport collectif entre les municipalités' }),
    );
    await docUntil(other.doc, 'the other client to see the note', () => !!other.shape(id));

    const exit = await server.kill('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    for (const client of clients.splice(0)) client.destroy();
    await server.restart();

    const fresh = track(connect(server, board.id, board.view.token));
    await fresh.synced;
    expect((fresh.shape(id) as NoteShape | undefined)?.text).toBe(
      'Transport collectif entre les municipalités',
    );
    expect(existsSync(join(server.dataDir, 'carton.sqlite'))).toBe(false);
    expect(existsSync(server.dataDir) ? readdirSync(server.dataDir) : []).toEqual([]);
    expect(server.output()).toContain(`127.0.0.1:${postgres.port}/`);
    expect(server.output()).not.toContain(PASSWORD);
  });

  it('R60, R6: an append the database refuses closes the room (4501); the edit comes back with the client', async () => {
    const url = await databaseUrl();
    const database = new URL(url).pathname.slice(1);
    server = await startServer({ env: { CARTON_DATABASE_URL: url } });
    const forum = await createForum(server);
    const board = territoryBoard(forum, 'Les Basques');
    const writer = track(connect(server, board.id, board.edit.token));
    const witness = track(connect(server, board.id, board.view.token));
    await Promise.all([writer.synced, witness.synced]);
    const failed = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the room did not fail')), 5_000);
      writer.provider.once('connection-close', (event: { code: number } | null) => {
        clearTimeout(timer);
        resolve(event?.code ?? 0);
      });
    });
    // The log out of reach: every append fails until it is back.
    await postgres.exec(database, 'ALTER TABLE board_updates RENAME TO board_updates_away');
    const id = writer.run((tx) =>
      tx.create('note', { x: 0, y: 0, text: 'Halte-garderie pendant le forum' }),
    );
    expect(await failed).toBe(4501);
    await postgres.exec(database, 'ALTER TABLE board_updates_away RENAME TO board_updates');
    // The stock client reconnects and its sync step 2 brings back what storage lacks.
    await docUntil(witness.doc, 'the note after the outage', () => !!witness.shape(id), 15_000);
    await server.kill('SIGKILL');
    for (const client of clients.splice(0)) client.destroy();
    await server.restart();
    const fresh = track(connect(server, board.id, board.view.token));
    await fresh.synced;
    expect((fresh.shape(id) as NoteShape | undefined)?.text).toBe(
      'Halte-garderie pendant le forum',
    );
    expect(server.output()).toContain('append_failed');
  });

  it('R61, R62: a facilitator link replaced with the command line closes its open socket (4403)', async () => {
    const url = await databaseUrl();
    server = await startServer({ env: { CARTON_DATABASE_URL: url } });
    const forum = await createForum(server);
    const board = territoryBoard(forum, 'La Mitis');
    const facilitator = track(connect(server, board.id, forum.facilitator.token));
    const participant = track(connect(server, board.id, board.edit.token));
    await Promise.all([facilitator.synced, participant.synced]);
    const closed = closedWith(facilitator);

    const listed = await cartonOn(url, ['forums']);
    expect(listed.stdout).toContain(forum.forum.id);
    const issued = await cartonOn(url, ['facilitator-link', '--forum', forum.forum.id]);
    expect(issued.stdout).toMatch(/#token=[\w-]{43}/);
    expect(await closed).toBe(4403);
    expect(participant.provider.wsconnected).toBe(true);
    const old = await fetch(`${server.url}/api/forums/${forum.forum.id}`, {
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
    });
    expect(old.status).toBe(401);
  });

  it('R59: an unreachable database stops the start with one line, exit 3, no password', async () => {
    const url = `postgres://carton:${PASSWORD}@127.0.0.1:${postgres.port + 1}/carton`;
    const failure = await startServer({ env: { CARTON_DATABASE_URL: url } }).then(
      () => new Error('the server started'),
      (error: Error) => error,
    );
    expect(failure.message).toContain('Server exited (3) before ready');
    expect(failure.message).toContain(
      `Carton failed to start: cannot connect to the database 127.0.0.1:${postgres.port + 1}/carton`,
    );
    expect(failure.message).not.toContain(PASSWORD);
    expect(failure.message).not.toMatch(/\n\s+at /);
  });
});
