import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, MIGRATIONS, openDatabase, type SchemaUpdate } from './database.ts';
import { DatabaseUnavailableError } from './schema-version.ts';
import { migrateAsNewerCarton, schemaVersionOf } from './test-support.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'carton-db-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Another Carton process opening the same fresh file: it migrates under the write lock and
// commits a moment later. Plain JavaScript, so the worker needs no TypeScript loader.
const OTHER_PROCESS = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.exec('BEGIN IMMEDIATE');
workerData.migrations.forEach((migration, i) => {
  db.exec(migration);
  db.pragma('user_version = ' + (i + 1));
});
parentPort.postMessage('locked');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
db.exec('COMMIT');
db.close();
`;

describe('openDatabase with several processes (R63)', () => {
  it('a fresh file migrated by another process meanwhile is not migrated twice', async () => {
    const worker = new Worker(OTHER_PROCESS, {
      eval: true,
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        file: join(dir, DATABASE_FILE),
        migrations: MIGRATIONS,
      },
    });
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    // This process reads the file (version 0 committed) while the other holds the write lock.
    const db = openDatabase(dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.prepare('SELECT COUNT(*) AS n FROM board_updates').get()).toEqual({ n: 0 });
    } finally {
      db.close();
      await exited;
    }
  });
});

/** A file as a newer Carton leaves it: one more migration, applied by that Carton. */
function fileFromNewerCarton(): string {
  openDatabase(dir).close();
  const file = join(dir, DATABASE_FILE);
  migrateAsNewerCarton(file);
  return file;
}

describe('openDatabase on a file a newer Carton migrated', () => {
  it('refuses with both versions and what to do, and writes nothing to the file', () => {
    const file = fileFromNewerCarton();
    const before = readFileSync(file);
    expect(() => openDatabase(dir)).toThrow(DatabaseUnavailableError);
    let message = '';
    try {
      openDatabase(dir);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`cannot prepare the database ${file}`);
    expect(message).toContain(
      `(version ${MIGRATIONS.length + 1}) is newer than this Carton (${MIGRATIONS.length})`,
    );
    expect(message).toContain('Start that newer Carton');
    expect(message).not.toContain('\n');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(schemaVersionOf(file)).toBe(MIGRATIONS.length + 1);
  });

  it('still opens a file at this Carton’s version, and migrates an older one', () => {
    const db = openDatabase(dir);
    db.pragma('user_version = 3');
    for (const table of ['board_updates', 'board_state', 'board_snapshots', 'blobs', 'vote_dots']) {
      db.exec(`DROP TRIGGER ${table}_erased`);
    }
    db.exec('DROP TABLE erased_documents');
    db.exec('ALTER TABLE forums DROP COLUMN deleted_at');
    db.exec('ALTER TABLE boards DROP COLUMN rename_generation');
    db.exec('ALTER TABLE blobs DROP COLUMN put_by');
    db.exec('ALTER TABLE boards DROP COLUMN removed_at');
    db.close();
    const updates: SchemaUpdate[] = [];
    const reopened = openDatabase(dir, DATABASE_FILE, (update) => updates.push(update));
    expect(reopened.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    reopened.close();
    const again = openDatabase(dir, DATABASE_FILE, (update) => updates.push(update));
    expect(again.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    again.close();
    // The update is reported once, with both versions (the server logs it: one-way).
    expect(updates).toEqual([{ file: join(dir, DATABASE_FILE), from: 3, to: MIGRATIONS.length }]);
  });

  it('reports a new file as created from version 0', () => {
    const updates: SchemaUpdate[] = [];
    openDatabase(dir, DATABASE_FILE, (update) => updates.push(update)).close();
    expect(updates).toEqual([{ file: join(dir, DATABASE_FILE), from: 0, to: MIGRATIONS.length }]);
  });
});
