// R59, R60, R6, R69: PostgreSQL stopped under a running server. The process must live on: the
// LISTEN connection and the pool lose their connections, appends fail (R6: the room closes, 4501),
// HTTP answers a JSON error, and nothing surfaces as an unhandled rejection. /healthz answers 503
// (`unavailable`) while it is down, said once in the log, and 200 on its own once it is back.
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
  it('R59, R6, R69: the server lives on, closes the room (4501), answers HTTP with a JSON error and /healthz 503 until PostgreSQL is back', async () => {
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
    await postgres.halt();
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
    await server.waitForOutput(/storage_failing/, 10_000);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    const failing = (await health.json()) as {
      ok: boolean;
      storage: { ok: boolean; code: string; message: string; since: string };
    };
    expect(failing).toMatchObject({ ok: false, storage: { ok: false, code: 'unavailable' } });
    expect(failing.storage.message).toMatch(/database/);
    expect(Number.isNaN(Date.parse(failing.storage.since))).toBe(false);

    // Back on its own: with no client left to resend an edit, only the server's probe can see
    // PostgreSQL answer again.
    writer.destroy();
    await postgres.start();
    await server.waitForOutput(/storage_recovered/, 15_000);
    const recovered = await fetch(`${server.url}/healthz`);
    expect(recovered.status).toBe(200);
    expect(await recovered.json()).toEqual({ ok: true });
    const output = server.output();
    // One line per outage, one on recovery: not one per reconnecting client or request.
    expect(output.match(/storage_failing/g)).toHaveLength(1);
    expect(output.match(/storage_recovered/g)).toHaveLength(1);
    expect(output).not.toMatch(/unhandled|uncaught/i);
    expect(output).not.toContain(PASSWORD);
  });
});
