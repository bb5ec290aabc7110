// The two databases Carton's stores run on, for contract tests: one suite of behaviour tests
// runs against both (`for (const backend of BACKENDS) …`). Each test opens a fresh database
// (SQLite: a new file; PostgreSQL: a new database on one throwaway server per test file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type SqliteDatabase } from '../../storage/database.ts';
import { openPostgres, type PostgresPool } from '../database.ts';
import { startTestPostgres, type TestPostgres } from '../test-postgres.ts';

/** A fresh database of either kind; `reopen` closes it and opens the same one (a restart). */
export interface TestDatabase {
  readonly kind: 'sqlite' | 'postgres';
  /** The SQLite handle (kind `sqlite`). */
  readonly sqlite: SqliteDatabase | null;
  /** The pool (kind `postgres`). */
  readonly pool: PostgresPool | null;
  /** A second, independent connection pool on the same database (another server process). */
  openSecond(): Promise<TestDatabase>;
  reopen(): Promise<TestDatabase>;
  close(): Promise<void>;
}

export interface TestBackend {
  readonly name: 'sqlite' | 'postgres';
  /** Call in beforeAll / afterAll. */
  start(): Promise<void>;
  stop(): Promise<void>;
  open(): Promise<TestDatabase>;
  /** The PostgreSQL server (kind `postgres`, once started). */
  readonly server: TestPostgres | null;
}

export function sqliteBackend(): TestBackend {
  const dirs: string[] = [];
  const openAt = (dir: string): TestDatabase => {
    const db = openDatabase(dir);
    return {
      kind: 'sqlite',
      sqlite: db,
      pool: null,
      openSecond: async () => openAt(dir),
      reopen: async () => {
        if (db.open) db.close();
        return openAt(dir);
      },
      close: async () => {
        if (db.open) db.close();
      },
    };
  };
  return {
    name: 'sqlite',
    server: null,
    start: async () => {},
    stop: async () => {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'carton-contract-'));
      dirs.push(dir);
      return openAt(dir);
    },
  };
}

export function postgresBackend(): TestBackend {
  let server: TestPostgres | null = null;
  const openAt = async (url: string): Promise<TestDatabase> => {
    const pool = await openPostgres(url, { poolSize: 4 });
    let ended = false;
    const close = async () => {
      if (ended) return;
      ended = true;
      await pool.end();
    };
    return {
      kind: 'postgres',
      sqlite: null,
      pool,
      openSecond: () => openAt(url),
      reopen: async () => {
        await close();
        return openAt(url);
      },
      close,
    };
  };
  return {
    name: 'postgres',
    get server() {
      return server;
    },
    start: async () => {
      server = await startTestPostgres();
    },
    stop: async () => {
      await server?.stop();
      server = null;
    },
    open: async () => {
      if (!server) throw new Error('postgresBackend: start() first');
      return openAt(await server.createDatabase());
    },
  };
}

export const BACKENDS: ReadonlyArray<() => TestBackend> = [sqliteBackend, postgresBackend];
