import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from './database.ts';
import { startTestPostgres, type TestPostgres } from './test-postgres.ts';
import { inTransaction } from './transaction.ts';

let server: TestPostgres;

beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(() => server.stop());

describe('inTransaction', () => {
  it('R60: a connection lost mid-transaction (PostgreSQL stopped) rejects it; the process goes on', async () => {
    const url = await server.createDatabase();
    const database = new URL(url).pathname.slice(1);
    const pool = await openPostgres(url);
    try {
      let inside!: () => void;
      const started = new Promise<void>((resolve) => (inside = resolve));
      const outcome = inTransaction(pool, async (client) => {
        const sleeping = client.query('SELECT pg_sleep(30)');
        inside();
        await sleeping;
      }).then(
        () => 'committed',
        (error: Error) => error,
      );
      await started;
      // As PostgreSQL's shutdown does to every session: « terminating connection due to
      // administrator command », then the socket closes. Without a listener on the checked-out
      // connection, its 'error' event was thrown out of the socket's handler: a crash.
      expect(await server.terminateConnections(database)).toBeGreaterThan(0);
      expect(await outcome).toBeInstanceOf(Error);
      // The broken connection was not given back: the pool answers with a new one.
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
    }
  });
});
