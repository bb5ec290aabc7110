// An organiser starts an OLDER Carton on a database a newer Carton has already migrated (a
// laptop swap, a rollback): the built server refuses to start — one line with both versions and
// what to do, exit 3 — and leaves the database as it was (SQLite: the file's bytes; PostgreSQL:
// its dump). Same refusal on both stores (the integration-postgres project runs this file too).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../apps/server/src/storage/database.ts';
import {
  migrateAsNewerCarton,
  schemaVersionOf,
} from '../../apps/server/src/storage/test-support.ts';
import { MIGRATIONS as PG_MIGRATIONS } from '../../apps/server/src/postgres/schema.ts';
import { dumpDatabase, schemaVersionOn } from '../../apps/server/src/postgres/test-postgres.ts';
import {
  databaseUrlFor,
  startServer,
  storeUnderTest,
  type CartonServer,
} from '../support/server.ts';

let server: CartonServer | null = null;

afterEach(async () => {
  await server?.dispose();
  server = null;
});

/** What the database holds, byte for byte (SQLite) or row for row (PostgreSQL). */
function contents(dataDir: string): string {
  const url = databaseUrlFor(dataDir);
  return url === undefined
    ? readFileSync(join(dataDir, 'carton.sqlite')).toString('base64')
    : // pg_dump's \restrict key is new at each dump.
      dumpDatabase(url).replace(/^\\(un)?restrict .*$/gm, '');
}

describe('an older Carton on a newer database', () => {
  it('refuses to start, says both versions and what to do (exit 3), and writes nothing', async () => {
    server = await startServer();
    const { dataDir } = server;
    const postgres = databaseUrlFor(dataDir);
    // A first run made the database at this build's version; a newer Carton then migrated it.
    await server.kill('SIGTERM');
    const known = postgres === undefined ? MIGRATIONS.length : PG_MIGRATIONS.length;
    const newer = known + 1;
    if (postgres === undefined) migrateAsNewerCarton(join(dataDir, 'carton.sqlite'));
    else await schemaVersionOn(postgres, newer);
    const before = contents(dataDir);

    const failure = await server.restart().then(
      () => new Error('the older Carton started'),
      (error: Error) => error,
    );

    expect(failure.message).toContain('Server exited (3) before ready');
    const where = postgres === undefined ? join(dataDir, 'carton.sqlite') : '';
    expect(failure.message).toContain(
      `Carton failed to start: cannot prepare the database ${where}`,
    );
    expect(failure.message).toContain(
      `the database's schema (version ${newer}) is newer than this Carton (${known})`,
    );
    expect(failure.message).toContain('Start that newer Carton (or a later one) on it');
    expect(failure.message).not.toMatch(/\n\s+at /);
    expect(contents(dataDir)).toBe(before);
    expect(
      postgres === undefined
        ? schemaVersionOf(join(dataDir, 'carton.sqlite'))
        : await schemaVersionOn(postgres),
    ).toBe(newer);
    expect(storeUnderTest()).toBe(postgres === undefined ? 'sqlite' : 'postgres');
  });
});
