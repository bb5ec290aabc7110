// One behaviour suite for BoardStorage (R5–R7, R30, R38), run against SQLite and PostgreSQL.
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TooManyVersionsError, type BoardStorage } from '../../storage/board-storage.ts';
import { SqliteBoardStorage } from '../../storage/sqlite-board-storage.ts';
import { PgBoardStorage } from '../pg-board-storage.ts';
import { BACKENDS, type TestDatabase } from './backends.ts';

type MeasuredStorage = BoardStorage & { storedBytes(boardId: string): number };

function storageOn(db: TestDatabase): MeasuredStorage {
  return db.sqlite
    ? new SqliteBoardStorage(db.sqlite)
    : new PgBoardStorage(db.pool!, { closePool: false });
}

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

for (const makeBackend of BACKENDS) {
  const backend = makeBackend();
  describe(`BoardStorage contract on ${backend.name}`, () => {
    let db: TestDatabase;
    let storage: MeasuredStorage;

    beforeAll(() => backend.start());
    afterAll(() => backend.stop());
    beforeEach(async () => {
      db = await backend.open();
      storage = storageOn(db);
    });
    afterEach(async () => {
      await storage.close();
      await db.close();
    });

    it('loads an unknown board as empty', async () => {
      expect(await storage.load('nouveau')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
    });

    it('R5: appends in order, per board, and survives reopening the database', async () => {
      const doc = new Y.Doc();
      const seqs: number[] = [];
      for (const text of ['Mot de bienvenue', 'Brise-glace', 'Cartes postales']) {
        seqs.push(await storage.append('plenary', update(text, doc)));
      }
      await storage.append('autre', update('Ailleurs'));
      expect(seqs[0]! < seqs[1]! && seqs[1]! < seqs[2]!).toBe(true);
      await storage.close();
      db = await db.reopen();
      storage = storageOn(db);
      const loaded = await storage.load('plenary');
      expect(loaded.lastSeq).toBe(seqs[2]);
      expect(replay(loaded)).toEqual(['Mot de bienvenue', 'Brise-glace', 'Cartes postales']);
      expect(replay(await storage.load('autre'))).toEqual(['Ailleurs']);
    });

    it('R6: appends issued together are stored in the order they were issued', async () => {
      const doc = new Y.Doc();
      const texts = Array.from({ length: 20 }, (_, i) => `Condition ${i}`);
      const seqs = await Promise.all(texts.map((text) => storage.append('b', update(text, doc))));
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      const loaded = await storage.load('b');
      expect(loaded.lastSeq).toBe(seqs[seqs.length - 1]);
      expect(replay(loaded)).toEqual(texts);
    });

    it('R7: compaction replaces the log up to a sequence number, keeping later updates', async () => {
      const doc = new Y.Doc();
      await storage.append('b', update('un', doc));
      const second = await storage.append('b', update('deux', doc));
      const snapshot = Y.encodeStateAsUpdate(doc);
      const third = await storage.append('b', update('trois', doc));
      await storage.compact('b', snapshot, second);
      const loaded = await storage.load('b');
      expect(loaded.updates).toHaveLength(1);
      expect(loaded.lastSeq).toBe(third);
      expect(replay(loaded)).toEqual(['un', 'deux', 'trois']);
    });

    it('R7: an older compaction never overwrites a newer snapshot', async () => {
      const doc = new Y.Doc();
      const first = await storage.append('b', update('un', doc));
      const older = Y.encodeStateAsUpdate(doc);
      const second = await storage.append('b', update('deux', doc));
      await storage.compact('b', Y.encodeStateAsUpdate(doc), second);
      await storage.compact('b', older, first);
      const loaded = await storage.load('b');
      expect(loaded.snapshot).not.toBeNull();
      expect(loaded.lastSeq).toBe(second);
      expect(replay(loaded)).toEqual(['un', 'deux']);
    });

    it('R7: a board created by a compaction at 0 (a new forum) takes later appends', async () => {
      const doc = new Y.Doc();
      update('Conditions présentes', doc);
      await storage.compact('b', Y.encodeStateAsUpdate(doc), 0);
      await storage.append('b', update('Conditions souhaitées', doc));
      expect(replay(await storage.load('b'))).toEqual([
        'Conditions présentes',
        'Conditions souhaitées',
      ]);
    });

    it('keeps named and auto snapshots, pruning old auto ones', async () => {
      const doc = new Y.Doc();
      update('Les incontournables', doc);
      const state = Y.encodeStateAsUpdate(doc);
      const named = await storage.saveSnapshot('b', state, {
        kind: 'named',
        name: 'Avant la plénière',
      });
      for (let i = 0; i < 55; i++) {
        update(`Condition ${i}`, doc);
        await storage.saveSnapshot('b', Y.encodeStateAsUpdate(doc), { kind: 'auto' });
      }
      const list = await storage.listSnapshots('b');
      expect(list.filter((s) => s.kind === 'auto')).toHaveLength(50);
      expect(list[0]).toMatchObject({
        id: named.id,
        boardId: 'b',
        kind: 'named',
        name: 'Avant la plénière',
        bytes: state.byteLength,
      });
      expect(typeof list[0]!.createdAt).toBe('number');
      expect(replay({ snapshot: await storage.getSnapshot('b', named.id), updates: [] })).toEqual([
        'Les incontournables',
      ]);
      expect(await storage.getSnapshot('autre', named.id)).toBeNull();
    });

    it('R27: named versions stop at maxNamed, even saved at once by two processes', async () => {
      const second = await db.openSecond();
      const other = storageOn(second);
      try {
        const doc = new Y.Doc();
        update('Transport collectif', doc);
        const state = Y.encodeStateAsUpdate(doc);
        const save = (on: BoardStorage, i: number) =>
          Promise.resolve()
            .then(() =>
              on.saveSnapshot('b', state, { kind: 'named', name: `Étape ${i}`, maxNamed: 5 }),
            )
            .then(
              () => 'kept',
              (error: unknown) => {
                if (error instanceof TooManyVersionsError) return 'refused';
                throw error;
              },
            );
        const outcomes = await Promise.all(
          Array.from({ length: 8 }, (_, i) => save(i % 2 === 0 ? storage : other, i)),
        );
        expect(outcomes.filter((o) => o === 'kept')).toHaveLength(5);
        expect(outcomes.filter((o) => o === 'refused')).toHaveLength(3);
        // The board's other versions go on: auto ones, and a restored archive's (no maxNamed).
        update('Logement abordable', doc);
        await storage.saveSnapshot('b', Y.encodeStateAsUpdate(doc), { kind: 'auto' });
        await storage.saveSnapshot('b', state, { kind: 'named', name: 'Archive' });
        await storage.saveSnapshot('autre', state, {
          kind: 'named',
          name: 'Ailleurs',
          maxNamed: 5,
        });
        const kinds = (await storage.listSnapshots('b')).map((s) => s.kind);
        expect(kinds.filter((k) => k === 'named')).toHaveLength(6);
        expect(kinds.filter((k) => k === 'auto')).toHaveLength(1);
      } finally {
        await other.close();
        await second.close();
      }
    });

    it('R38: an auto version identical to the latest one is not kept twice', async () => {
      const doc = new Y.Doc();
      update('Transport collectif', doc);
      const state = Y.encodeStateAsUpdate(doc);
      const first = await storage.saveSnapshot('b', state, { kind: 'auto' });
      const again = await storage.saveSnapshot('b', state, { kind: 'auto' });
      expect(again.id).toBe(first.id);
      update('Logement abordable', doc);
      await storage.saveSnapshot('b', Y.encodeStateAsUpdate(doc), { kind: 'auto' });
      expect(await storage.listSnapshots('b')).toHaveLength(2);
    });

    it('R30: measures the stored bytes of a loaded board (snapshot and log)', async () => {
      const doc = new Y.Doc();
      await storage.load('b');
      expect(storage.storedBytes('b')).toBe(0);
      const first = update('Sécurité alimentaire', doc);
      const seq = await storage.append('b', first);
      expect(storage.storedBytes('b')).toBe(first.byteLength);
      const snapshot = Y.encodeStateAsUpdate(doc);
      await storage.compact('b', snapshot, seq);
      const second = update('Mobilité', doc);
      await storage.append('b', second);
      expect(storage.storedBytes('b')).toBe(snapshot.byteLength + second.byteLength);
    });
  });
}
