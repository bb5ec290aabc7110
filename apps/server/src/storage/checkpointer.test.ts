import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from './database.ts';
import { SqliteBoardStorage } from './sqlite-board-storage.ts';

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
