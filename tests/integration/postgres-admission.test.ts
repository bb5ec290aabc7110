// R30 on PostgreSQL: the admission re-measures a board's stored size every 2 s. An update it
// admitted whose append has not committed yet (the board's lock held by a stuck session) is
// not in that measure; it must still count, or the next update passes the limit.
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { startServer, type CartonServer } from '../support/server.ts';
import { createForum, frame, rawSocket, scratchUpdate, territoryBoard } from './helpers.ts';

const MAX_BOARD_BYTES = 24 * 1024;
/** Longer than the admission trusts a measured size (2 s). */
const PAST_REMEASURE_MS = 2_500;

let postgres: TestPostgres;
let server: CartonServer | null = null;
const sockets: Array<{ terminate(): void }> = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await server?.dispose();
  server = null;
});
afterAll(async () => {
  await postgres.stop();
});

/** A note's worth of text, different each time (the seed's postcards, repeated). */
function postcard(n: number, bytes: number): string {
  const line = `Carte postale ${n} — Mes conditions de succès pour la prochaine Alliance : `;
  return line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes);
}

describe('R30 on PostgreSQL: the periodic re-measure', () => {
  it('R30: an update admitted but not yet committed still counts after the re-measure', async () => {
    const url = await postgres.createDatabase();
    server = await startServer({
      env: {
        CARTON_DATABASE_URL: url,
        CARTON_DATABASE_STATEMENT_TIMEOUT_MS: '30000',
        CARTON_MAX_BOARD_BYTES: String(MAX_BOARD_BYTES),
      },
    });
    const forum = await createForum(server);
    const board = territoryBoard(forum, 'Les Basques');
    const { ws, closed } = await rawSocket(server, board.id, board.edit.token);
    sockets.push(ws);
    const doc = new Y.Doc();
    const first = scratchUpdate(doc, 'carte-1', postcard(1, 14 * 1024));
    const second = scratchUpdate(doc, 'carte-2', postcard(2, 14 * 1024));
    // Each fits on the board; both do not.
    expect(first.byteLength).toBeLessThan(MAX_BOARD_BYTES);
    expect(first.byteLength + second.byteLength).toBeGreaterThan(MAX_BOARD_BYTES);

    const release = await postgres.holdBoardLock(new URL(url).pathname.slice(1), board.id);
    try {
      // Admitted (counted), then its append waits on the board's lock.
      ws.send(frame(0, 2, first));
      // The board's size is measured again with the next update: the first is not committed.
      await new Promise((resolve) => setTimeout(resolve, PAST_REMEASURE_MS));
      ws.send(frame(0, 2, second));
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('the second update was not refused')), 5_000),
      );
      expect(await Promise.race([closed, timeout])).toBe(4409);
    } finally {
      await release();
    }
    await server.waitForOutput(/limit_exceeded.*board_bytes/);
  });
});
