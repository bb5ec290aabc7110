// Test support (unit tests here, cross-process tests in tests/ through tests/support/small-disk.ts):
// filling a small tmpfs to stand for a full disk (server SPEC R69); a file a newer Carton migrated.
import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { MIGRATIONS } from './database.ts';

/**
 * Writes `file` until its disk refuses (ENOSPC): large pieces, then smaller ones, so the disk is
 * left with less than the last piece free. Any other write error is thrown.
 */
export function fillUntilFull(file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (const size of [256 * 1024, 4 * 1024, 512]) {
      const piece = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          writeSync(fd, piece);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Leaves the SQLite file as a newer Carton would (one more migration: a table this build does
 * not know, and `user_version` one past MIGRATIONS), for the downgrade refusal's tests.
 */
export function migrateAsNewerCarton(file: string): number {
  const db = new Database(file);
  try {
    const version = MIGRATIONS.length + 1;
    db.exec('CREATE TABLE board_comments (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    db.prepare('INSERT INTO board_comments (text) VALUES (?)').run(
      'Kamouraska : la halte routière, incontournable',
    );
    db.pragma(`user_version = ${version}`);
    return version;
  } finally {
    db.close();
  }
}

/** The file's `user_version`, read without writing (nor migrating). */
export function schemaVersionOf(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}
