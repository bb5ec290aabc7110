import pg from 'pg';
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

/** A database URL without its secret, for logs and errors: `host:port/database`. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || 'localhost';
    const port = parsed.port ? `:${parsed.port}` : '';
    return `${host}${port}${parsed.pathname || '/'}`;
  } catch {
    return '(unparsable URL)';
  }
}

/** The database cannot be reached or prepared at start: a one-line message, no secret. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

export interface OpenPostgresOptions {
  /** Most connections the pool opens (CARTON_DATABASE_POOL). */
  poolSize?: number;
  /** Errors of idle connections (a restarted server): the pool drops them and reconnects. */
  onIdleError?: (error: Error) => void;
  connectTimeoutMs?: number;
}

function poolFor(url: string, options: OpenPostgresOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    // A connection dropped silently (firewall, NAT) is noticed by the OS, not kept for ever.
    keepAlive: true,
    types,
    application_name: 'carton',
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
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(`cannot connect to the database ${where}: ${reason(error)}`);
  }
  try {
    await migrate(client);
  } catch (error) {
    client.release(true);
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(`cannot prepare the database ${where}: ${reason(error)}`);
  }
  client.release();
  return pool;
}

/** An error's message on one line, with any URL's password hidden. */
export function reason(error: unknown): string {
  const message = error instanceof Error ? error.message || error.name : String(error);
  return message.replace(/\s+/g, ' ').replace(/(\/\/[^:/@\s]*:)[^@\s]*@/g, '$1***@');
}
