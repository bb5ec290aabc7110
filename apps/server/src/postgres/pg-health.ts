import type pg from 'pg';
import type { StorageFailureCode, StorageProbe } from '../storage/storage-health.ts';

/** Node's socket errors for a database that refuses, drops or cannot be routed to. */
const UNREACHABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * node-postgres's own words when a connection is lost or never answers (it throws plain Errors
 * for these): a terminated connection, a connect or query read timeout past R60's grace, a
 * client already broken.
 */
const UNREACHABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection error and is not queryable|Client was closed and is not queryable/i;

/**
 * R69 on PostgreSQL: which errors mean Carton's data cannot be stored, whatever the statement.
 * SQLSTATE classes 08 (connection exception) and 57P01–57P03 (the server shutting down or
 * starting) and 53300 (no connection slot) are `unavailable`; 53100 is the database server's
 * full disk, 25006 a read-only server (a standby after a failover), 58030 its failing disk.
 * A statement timeout (57014, R60: a lock held elsewhere) is not one: the database answers.
 */
export function pgStorageFailureCode(error: unknown): StorageFailureCode | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = String((error as { code?: unknown }).code ?? '');
  const message = String((error as { message?: unknown }).message ?? '');
  if (code === '53100') return 'disk_full';
  if (code === '25006') return 'read_only';
  if (code === '58030') return 'io_error';
  if (code.startsWith('08') || /^57P0[123]$/.test(code) || code === '53300') return 'unavailable';
  if (UNREACHABLE_ERRNOS.has(code) || UNREACHABLE_MESSAGES.test(message)) return 'unavailable';
  // A connect failure may come wrapped (AggregateError of each address tried, or a cause).
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const found = pgStorageFailureCode(inner);
      if (found) return found;
    }
  }
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error ? pgStorageFailureCode(cause) : null;
}

/**
 * R69's probe on PostgreSQL, while storage fails: a tiny real write touching no board — the
 * schema's version row rewritten with its own value — so a full disk or a read-only server is
 * seen as still failing, not only a database that answers `SELECT 1`. False once the pool is
 * ended (the server closing: nothing left to probe).
 */
export function pgStorageProbe(pool: pg.Pool): StorageProbe {
  return async () => {
    if (pool.ending) return false;
    await pool.query('UPDATE carton_schema SET version = version');
    return true;
  };
}
