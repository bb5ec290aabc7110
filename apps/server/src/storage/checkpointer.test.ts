import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from './database.ts';
import { SqliteBoardStorage } from './sqlite-board-storage.ts';
import { fillUntilFull } from './test-support.ts';

let dir: string;
let db: SqliteDatabase;
let storage: SqliteBoardStorage;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'carton-checkpoint-'));
  db = openDatabase(dir);
  // A long interval: the test asks for each checkpoint itself.
  storage = new SqliteBoardStorage(db, { backgroundCheckpointMs: 60_000 });
});

afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

function noteUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) {
    doc.getArray<string>('cartes').push([`Mobilisation des acteurs du territoire nº ${i + 1}`]);
  }
  return updates;
}

describe('background WAL checkpoints (R5)', () => {
  it('the committing connection never checkpoints; the worker copies the whole WAL', async () => {
    expect(storage.checkpointer).not.toBeNull();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // Enough commits to pass SQLite's 1000-page automatic threshold.
    for (const update of noteUpdates(1_500)) storage.append('kamouraska', update);
    const result = await storage.checkpointer!.checkpointNow();
    expect(result.log).toBeGreaterThan(1_000);
    expect(result.checkpointed).toBe(result.log);
  });

  it('after stopping, the main connection checkpoints by itself again and nothing is lost', async () => {
    const updates = noteUpdates(50);
    for (const update of updates) storage.append('rimouski', update);
    await storage.close();
    expect(db.open).toBe(false);
    storage = new SqliteBoardStorage(openDatabase(dir));
    const loaded = storage.load('rimouski');
    expect(loaded.updates).toHaveLength(50);
    const doc = new Y.Doc();
    for (const update of loaded.updates) Y.applyUpdate(doc, update);
    expect(doc.getArray<string>('cartes').get(49)).toBe(
      'Mobilisation des acteurs du territoire nº 50',
    );
  });
});

/** An 8 MiB tmpfs (R69's full disk); null where mounting is not permitted (not root). */
function mountTinyDisk(): string | null {
  const at = mkdtempSync(join(tmpdir(), 'carton-checkpoint-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', at], { stdio: 'pipe' });
    return at;
  } catch {
    rmSync(at, { recursive: true, force: true });
    return null;
  }
}

const tinyDisk = mountTinyDisk();

describe.runIf(tinyDisk !== null)('a checkpoint that fails (R69)', () => {
  afterAll(() => {
    // Lazy: a failed test may leave its database open; the mount must not outlive the run.
    execFileSync('umount', ['-l', tinyDisk!]);
    rmSync(tinyDisk!, { recursive: true, force: true });
  });

  it('checkpointNow rejects with SQLite’s code when the disk is full, resolves once space is back', async () => {
    const data = join(tinyDisk!, 'data');
    const full = new SqliteBoardStorage(openDatabase(data), { backgroundCheckpointMs: 60_000 });
    try {
      // 60 notes of ~3 KiB: the WAL holds ~700 KiB the database file has yet to take.
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      for (let i = 0; i < 60; i++) {
        doc.getArray<string>('cartes').push([`Sécurité alimentaire nº ${i} `.repeat(110)]);
      }
      for (const update of updates) full.append('temiscouata', update);
      fillUntilFull(join(tinyDisk!, 'filler'));
      const failed = full.checkpointer!.checkpointNow();
      await expect(failed).rejects.toThrow(/full/i);
      await expect(failed).rejects.toMatchObject({ code: 'SQLITE_FULL' });
      rmSync(join(tinyDisk!, 'filler'));
      const result = await full.checkpointer!.checkpointNow();
      expect(result.checkpointed).toBe(result.log);
    } finally {
      await full.close();
    }
  });
});

describe('a stopped checkpointer', () => {
  it('checkpointNow rejects instead of waiting forever', async () => {
    const checkpointer = storage.checkpointer!;
    await checkpointer.stop();
    await expect(checkpointer.checkpointNow()).rejects.toThrow(/stopped/);
  });
});
