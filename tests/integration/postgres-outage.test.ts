// R59, R60, R6, R69: PostgreSQL stopped under a running server. The process must live on: the
// LISTEN connection and the pool lose their connections, appends fail (R6: the room closes, 4501),
// HTTP answers a JSON error, and nothing surfaces as an unhandled rejection. /healthz answers 503
// (`unavailable`) while it is down, said once in the log, and 200 on its own once it is back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { errorLinesByEvent, startServer, type CartonServer } from '../support/server.ts';
import { connect, createForum, refusedUpgrade, territoryBoard, type Client } from './helpers.ts';

const PASSWORD = 'secret-du-comptoir-de-matane';

let postgres: TestPostgres;
let server: CartonServer | null = null;
const clients: Client[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
});
afterAll(() => postgres.stop());
/** Resolves once the client's socket was refused `attempts` times (closed before it opened). */
function refusedAttempts(client: Client, attempts: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    const timer = setTimeout(
      () => reject(new Error(`${seen} of ${attempts} refused attempts seen`)),
      20_000,
    );
    const onClose = (event: { code: number } | null) => {
      if (event?.code !== 1006 || ++seen < attempts) return;
      clearTimeout(timer);
      client.provider.off('connection-close', onClose);
      resolve();
    };
    client.provider.on('connection-close', onClose);
  });
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  server = null;
});

describe('Carton when PostgreSQL stops', () => {
  it('R59, R6, R69: the server lives on, closes the room (4501), answers HTTP with a JSON error and /healthz 503 until PostgreSQL is back', async () => {
    const url = (await postgres.createDatabase()).replace('postgres@', `postgres:${PASSWORD}@`);
    server = await startServer({
      // A room unloads soon after its last client left; debug lines show what is quieted.
      env: { CARTON_DATABASE_URL: url, CARTON_ROOM_UNLOAD_MS: '200', CARTON_LOG_LEVEL: 'debug' },
    });
    const forum = await createForum(server);
    // Another board, edited before the outage, whose one person leaves during it: its room
    // unloads and cannot keep its version (room_flush_failed).
    const other = territoryBoard(forum, 'Kamouraska');
    const leaver = connect(server, other.id, other.edit.token);
    clients.push(leaver);
    await leaver.synced;
    leaver.run((tx) =>
      tx.create('note', { x: 0, y: 0, text: 'La halte routière, incontournable' }),
    );
    const board = territoryBoard(forum, 'La Mitis');
    const writer = connect(server, board.id, board.edit.token);
    // A room of people on the same board: its failure closes them all, and they all reconnect.
    const room = [
      writer,
      ...[1, 2, 3, 4, 5].map(() => connect(server!, board.id, board.view.token)),
    ];
    clients.push(...room);
    await Promise.all(room.map((client) => client.synced));
    const logFrom = server.output().length;
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
    // The 6 stock clients keep reconnecting; each attempt's token lookup fails, nothing crashes.
    // The upgrade answers what the routes answer: 503 storage_unavailable, before the handshake.
    await Promise.all(room.map((client) => refusedAttempts(client, 2)));
    await server.waitForOutput(/storage_failing/, 10_000);
    leaver.destroy();
    await server.waitForOutput(/"event":"room_flush_failed"/, 10_000);
    const upgrade = await refusedUpgrade(
      `${server.syncUrl}/${board.id}?token=${encodeURIComponent(board.edit.token)}`,
    );
    expect(upgrade).toMatchObject({
      status: 503,
      body: { error: { code: 'storage_unavailable' } },
    });
    // R69: said once — `storage_failing`, the outage's first line — not once per reconnecting
    // client (`upgrade_lookup_failed`) nor beside it for the room (`append_failed`), nor for the
    // room that unloaded (`room_flush_failed`): those are debug lines while health says failing.
    const during = errorLinesByEvent(server.output().slice(logFrom));
    expect(during).toMatchObject({ storage_failing: 1 });
    for (const quiet of [
      'upgrade_lookup_failed',
      'append_failed',
      'room_flush_failed',
      'room_load_failed',
      'compaction_failed',
      'change_not_stored',
    ]) {
      expect(during[quiet] ?? 0, quiet).toBe(0);
    }
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
    for (const client of room) client.destroy();
    await postgres.start();
    await server.waitForOutput(/storage_recovered/, 15_000);
    const recovered = await fetch(`${server.url}/healthz`);
    expect(recovered.status).toBe(200);
    expect(await recovered.json()).toEqual({ ok: true });
    const output = server.output();
    // One line per outage, one on recovery: not one per reconnecting client or request.
    expect(output.match(/storage_failing/g)).toHaveLength(1);
    expect(output.match(/storage_recovered/g)).toHaveLength(1);
    // The quieted failures, summed once at recovery: at least each client's refused attempts.
    const recovery = /"event":"storage_recovered".*"failuresSinceFirst":(\d+)/.exec(output);
    expect(Number(recovery?.[1])).toBeGreaterThanOrEqual(room.length * 2);
    expect(output).not.toMatch(/unhandled|uncaught/i);
    expect(output).not.toContain(PASSWORD);
  });
});
