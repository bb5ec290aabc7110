import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { NewerSchemaError } from './schema-version.ts';

export type { SqliteDatabase };

/** Schema versions, applied in order; `PRAGMA user_version` records how far a file got. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE board_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX board_updates_by_board ON board_updates (board_id, seq);
  CREATE TABLE board_state (
    board_id TEXT PRIMARY KEY,
    snapshot BLOB NOT NULL,
    seq INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE board_snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('auto', 'named')),
    name TEXT,
    created_at INTEGER NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX board_snapshots_by_board ON board_snapshots (board_id, id);
  CREATE TABLE forums (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE boards (
    id TEXT PRIMARY KEY,
    forum_id TEXT NOT NULL REFERENCES forums (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('plenary', 'territory', 'postcards')),
    title TEXT NOT NULL,
    territory TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX boards_by_forum ON boards (forum_id, position);
  CREATE TABLE tokens (
    hash BLOB PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('facilitator', 'edit', 'view')),
    forum_id TEXT NOT NULL REFERENCES forums (id),
    board_id TEXT REFERENCES boards (id),
    created_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  // 2: uploaded images, content-addressed per forum (R35), so a photo pasted on another board
  // of the same forum still shows.
  `
  CREATE TABLE blobs (
    id INTEGER PRIMARY KEY,
    forum_id TEXT NOT NULL REFERENCES forums (id),
    sha256 TEXT NOT NULL,
    mime TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    data BLOB NOT NULL
  );
  CREATE UNIQUE INDEX blobs_by_forum ON blobs (forum_id, sha256);
  `,
  // 3: forum day. The forum's date; each board token also sealed (AES-256-GCM) under a key
  // derived from the facilitator token, so the facilitator can list links again (L1); dots of
  // dot votes, one row per dot, the voter known only by a hash (V2).
  `
  ALTER TABLE forums ADD COLUMN date TEXT;
  ALTER TABLE tokens ADD COLUMN sealed BLOB;
  CREATE INDEX tokens_by_board ON tokens (board_id, role);
  CREATE TABLE vote_dots (
    id INTEGER PRIMARY KEY,
    forum_id TEXT NOT NULL REFERENCES forums (id),
    vote_id TEXT NOT NULL,
    voter TEXT NOT NULL,
    board_id TEXT NOT NULL,
    shape_id TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX vote_dots_by_voter ON vote_dots (vote_id, voter);
  CREATE INDEX vote_dots_by_note ON vote_dots (vote_id, board_id, shape_id);
  `,
  // 4: a removed board keeps its row and token hashes, marked removed, so a misclick can be
  // undone with the same links and content (R56, R58).
  `
  ALTER TABLE boards ADD COLUMN removed_at INTEGER;
  `,
  // 5: which request put an image last (R54): a refused board removes only the images its own
  // request inserted and no other request named since (BlobStore.remove).
  `
  ALTER TABLE blobs ADD COLUMN put_by TEXT;
  `,
  // 6: how many times a board was renamed (R55): a failed rename's undo writes only if no
  // rename came since — even one that gave the same name back (ForumStore.renameBoard).
  `
  ALTER TABLE boards ADD COLUMN rename_generation INTEGER NOT NULL DEFAULT 0;
  `,
  // 7: a forum deleted for good (R70) keeps a tombstone (its id, its boards' ids and token
  // hashes, its names blanked) so its links answer 410; the documents it erased are listed so
  // that no write that was racing the erase (a room's flush on unload, a compaction, an
  // automatic version, another process's append) can put them back: the triggers drop it.
  `
  ALTER TABLE forums ADD COLUMN deleted_at INTEGER;
  CREATE TABLE erased_documents (
    id TEXT PRIMARY KEY,
    erased_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TRIGGER board_updates_erased BEFORE INSERT ON board_updates
    WHEN EXISTS (SELECT 1 FROM erased_documents WHERE id = NEW.board_id)
    BEGIN SELECT RAISE(IGNORE); END;
  CREATE TRIGGER board_state_erased BEFORE INSERT ON board_state
    WHEN EXISTS (SELECT 1 FROM erased_documents WHERE id = NEW.board_id)
    BEGIN SELECT RAISE(IGNORE); END;
  CREATE TRIGGER board_snapshots_erased BEFORE INSERT ON board_snapshots
    WHEN EXISTS (SELECT 1 FROM erased_documents WHERE id = NEW.board_id)
    BEGIN SELECT RAISE(IGNORE); END;
  CREATE TRIGGER blobs_erased BEFORE INSERT ON blobs
    WHEN EXISTS (SELECT 1 FROM forums WHERE id = NEW.forum_id AND deleted_at IS NOT NULL)
    BEGIN SELECT RAISE(IGNORE); END;
  CREATE TRIGGER vote_dots_erased BEFORE INSERT ON vote_dots
    WHEN EXISTS (SELECT 1 FROM forums WHERE id = NEW.forum_id AND deleted_at IS NOT NULL)
    BEGIN SELECT RAISE(IGNORE); END;
  `,
];

/** The database's file name in the data directory. */
export const DATABASE_FILE = 'carton.sqlite';

/**
 * Opens (creating if needed) `carton.sqlite` in the data directory, in WAL mode. WAL with
 * synchronous=NORMAL survives a killed process without losing a committed write (R5); a power
 * cut may lose the last moments, which the clients still hold and resend on reconnect.
 *
 * A file a newer Carton has already migrated is refused with a NewerSchemaError (as on
 * PostgreSQL), before anything is written to it — not even the journal mode.
 */
/** A schema brought up to date at open: from 0 (a new file) or an older Carton's version. */
export interface SchemaUpdate {
  file: string;
  from: number;
  to: number;
}

export function openDatabase(
  dataDir: string,
  fileName = DATABASE_FILE,
  onUpdated?: (update: SchemaUpdate) => void,
): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, fileName);
  const db = new Database(path);
  try {
    // Connection settings only: none writes to the file.
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // R70: whatever is deleted is zeroed in the file — a compaction's log rows (R7), a pruned
    // version, an erased forum — so a deleted forum's notes and photos do not linger in free
    // space for anyone who copies the file.
    db.pragma('secure_delete = ON');
    // Read first: `journal_mode = WAL` would rewrite the header of a file in another mode.
    refuseNewerSchema(db, path);
    db.pragma('journal_mode = WAL');
    const from = migrate(db, path);
    if (from < MIGRATIONS.length) onUpdated?.({ file: path, from, to: MIGRATIONS.length });
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function refuseNewerSchema(db: SqliteDatabase, path: string): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new NewerSchemaError(path, version, MIGRATIONS.length);
  }
  return version;
}

/** Applies the missing migrations; answers the version the file was at. */
function migrate(db: SqliteDatabase, path: string): number {
  // Several processes may open a fresh file together (R63): the version is read under the
  // write lock (IMMEDIATE), so each migration is applied once, never twice — and a newer
  // Carton's migration committed meanwhile is refused (the transaction rolls back unwritten).
  return db
    .transaction(() => {
      const current = refuseNewerSchema(db, path);
      for (let version = current; version < MIGRATIONS.length; version++) {
        db.exec(MIGRATIONS[version]!);
        db.pragma(`user_version = ${version + 1}`);
      }
      return current;
    })
    .immediate();
}
