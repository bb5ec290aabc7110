import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, describeDatabaseUrl, openPostgres } from './database.ts';
import { MIGRATIONS } from './schema.ts';
import { startTestPostgres, type TestPostgres } from './test-postgres.ts';

let server: TestPostgres;

beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(() => server.stop());

describe('openPostgres', () => {
  it('R59: two processes starting together on an empty database both get the whole schema once', async () => {
    const url = await server.createDatabase();
    const pools = await Promise.all([openPostgres(url), openPostgres(url), openPostgres(url)]);
    try {
      const version = await pools[0]!.query<{ version: number }>(
        'SELECT version FROM carton_schema',
      );
      expect(version.rows).toEqual([{ version: MIGRATIONS.length }]);
      const tables = await pools[1]!.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = 'public' ORDER BY table_name`,
      );
      expect(tables.rows.map((row) => row.name)).toEqual([
        'blobs',
        'board_snapshots',
        'board_state',
        'board_updates',
        'boards',
        'carton_schema',
        'erased_documents',
        'forums',
        'tokens',
        'vote_dots',
      ]);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
    // Opening again applies nothing (it would fail: the tables exist).
    const again = await openPostgres(url);
    await again.end();
  });

  it('R59: an unreachable database is one line naming host and database, never the password', async () => {
    const url = `postgres://carton:motdepasse-secret@127.0.0.1:${server.port + 1}/carton`;
    const failure = openPostgres(url, { connectTimeoutMs: 2_000 });
    await expect(failure).rejects.toBeInstanceOf(DatabaseUnavailableError);
    const message = await failure.catch((error: Error) => error.message);
    expect(message).toContain(`127.0.0.1:${server.port + 1}/carton`);
    expect(message).not.toContain('motdepasse-secret');
    expect(message).not.toContain('\n');
  });

  it('R59: a database that does not exist is refused the same way', async () => {
    const url = server.url('nulle_part').replace('postgres@', 'postgres:secret@');
    const message = await openPostgres(url).catch((error: Error) => error.message);
    expect(message).toMatch(/^cannot connect to the database 127\.0\.0\.1:\d+\/nulle_part: /);
    expect(message).toContain('nulle_part');
    expect(message).not.toContain('secret');
  });

  it('describes a URL without its credentials', () => {
    expect(describeDatabaseUrl('postgres://u:p%40ss@db.example:5433/carton?sslmode=require')).toBe(
      'db.example:5433/carton',
    );
    expect(describeDatabaseUrl('not a url')).toBe('(unparsable URL)');
  });
});
