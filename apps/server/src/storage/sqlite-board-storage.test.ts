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

function replay(board: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string[] {
  const doc = new Y.Doc();
  if (board.snapshot) Y.applyUpdate(doc, board.snapshot);
  for (const u of board.updates) Y.applyUpdate(doc, u);
  return doc.getArray<string>('cartes').toArray();
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
  it('loads an unknown board as empty', () => {
    expect(storage.load('nouveau')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
  });

  it('R5: appends in order, per board, and survives reopening the file', () => {
    const doc = new Y.Doc();
    const seqs = ['Mot de bienvenue', 'Brise-glace', 'Cartes postales'].map((text) =>
      storage.append('plenary', update(text, doc)),
    );
    storage.append('autre', update('Ailleurs'));
    expect(seqs[0]! < seqs[1]! && seqs[1]! < seqs[2]!).toBe(true);
    storage.close();
    storage = new SqliteBoardStorage(openDatabase(dir));
    const loaded = storage.load('plenary');
    expect(loaded.lastSeq).toBe(seqs[2]);
    expect(replay(loaded)).toEqual(['Mot de bienvenue', 'Brise-glace', 'Cartes postales']);
    expect(replay(storage.load('autre'))).toEqual(['Ailleurs']);
  });

  it('R7: compaction replaces the log up to a sequence number, keeping later updates', () => {
    const doc = new Y.Doc();
    storage.append('b', update('un', doc));
    const second = storage.append('b', update('deux', doc));
    const snapshot = Y.encodeStateAsUpdate(doc);
    const third = storage.append('b', update('trois', doc));
    storage.compact('b', snapshot, second);
    const loaded = storage.load('b');
    expect(loaded.updates).toHaveLength(1);
    expect(loaded.lastSeq).toBe(third);
    expect(replay(loaded)).toEqual(['un', 'deux', 'trois']);
  });

  it('R7: an older compaction never overwrites a newer snapshot', () => {
    const doc = new Y.Doc();
    const first = storage.append('b', update('un', doc));
    const older = Y.encodeStateAsUpdate(doc);
    const second = storage.append('b', update('deux', doc));
    storage.compact('b', Y.encodeStateAsUpdate(doc), second);
    storage.compact('b', older, first);
    expect(replay(storage.load('b'))).toEqual(['un', 'deux']);
  });

  it('keeps named and auto snapshots, pruning old auto ones', () => {
    const doc = new Y.Doc();
    update('Les incontournables', doc);
    const state = Y.encodeStateAsUpdate(doc);
    const named = storage.saveSnapshot('b', state, { kind: 'named', name: 'Avant la plénière' });
    for (let i = 0; i < 55; i++) {
      update(`Condition ${i}`, doc);
      storage.saveSnapshot('b', Y.encodeStateAsUpdate(doc), { kind: 'auto' });
    }
    const list = storage.listSnapshots('b');
    expect(list.filter((s) => s.kind === 'auto')).toHaveLength(50);
    expect(list[0]).toMatchObject({ id: named.id, kind: 'named', name: 'Avant la plénière' });
    expect(replay({ snapshot: storage.getSnapshot('b', named.id), updates: [] })).toEqual([
      'Les incontournables',
    ]);
    expect(storage.getSnapshot('autre', named.id)).toBeNull();
  });

  it('R38: an auto version identical to the latest one is not kept twice', () => {
    const doc = new Y.Doc();
    update('Transport collectif', doc);
    const state = Y.encodeStateAsUpdate(doc);
    const first = storage.saveSnapshot('b', state, { kind: 'auto' });
    const again = storage.saveSnapshot('b', state, { kind: 'auto' });
    expect(again.id).toBe(first.id);
    update('Logement abordable', doc);
    storage.saveSnapshot('b', Y.encodeStateAsUpdate(doc), { kind: 'auto' });
    expect(storage.listSnapshots('b')).toHaveLength(2);
  });

  it('R30: measures the stored bytes of a board (snapshot and log)', () => {
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
