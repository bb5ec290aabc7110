// R59: a database of the previous schema, with data, is brought to the current one while
// another process's transaction reads the table a version alters — the migration gives way
// (lock_timeout, then tries again) instead of queueing every query on that table behind it.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from './database.ts';
import { PgBlobStore } from './pg-blob-store.ts';
import { migrate, MIGRATIONS } from './schema.ts';
import { startTestPostgres, type TestPostgres } from './test-postgres.ts';

let server: TestPostgres;

beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(() => server.stop());

const PHOTO = 'a'.repeat(64);

/** A database as schema 1 left it, holding a forum of the seed and one of its photos. */
async function schemaOneDatabase(): Promise<string> {
  const url = await server.createDatabase();
  const name = new URL(url).pathname.slice(1);
  await server.exec(
    name,
    `${MIGRATIONS[0]!}
     CREATE TABLE carton_schema (version INTEGER NOT NULL);
     INSERT INTO carton_schema VALUES (1);
     INSERT INTO forums (id, title, created_at, date)
       VALUES ('forum-bsl', 'Forum de l''Alliance BSL', 1, '2023-05-12');
     INSERT INTO blobs (forum_id, sha256, mime, width, height, bytes, created_at, data)
       VALUES ('forum-bsl', '${PHOTO}', 'image/png', 1, 1, 3, 1, '\\x010203');`,
  );
  return url;
}

/** Rejects if `promise` has not settled within `ms` (the migration would still be waiting). */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms).unref(),
    ),
  ]);
}

describe('migrate', () => {
  it('R59: behind a running transaction on blobs, schema 2 gives way, then applies once it ends; data kept', async () => {
    const url = await schemaOneDatabase();
    const reader = new pg.Client({ connectionString: url });
    const migrator = new pg.Client({ connectionString: url });
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    // A connection still closing when the test server stops is told 57P01 (administrator
    // command): without listeners that error would surface as an uncaught exception.
    const ignore = () => {};
    reader.on('error', ignore);
    migrator.on('error', ignore);
    pool.on('error', ignore);
    await reader.connect();
    await migrator.connect();
    try {
      // Another process in the middle of reading images (a long transaction on blobs).
      await reader.query('BEGIN');
      await reader.query('SELECT count(*) FROM blobs');
      const attempt = migrate(migrator, { lockTimeoutMs: 100, attempts: 2, retryMs: 50 });
      await expect(within(attempt, 4_000)).rejects.toMatchObject({ code: '55P03' });
      // Nothing half-applied, and the table answers others at once (no lock left queued).
      const version = await pool.query<{ version: number }>('SELECT version FROM carton_schema');
      expect(version.rows).toEqual([{ version: 1 }]);
      await reader.query('COMMIT');

      expect(await within(migrate(migrator, { lockTimeoutMs: 100 }), 4_000)).toBe(
        MIGRATIONS.length,
      );
      // The server's own pool (its type parsers), on the migrated database.
      const served = await openPostgres(url);
      const blobs = new PgBlobStore(served);
      // The photo stored before the migration carries no request's mark: a refused board's
      // cleanup (R54) never removes it.
      await blobs.remove('forum-bsl', [PHOTO], 'board-refused');
      expect(await blobs.info('forum-bsl', PHOTO)).toMatchObject({ blobId: PHOTO, bytes: 3 });
      await served.end();
    } finally {
      await reader.end();
      await migrator.end();
      await pool.end();
    }
  });

  it('tells the opener how far the schema came: an older database, a new one, none', async () => {
    const updates: { database: string; from: number; to: number }[] = [];
    const onUpdated = (update: (typeof updates)[number]) => updates.push(update);
    const older = await schemaOneDatabase();
    await (await openPostgres(older, { onUpdated })).end();
    // Opened again: nothing to bring up, nothing said.
    await (await openPostgres(older, { onUpdated })).end();
    const fresh = await server.createDatabase();
    await (await openPostgres(fresh, { onUpdated })).end();
    const name = (url: string) => `127.0.0.1:${server.port}/${new URL(url).pathname.slice(1)}`;
    expect(updates).toEqual([
      { database: name(older), from: 1, to: MIGRATIONS.length },
      { database: name(fresh), from: 0, to: MIGRATIONS.length },
    ]);
  });
});
