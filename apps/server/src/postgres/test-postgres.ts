// A throwaway PostgreSQL server for tests (unit tests here, cross-process tests in tests/ via
// tests/support/postgres.ts): a copy of an initdb'd data directory (trust auth, UTF8) in a
// temporary directory, postgres on 127.0.0.1 with a free port and its unix socket in that
// directory, ready once it printed "ready to accept connections". One database per test file
// (`createDatabase`).
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../testing/free-port.ts';
import { BOARD_LOCK } from './schema.ts';

const BIN_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/local/bin', '/usr/bin'];
const READY = /ready to accept connections/;
const INITDB_ARGS = ['-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'];
const run = promisify(execFile);

export interface TestPostgres {
  readonly port: number;
  /** `postgres://postgres@127.0.0.1:PORT/<database>` (trust auth: no password). */
  url(database: string): string;
  /** Creates a fresh database (named, or `carton_<random>`) and answers its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Ends every session on `database` (a lost connection, as a restart of PostgreSQL would). */
  terminateConnections(database: string): Promise<number>;
  /** Runs SQL on `database` as the superuser (tests that break or inspect the schema). */
  exec(database: string, sql: string): Promise<void>;
  /**
   * Holds `board`'s lock (the one every append takes, R60) on a session of its own, as a stuck
   * transaction elsewhere would; resolves once held, with the way to let it go.
   */
  holdBoardLock(database: string, board: string): Promise<() => Promise<void>>;
  /**
   * Stops postgres (fast shutdown) keeping its data, as an outage would; `start()` brings it
   * back on the same port with the same databases.
   */
  halt(): Promise<void>;
  /** Starts postgres again after `halt()`; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Everything postgres wrote (its log). */
  output(): string;
  /** SIGINT (fast shutdown), waits for the exit, removes the directory. */
  stop(): Promise<void>;
}

function binary(name: string): string {
  for (const dir of BIN_DIRS) {
    const path = join(dir, name);
    if (existsSync(path)) return path;
  }
  throw new Error(`PostgreSQL's ${name} not found in ${BIN_DIRS.join(', ')}`);
}

/**
 * PostgreSQL refuses to run as root: under root (tests in CI) the processes run as the
 * `postgres` user. Node's own uid/gid switch is used rather than `runuser`, so signals reach
 * postgres itself (runuser would turn SIGINT into SIGTERM, then SIGKILL after 2 s).
 */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.exitCode);
  }
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

type User = ReturnType<typeof runAs>;

/** How initdb and postgres are spawned: as `user`, messages in plain C. */
function spawnOptionsFor(user: User) {
  return { ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' } };
}

/** Runs initdb into `dataDir` (absent; its parent belongs to whoever runs PostgreSQL). */
async function initdb(dataDir: string, user: User): Promise<void> {
  const child = spawn(binary('initdb'), ['-D', dataDir, ...INITDB_ARGS], {
    ...spawnOptionsFor(user),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await exitOf(child);
  if (code !== 0) throw new Error(`initdb failed (${code}):\n${output}`);
}

/**
 * The data directory every cluster starts from: initdb costs ~1.5 s of CPU and ~20 test files
 * start clusters, a copy of its result ~0.2 s. It is a cache kept under tmpdir() and reused by
 * later runs: one folder of ~40 MB, never growing (clusters write to their own copies), named
 * after what makes it valid (PostgreSQL's version, initdb's path and arguments, the owner's uid).
 * Several processes may make it at once (vitest's workers, the integration-postgres global
 * setup): each runs initdb in a folder of its own and renames the result into place, so a
 * template that exists is complete; whoever comes second drops theirs and uses the first's.
 */
async function makeTemplate(user: User): Promise<string> {
  const initdbPath = binary('initdb');
  const version = execFileSync(initdbPath, ['--version'], { encoding: 'utf8' }).trim();
  const owner = user?.uid ?? process.getuid?.() ?? 0;
  const key = createHash('sha256')
    .update([initdbPath, version, ...INITDB_ARGS].join('\0'))
    .digest('hex')
    .slice(0, 12);
  const major = /\d+/.exec(version)?.[0] ?? 'pg';
  const template = join(tmpdir(), `carton-pg-template-${major}-${owner}-${key}`);
  if (!existsSync(template)) {
    const scratch = mkdtempSync(`${template}.tmp-`);
    try {
      if (user) chownSync(scratch, user.uid, user.gid);
      await initdb(join(scratch, 'data'), user);
      try {
        renameSync(join(scratch, 'data'), template);
      } catch (error) {
        if (!existsSync(template)) throw error; // else another process's initdb came first
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  // tmpdir() is shared: a folder someone else put (or emptied) at that name is not ours to copy.
  if (statSync(template).uid !== owner || !existsSync(join(template, 'global', 'pg_control'))) {
    throw new Error(`${template} is not a data directory of uid ${owner}`);
  }
  return template;
}

let template: Promise<string> | null = null;

/** Makes `dataDir` a copy of the template (ownership and modes kept: `cp -a`). */
async function copyTemplate(dataDir: string, user: User): Promise<void> {
  template ??= makeTemplate(user);
  try {
    await run('cp', ['-a', await template, dataDir]);
    // A template removed or emptied while this process trusted it (another run's cleanup, a
    // person) copies nothing, or part of it.
    if (!existsSync(join(dataDir, 'global', 'pg_control'))) {
      throw new Error(`the copy of ${await template} holds no data directory`);
    }
  } catch (error) {
    template = null; // looked for (or made) again by the next cluster
    throw error;
  }
}

export async function startTestPostgres(
  options: { readyTimeoutMs?: number } = {},
): Promise<TestPostgres> {
  const timeoutMs = options.readyTimeoutMs ?? 20_000;
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'carton-pg-'));
  const dataDir = join(dir, 'data');
  if (user) chownSync(dir, user.uid, user.gid);
  const spawnOptions = spawnOptionsFor(user);
  let output = '';
  try {
    await copyTemplate(dataDir, user);
  } catch (error) {
    // A broken cache costs an initdb, never a test run; the log says why.
    output += `template unused, initdb instead: ${String(error)}\n`;
    try {
      rmSync(dataDir, { recursive: true, force: true });
      await initdb(dataDir, user);
    } catch (initdbError) {
      rmSync(dir, { recursive: true, force: true });
      throw initdbError;
    }
  }

  const port = await freePort();
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  // fsync off: a test database need not survive a power cut (the tests kill Carton, not it).
  const spawnPostgres = () => {
    const child = spawn(
      binary('postgres'),
      ['-D', dataDir, '-k', dir, '-h', '127.0.0.1', '-p', String(port), '-F'],
      { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout!.on('data', append);
    child.stderr!.on('data', append);
    return child;
  };
  let postgres = spawnPostgres();
  let exited = exitOf(postgres);
  const halt = async () => {
    if (postgres.exitCode === null && postgres.signalCode === null) postgres.kill('SIGINT');
    await exited;
  };
  const cleanUp = async () => {
    await halt();
    rmSync(dir, { recursive: true, force: true });
  };
  /** Resolves once postgres printed READY at or after `from` in its output. */
  const ready = (from: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!READY.test(output.slice(from))) return;
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`PostgreSQL not ready after ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      const onExit = (code: number | null) => {
        done();
        reject(new Error(`PostgreSQL exited (${code}) before ready:\n${output}`));
      };
      const child = postgres;
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
        child.off('exit', onExit);
      };
      listeners.add(check);
      child.once('exit', onExit);
      check();
    });

  try {
    await ready(0);
  } catch (error) {
    await cleanUp();
    throw error;
  }

  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const admin = async <T>(
    run: (client: pg.Client) => Promise<T>,
    database = 'postgres',
  ): Promise<T> => {
    const client = new pg.Client({ connectionString: url(database) });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  };
  let stopping: Promise<void> | null = null;
  return {
    port,
    url,
    async createDatabase(name) {
      const database = name ?? `carton_${Math.random().toString(36).slice(2, 10)}`;
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error(`bad name ${database}`);
      await admin((client) => client.query(`CREATE DATABASE ${database}`));
      return url(database);
    },
    terminateConnections(database) {
      return admin(async (client) => {
        const result = await client.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [database],
        );
        return result.rowCount ?? 0;
      });
    },
    async exec(database, sql) {
      await admin((client) => client.query(sql), database);
    },
    async holdBoardLock(database, board) {
      const client = new pg.Client({ connectionString: url(database) });
      await client.connect();
      await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [BOARD_LOCK, board]);
      return () => client.end();
    },
    halt,
    async start() {
      if (postgres.exitCode === null && postgres.signalCode === null) return;
      const from = output.length;
      postgres = spawnPostgres();
      exited = exitOf(postgres);
      await ready(from);
    },
    output: () => output,
    stop() {
      stopping ??= cleanUp();
      return stopping;
    },
  };
}

/**
 * Creates a fresh database on a PostgreSQL started elsewhere (the `integration-postgres`
 * project's global setup), given its superuser URL; answers the new database's URL.
 */
export async function createDatabaseOn(adminUrl: string): Promise<string> {
  const database = `carton_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Every row of the database at `url` as SQL text (`pg_dump --data-only`): what a backup holds. */
export function dumpDatabase(url: string): string {
  return execFileSync(binary('pg_dump'), ['--data-only', '--no-owner', url], {
    encoding: 'latin1',
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Sets (or, without `version`, reads) `carton_schema.version`: a newer Carton's database. */
export async function schemaVersionOn(url: string, version?: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (version !== undefined)
      await client.query('UPDATE carton_schema SET version = $1', [version]);
    const found = await client.query<{ version: number }>('SELECT version FROM carton_schema');
    return found.rows[0]!.version;
  } finally {
    await client.end();
  }
}
