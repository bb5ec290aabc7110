// SqliteBoardStorage's own behaviour. What every BoardStorage does (load, append order and
// reopening, compaction, versions and their pruning, R38's duplicate auto version, R30 on a
// loaded board) is the contract suite's, run on SQLite and PostgreSQL alike:
// src/postgres/contract/board-storage.contract.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { SqliteBoardStorage } from './sqlite-board-storage.ts';

let dir: string;
let storage: SqliteBoardStorage;

function update(text: string, doc = new Y.Doc()): Uint8Array {
  let captured: Uint8Array | null = null;
  doc.once('update', (u: Uint8Array) => (captured = u));
  doc.getArray<string>('cartes').push([text]);
  return captured!;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'carton-storage-'));
  storage = new SqliteBoardStorage(openDatabase(dir));
});

afterEach(() => {
  storage.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SqliteBoardStorage', () => {
  // SQLite reads the size from the file: a board it never loaded (the contract loads first, as
  // PostgreSQL counts only boards it has read).
  it('R30: measures the stored bytes of a board never loaded (snapshot and log)', () => {
    const doc = new Y.Doc();
    expect(storage.storedBytes('b')).toBe(0);
    const first = update('Sécurité alimentaire', doc);
    const seq = storage.append('b', first);
    expect(storage.storedBytes('b')).toBe(first.byteLength);
    const snapshot = Y.encodeStateAsUpdate(doc);
    storage.compact('b', snapshot, seq);
    const second = update('Mobilité', doc);
    storage.append('b', second);
    expect(storage.storedBytes('b')).toBe(snapshot.byteLength + second.byteLength);
  });
});
