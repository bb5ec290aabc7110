// R30: admitted bytes count until the append that carries them settles (AdmittedBytes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardStorage } from '../storage/board-storage.ts';
import { openDatabase } from '../storage/database.ts';
import { SqliteBoardStorage } from '../storage/sqlite-board-storage.ts';
import { AdmittedBytes } from './admitted-bytes.ts';

const BOARD = 'board-la-mitis';
const UPDATE = new Uint8Array([0, 0]);

let dir: string;
let sqlite: SqliteBoardStorage;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'carton-admitted-'));
  sqlite = new SqliteBoardStorage(openDatabase(dir));
});
afterEach(async () => {
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The SQLite storage answering appends later, each settled by `next(outcome)` in order. */
function slowStorage(): { storage: BoardStorage; next: (outcome: 'store' | 'fail') => void } {
  const waiting: Array<(outcome: 'store' | 'fail') => void> = [];
  return {
    storage: {
      load: (id) => sqlite.load(id),
      append: (id, update) =>
        new Promise<number>((resolve, reject) => {
          waiting.push((outcome) =>
            outcome === 'store' ? resolve(sqlite.append(id, update)) : reject(new Error('lost')),
          );
        }),
      compact: (id, snapshot, seq) => sqlite.compact(id, snapshot, seq),
      saveSnapshot: (id, state, options) => sqlite.saveSnapshot(id, state, options),
      listSnapshots: (id) => sqlite.listSnapshots(id),
      getSnapshot: (id, snapshotId) => sqlite.getSnapshot(id, snapshotId),
      close: () => {},
    },
    next: (outcome) => waiting.shift()!(outcome),
  };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('R30: bytes admitted and not yet appended', () => {
  it('an asynchronous append settles what was admitted before it was issued, not after', async () => {
    const admitted = new AdmittedBytes();
    const slow = slowStorage();
    const storage = admitted.track(slow.storage);
    admitted.admit(BOARD, 300);
    const first = storage.append(BOARD, UPDATE);
    admitted.admit(BOARD, 50); // a later batch's update
    expect(admitted.inFlight(BOARD)).toBe(350);
    slow.next('store');
    await first;
    await settled();
    expect(admitted.inFlight(BOARD)).toBe(50);
    const second = storage.append(BOARD, UPDATE);
    slow.next('store');
    await second;
    await settled();
    expect(admitted.inFlight(BOARD)).toBe(0);
    expect(sqlite.load(BOARD).updates).toHaveLength(2);
  });

  it('a failed append settles too (never stored: the clients send it again, R6)', async () => {
    const admitted = new AdmittedBytes();
    const slow = slowStorage();
    const storage = admitted.track(slow.storage);
    admitted.admit(BOARD, 120);
    const append = storage.append(BOARD, UPDATE);
    slow.next('fail');
    await expect(append).rejects.toThrow('lost');
    await settled();
    expect(admitted.inFlight(BOARD)).toBe(0);
  });

  it('a synchronous append (SQLite) settles at once and answers a number', () => {
    const admitted = new AdmittedBytes();
    const storage = admitted.track(sqlite);
    admitted.admit(BOARD, 80);
    admitted.admit('board-kamouraska', 40);
    expect(typeof storage.append(BOARD, UPDATE)).toBe('number');
    expect(admitted.inFlight(BOARD)).toBe(0);
    expect(admitted.inFlight('board-kamouraska')).toBe(40);
  });
});
