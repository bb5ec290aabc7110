import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, MIGRATIONS, openDatabase } from './database.ts';

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
