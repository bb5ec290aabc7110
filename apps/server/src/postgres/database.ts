import pg from 'pg';
import { DatabaseUnavailableError, NewerSchemaError } from '../storage/schema-version.ts';
import { describeDatabaseUrl } from './database-url.ts';
import { migrate } from './schema.ts';

export type PostgresPool = pg.Pool;

/** PostgreSQL's type id for BIGINT (int8). */
const INT8_OID = 20;

/**
 * BIGINT columns (times in ms, sequence numbers) come back as numbers, not strings: they stay
 * far below 2^53. Per pool, so the `pg` module's global parsers are left alone.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

export { describeDatabaseUrl } from './database-url.ts';

// Shared with SQLite's refusal of a newer file (storage/database.ts): same message, same exit.
export { DatabaseUnavailableError, NewerSchemaError } from '../storage/schema-version.ts';

export interface OpenPostgresOptions {
  /** Most connections the pool opens (CARTON_DATABASE_POOL). */
  poolSize?: number;
  /** Errors of idle connections (a restarted server): the pool drops them and reconnects. */
  onIdleError?: (error: Error) => void;
  connectTimeoutMs?: number;
  /**
   * R60 (CARTON_DATABASE_STATEMENT_TIMEOUT_MS): longest a statement may run, and a transaction
   * stay idle, on the pool's connections; none by default (the command line's long imports).
   */
  statementTimeoutMs?: number;
  /** The schema was brought up at open: from 0 (a new database) or an older Carton's version. */
  onUpdated?: (update: { database: string; from: number; to: number }) => void;
}

/**
 * How long the client waits for an answer past the statement timeout before it gives up on
 * the connection itself: PostgreSQL cancels a slow statement (a lock held elsewhere) on its
 * own, but a server or network that hangs without dropping the connection answers nothing.
 */
const CLIENT_GRACE_MS = 5_000;

/** What every connection shares: the pool's, the migration's and the link listener's. */
export function connectionOptions(url: string, options: OpenPostgresOptions): pg.ClientConfig {
  return {
    connectionString: url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    // A connection dropped silently (firewall, NAT) is noticed by the OS, not kept for ever.
    keepAlive: true,
    types,
    application_name: 'carton',
  };
}

function poolFor(url: string, options: OpenPostgresOptions): pg.Pool {
  const timeout = options.statementTimeoutMs;
  const pool = new pg.Pool({
    ...connectionOptions(url, options),
    max: options.poolSize ?? 10,
    idleTimeoutMillis: 30_000,
    // R60: an append that waits on a lock, or on a database that hangs, fails after this
    // (the room closes with 4501, R6; clients keep their edits and send them again) instead
    // of waiting for ever with the board's later appends queued behind it.
    ...(timeout === undefined
      ? {}
      : {
          statement_timeout: timeout,
          idle_in_transaction_session_timeout: timeout,
          query_timeout: timeout + CLIENT_GRACE_MS,
        }),
  });
  // Without a listener, an idle connection's error (PostgreSQL restarted) would crash the
  // process; the pool has already discarded that client and opens a new one when needed.
  pool.on('error', (error) => options.onIdleError?.(error));
  return pool;
}

/**
 * Opens a pool on `url` and brings the schema up to date. Fails with a
 * DatabaseUnavailableError naming only host, port and database, never the password.
 */
export async function openPostgres(
  url: string,
  options: OpenPostgresOptions = {},
): Promise<pg.Pool> {
  const where = describeDatabaseUrl(url);
  let pool: pg.Pool;
  try {
    pool = poolFor(url, options);
  } catch (error) {
    throw new DatabaseUnavailableError(`cannot use the database ${where}: ${reason(error)}`);
  }
  // The schema is brought up to date on a connection of its own, without the pool's statement
  // timeout: a migration of a large database (or one waiting for another process's) may take
  // longer than an append ever should.
  const client = new pg.Client(connectionOptions(url, options));
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(`cannot connect to the database ${where}: ${reason(error)}`);
  }
  try {
    await migrate(client, {
      onUpdated: (from, to) => options.onUpdated?.({ database: where, from, to }),
    });
  } catch (error) {
    await pool.end().catch(() => {});
    if (error instanceof NewerSchemaError) {
      throw new NewerSchemaError(where, error.found, error.known);
    }
    throw new DatabaseUnavailableError(`cannot prepare the database ${where}: ${reason(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
  return pool;
}

/** An error's message on one line, with any URL's password hidden. */
export function reason(error: unknown): string {
  const message = error instanceof Error ? error.message || error.name : String(error);
  return message.replace(/\s+/g, ' ').replace(/(\/\/[^:/@\s]*:)[^@\s]*@/g, '$1***@');
}
