// R59, R60, R6: PostgreSQL stopped under a running server. The process must live on: the LISTEN
// connection and the pool lose their connections, appends fail (R6: the room closes, 4501),
// HTTP answers a JSON error, and nothing surfaces as an unhandled rejection.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { startServer, type CartonServer } from '../support/server.ts';
import { connect, createForum, territoryBoard, type Client } from './helpers.ts';

const PASSWORD = 'secret-du-comptoir-de-matane';

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

describe('Carton when PostgreSQL stops', () => {
  it('R59, R6: the server lives on, closes the room (4501) and answers HTTP with a JSON error', async () => {
    const url = (await postgres.createDatabase()).replace('postgres@', `postgres:${PASSWORD}@`);
    server = await startServer({ env: { CARTON_DATABASE_URL: url } });
    const forum = await createForum(server);
    const board = territoryBoard(forum, 'La Mitis');
    const writer = connect(server, board.id, board.edit.token);
    clients.push(writer);
    await writer.synced;
    const failed = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the room did not fail')), 15_000);
      writer.provider.once('connection-close', (event: { code: number } | null) => {
        clearTimeout(timer);
        resolve(event?.code ?? 0);
      });
    });
    await postgres.stop();
    await server.waitForOutput(/links_listener_lost/, 10_000);
    writer.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Covoiturage vers Rimouski' }));
    expect(await failed).toBe(4501);
    const response = await fetch(`${server.url}/api/forums/${forum.forum.id}`, {
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
    });
    expect(response.status).toBeGreaterThanOrEqual(500);
    const body = (await response.json()) as { error?: { code?: string } };
    expect(typeof body.error?.code).toBe('string');
    // The stock client keeps reconnecting; each attempt's token lookup fails, nothing crashes.
    await server.waitForOutput(/upgrade_lookup_failed/, 10_000);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(server.output()).not.toMatch(/unhandled|uncaught/i);
    expect(server.output()).not.toContain(PASSWORD);
  });
});
