import type { DatabaseConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import { DatabaseUnavailableError, describeDatabaseUrl, openPostgres, reason } from './database.ts';
import { PgBlobStore } from './pg-blob-store.ts';
import { StorageHealth } from '../storage/storage-health.ts';
import { PgBoardStorage } from './pg-board-storage.ts';
import { pgStorageFailureCode, pgStorageProbe } from './pg-health.ts';
import { PgForumStore } from './pg-forum-store.ts';
import { PgLinkSignal } from './link-signal.ts';
import { PgVoteStore } from './pg-vote-store.ts';

// For http/server.ts, which loads this module only when the server runs on PostgreSQL.
export { PgBoardStorage };

export interface PostgresStores {
  /** Owns the pool: its close() ends it, after the appends in flight. */
  boards: PgBoardStorage;
  forums: PgForumStore;
  blobs: PgBlobStore;
  votes: PgVoteStore;
  /**
   * R69: whether the database takes writes. An outage (refused, terminated, timed out) is
   * logged once, naming `host:port/database` only; probed while failing; /healthz says it.
   */
  health: StorageHealth;
  /** L4: NOTIFYs of links that stopped resolving, from any process. */
  linkChanges: PgLinkSignal;
  /** Stops listening (after boards.close(), which ends the pool). */
  close(): Promise<void>;
}

/**
 * R59: every store on one PostgreSQL database (`CARTON_DATABASE_URL`), the schema brought up to
 * date first. Rejects with a DatabaseUnavailableError (one line, no password) if the database
 * cannot be reached.
 */
export async function openPostgresStores(
  database: DatabaseConfig,
  log: Logger,
): Promise<PostgresStores> {
  const where = describeDatabaseUrl(database.url);
  let health: StorageHealth | null = null;
  const pool = await openPostgres(database.url, {
    poolSize: database.poolSize,
    statementTimeoutMs: database.statementTimeoutMs,
    // One-way, as on SQLite (an older Carton refuses the database after it): said in the log.
    onUpdated: ({ database: at, from, to }) =>
      from === 0
        ? log.info('database_created', { database: at, schema: to })
        : log.info('database_updated', { database: at, from, to }),
    // R69: PostgreSQL stopping drops every idle connection of the pool at once. That is the
    // outage's news, said once by `storage_failing`; each connection's own line is debug.
    onIdleError: (error) => {
      const outage = health?.failed(error, 'idle connection') ?? null;
      log[outage === null ? 'warn' : 'debug']('database_connection_lost', {
        database: where,
        error,
      });
    },
  });
  let linkChanges: PgLinkSignal;
  try {
    linkChanges = await PgLinkSignal.start(database.url, log);
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(`cannot listen on the database ${where}: ${reason(error)}`);
  }
  log.info('database_opened', {
    database: where,
    poolSize: database.poolSize,
    statementTimeoutMs: database.statementTimeoutMs,
  });
  health = new StorageHealth(where, log, {
    probe: pgStorageProbe(pool),
    classify: pgStorageFailureCode,
    field: 'database',
  });
  return {
    boards: new PgBoardStorage(pool),
    health,
    forums: new PgForumStore(pool),
    blobs: new PgBlobStore(pool),
    votes: new PgVoteStore(pool),
    linkChanges,
    close: () => linkChanges.close(),
  };
}
