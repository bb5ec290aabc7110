// R69 on PostgreSQL: which errors mean the database cannot take Carton's writes, and the probe
// that tells when it can again — on a real PostgreSQL stopped and started under a pool.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from './database.ts';
import { pgStorageFailureCode, pgStorageProbe } from './pg-health.ts';
import { startTestPostgres, type TestPostgres } from './test-postgres.ts';

let server: TestPostgres;

beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(() => server.stop());

function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'error', code });
}

describe('PostgreSQL storage failures (R69)', () => {
  it('knows an unreachable database, its full disk and a read-only server from other errors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(pgStorageFailureCode(refused)).toBe('unavailable');
    expect(pgStorageFailureCode(new Error('Connection terminated unexpectedly'))).toBe(
      'unavailable',
    );
    expect(pgStorageFailureCode(new Error('timeout exceeded when trying to connect'))).toBe(
      'unavailable',
    );
    expect(pgStorageFailureCode(new Error('Query read timeout'))).toBe('unavailable');
    expect(pgStorageFailureCode(new AggregateError([refused], ''))).toBe('unavailable');
    expect(pgStorageFailureCode(pgError('57P01', 'terminating connection'))).toBe('unavailable');
    expect(pgStorageFailureCode(pgError('08006', 'connection failure'))).toBe('unavailable');
    expect(pgStorageFailureCode(pgError('53100', 'could not extend file'))).toBe('disk_full');
    expect(pgStorageFailureCode(pgError('25006', 'read-only transaction'))).toBe('read_only');
    // The database answers: a lock held elsewhere (R60), a constraint, a bug are not outages.
    expect(pgStorageFailureCode(pgError('57014', 'canceling statement'))).toBeNull();
    expect(pgStorageFailureCode(pgError('23505', 'duplicate key'))).toBeNull();
    expect(pgStorageFailureCode(new TypeError('x is undefined'))).toBeNull();
    expect(pgStorageFailureCode(null)).toBeNull();
  });

  it('probes with a real write: fails while PostgreSQL is down, passes once it is back', async () => {
    const url = await server.createDatabase();
    const pool: pg.Pool = await openPostgres(url, { poolSize: 2, connectTimeoutMs: 2_000 });
    const probe = pgStorageProbe(pool);
    try {
      const rowVersion = async () =>
        (await pool.query<{ v: string }>('SELECT xmin::text AS v FROM carton_schema')).rows[0]?.v;
      const before = await rowVersion();
      expect(await probe()).toBe(true);
      // A write, not a round trip: the version row was rewritten (a new row version).
      expect(await rowVersion()).not.toBe(before);
      await server.halt();
      const down: unknown = await Promise.resolve(probe()).catch((error: unknown) => error);
      expect(pgStorageFailureCode(down)).toBe('unavailable');
      await server.start();
      expect(await probe()).toBe(true);
    } finally {
      await pool.end();
    }
    expect(await probe()).toBe(false);
  });
});
