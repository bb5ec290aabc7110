import type pg from 'pg';
import { NewerSchemaError } from '../storage/schema-version.ts';

/**
 * Advisory lock classes (the first key of `pg_advisory_xact_lock(int, int)`): "CART" and the
 * next values, so Carton's locks never collide with another application's on the same server.
 */
export const BOARD_LOCK = 0x43415254;
export const MIGRATION_LOCK = 0x43415255;
/** One voter's dots in one vote (V4: the count and the insert are serialised). */
export const VOTER_LOCK = 0x43415256;

/**
 * Schema versions, applied in order; `carton_schema.version` records how far a database got
 * (SQLite's `user_version`). The tables mirror storage/database.ts, with BYTEA for binary,
 * BIGINT for times (ms) and BIGSERIAL sequence numbers.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE board_updates (
    seq BIGSERIAL PRIMARY KEY,
    board_id TEXT NOT NULL,
    data BYTEA NOT NULL
  );
  CREATE INDEX board_updates_by_board ON board_updates (board_id, seq);
  CREATE TABLE board_state (
    board_id TEXT PRIMARY KEY,
    snapshot BYTEA NOT NULL,
    seq BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE TABLE board_snapshots (
    id BIGSERIAL PRIMARY KEY,
    board_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('auto', 'named')),
    name TEXT,
    created_at BIGINT NOT NULL,
    data BYTEA NOT NULL
  );
  CREATE INDEX board_snapshots_by_board ON board_snapshots (board_id, id);
  CREATE TABLE forums (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    date TEXT
  );
  CREATE TABLE boards (
    id TEXT PRIMARY KEY,
    forum_id TEXT NOT NULL REFERENCES forums (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('plenary', 'territory', 'postcards')),
    title TEXT NOT NULL,
    territory TEXT,
    created_at BIGINT NOT NULL,
    removed_at BIGINT
  );
  CREATE INDEX boards_by_forum ON boards (forum_id, position);
  CREATE TABLE tokens (
    hash BYTEA PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('facilitator', 'edit', 'view')),
    forum_id TEXT NOT NULL REFERENCES forums (id),
    board_id TEXT REFERENCES boards (id),
    created_at BIGINT NOT NULL,
    sealed BYTEA
  );
  CREATE INDEX tokens_by_board ON tokens (board_id, role);
  CREATE INDEX tokens_by_forum ON tokens (forum_id, role);
  CREATE TABLE blobs (
    id BIGSERIAL PRIMARY KEY,
    forum_id TEXT NOT NULL REFERENCES forums (id),
    sha256 TEXT NOT NULL,
    mime TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    data BYTEA NOT NULL
  );
  CREATE UNIQUE INDEX blobs_by_forum ON blobs (forum_id, sha256);
  CREATE TABLE vote_dots (
    id BIGSERIAL PRIMARY KEY,
    forum_id TEXT NOT NULL REFERENCES forums (id),
    vote_id TEXT NOT NULL,
    voter TEXT NOT NULL,
    board_id TEXT NOT NULL,
    shape_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX vote_dots_by_voter ON vote_dots (vote_id, voter);
  CREATE INDEX vote_dots_by_note ON vote_dots (vote_id, board_id, shape_id);
  -- One round trip per append, under the board's lock: sequence numbers of a board are then
  -- committed in their order, so a compaction up to N never hides a later-committed N-1 that
  -- another process was still writing.
  CREATE FUNCTION carton_append_update(p_board TEXT, p_data BYTEA) RETURNS BIGINT
  LANGUAGE plpgsql AS $fn$
  DECLARE appended BIGINT;
  BEGIN
    PERFORM pg_advisory_xact_lock(${BOARD_LOCK}, hashtext(p_board));
    INSERT INTO board_updates (board_id, data) VALUES (p_board, p_data)
      RETURNING seq INTO appended;
    RETURN appended;
  END
  $fn$;
  `,
  // 2: which request put an image last (R54, as SQLite's 5): BlobStore.remove.
  `
  ALTER TABLE blobs ADD COLUMN put_by TEXT;
  `,
  // 3: how many times a board was renamed (R55, as SQLite's 6): ForumStore.renameBoard's undo.
  `
  ALTER TABLE boards ADD COLUMN rename_generation INTEGER NOT NULL DEFAULT 0;
  `,
  // 4: a forum deleted for good (R70): its tombstone, and triggers that drop any write racing
  // the erase (storage/database.ts, version 7).
  `
  ALTER TABLE forums ADD COLUMN deleted_at BIGINT;
  CREATE TABLE erased_documents (
    id TEXT PRIMARY KEY,
    erased_at BIGINT NOT NULL
  );
  CREATE FUNCTION carton_drop_erased_document() RETURNS trigger
  LANGUAGE plpgsql AS $fn$
  BEGIN
    IF EXISTS (SELECT 1 FROM erased_documents WHERE id = NEW.board_id) THEN RETURN NULL; END IF;
    RETURN NEW;
  END
  $fn$;
  CREATE FUNCTION carton_drop_erased_forum() RETURNS trigger
  LANGUAGE plpgsql AS $fn$
  BEGIN
    IF EXISTS (SELECT 1 FROM forums WHERE id = NEW.forum_id AND deleted_at IS NOT NULL) THEN
      RETURN NULL;
    END IF;
    RETURN NEW;
  END
  $fn$;
  CREATE TRIGGER board_updates_erased BEFORE INSERT ON board_updates
    FOR EACH ROW EXECUTE FUNCTION carton_drop_erased_document();
  CREATE TRIGGER board_state_erased BEFORE INSERT ON board_state
    FOR EACH ROW EXECUTE FUNCTION carton_drop_erased_document();
  CREATE TRIGGER board_snapshots_erased BEFORE INSERT ON board_snapshots
    FOR EACH ROW EXECUTE FUNCTION carton_drop_erased_document();
  CREATE TRIGGER blobs_erased BEFORE INSERT ON blobs
    FOR EACH ROW EXECUTE FUNCTION carton_drop_erased_forum();
  CREATE TRIGGER vote_dots_erased BEFORE INSERT ON vote_dots
    FOR EACH ROW EXECUTE FUNCTION carton_drop_erased_forum();
  `,
];

export interface MigrateOptions {
  /**
   * How long one attempt waits for a table's lock (`lock_timeout`). A migration's ALTER TABLE
   * needs an exclusive lock: waiting behind a running process's long transaction would queue
   * every other query on that table (images stop loading across the forum) for as long.
   */
  lockTimeoutMs?: number;
  /** Attempts before giving up (the process then exits; its supervisor starts it again). */
  attempts?: number;
  /** Pause between attempts. */
  retryMs?: number;
  /** Told once the schema was brought up, from 0 (a new database) or an older Carton's version. */
  onUpdated?: (from: number, to: number) => void;
}

/** SQLSTATE lock_not_available: the lock_timeout passed. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Brings the database to the latest schema in one transaction, under an advisory lock: two
 * processes starting together do not both apply a version (the second waits, then finds none
 * left to apply). A version whose table lock is not granted within `lockTimeoutMs` is rolled
 * back and tried again, so a migration never holds the running processes' queries behind it.
 */
export async function migrate(
  client: pg.ClientBase,
  options: MigrateOptions = {},
): Promise<number> {
  const attempts = options.attempts ?? 12;
  for (let attempt = 1; ; attempt++) {
    try {
      const { from, to } = await migrateOnce(client, options.lockTimeoutMs ?? 5_000);
      if (from < to) options.onUpdated?.(from, to);
      return to;
    } catch (error) {
      const busy = (error as { code?: unknown }).code === LOCK_NOT_AVAILABLE;
      if (!busy || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, options.retryMs ?? 5_000));
    }
  }
}

async function migrateOnce(
  client: pg.ClientBase,
  lockTimeoutMs: number,
): Promise<{ from: number; to: number }> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, 0)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS carton_schema (version INTEGER NOT NULL)');
    const found = await client.query<{ version: number }>('SELECT version FROM carton_schema');
    const from = found.rows[0]?.version ?? 0;
    let version = from;
    if (found.rows.length === 0) await client.query('INSERT INTO carton_schema VALUES (0)');
    if (version > MIGRATIONS.length) {
      // `where` is filled in by openPostgres, which knows the URL (without its password).
      throw new NewerSchemaError('', version, MIGRATIONS.length);
    }
    if (version < MIGRATIONS.length) {
      // Only for the versions' statements: the advisory lock above may wait as long as it must.
      await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(lockTimeoutMs))}`);
    }
    for (; version < MIGRATIONS.length; version++) await client.query(MIGRATIONS[version]!);
    await client.query('UPDATE carton_schema SET version = $1', [version]);
    await client.query('COMMIT');
    return { from, to: version };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
