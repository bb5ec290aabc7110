import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../log.ts';
import { AutoVersionStorage } from './auto-versions.ts';
import { openDatabase } from './database.ts';
import { SqliteBoardStorage } from './sqlite-board-storage.ts';

let dir: string;
let storage: AutoVersionStorage;

beforeEach(() => {
  vi.useFakeTimers();
  dir = mkdtempSync(join(tmpdir(), 'carton-auto-'));
  storage = new AutoVersionStorage(new SqliteBoardStorage(openDatabase(dir)), {
    intervalMs: 60_000,
    log: silentLogger,
  });
});

afterEach(() => {
  void storage.close();
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

function write(doc: Y.Doc, boardId: string, text: string): void {
  const capture = (update: Uint8Array) => storage.append(boardId, update);
  doc.on('update', capture);
  doc.getArray<string>('cartes').push([text]);
  doc.off('update', capture);
}

describe('AutoVersionStorage', () => {
  it('R38: keeps one auto version per interval of activity, none while idle', async () => {
    const doc = new Y.Doc();
    write(doc, 'b', 'Accueil');
    await vi.advanceTimersByTimeAsync(30_000);
    write(doc, 'b', 'Brise-glace');
    expect(storage.listSnapshots('b')).toEqual([]);
    await vi.advanceTimersByTimeAsync(30_000);
    const first = await storage.listSnapshots('b');
    expect(first.map((s) => s.kind)).toEqual(['auto']);
    const state = await storage.getSnapshot('b', first[0]!.id);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, state!);
    expect(copy.getArray<string>('cartes').toArray()).toEqual(['Accueil', 'Brise-glace']);
    // Idle: no timer, no new version.
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(await storage.listSnapshots('b')).toHaveLength(1);
    write(doc, 'b', 'Plénière');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await storage.listSnapshots('b')).toHaveLength(2);
  });
});

describe('AutoVersionStorage with several processes (R63)', () => {
  it('R38: an unnamed auto version holding the latest version’s content is not stored again', async () => {
    // Two processes unloading the same board: one keeps its stored bytes (a merged log), the
    // other its doc's encoding — equal content, different bytes.
    const shared = new AutoVersionStorage(storage, {
      intervalMs: 60_000,
      log: silentLogger,
      shared: true,
    });
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('titre').insert(0, 'Forum Alliance BSL');
    doc.getText('titre').delete(0, 6);
    const merged = Y.mergeUpdates(updates);
    const encoded = Y.encodeStateAsUpdate(doc);
    expect(Buffer.compare(merged, encoded)).not.toBe(0);
    await shared.saveSnapshot('b', merged, { kind: 'auto' });
    await shared.saveSnapshot('b', encoded, { kind: 'auto' });
    expect(await shared.listSnapshots('b')).toHaveLength(1);
    // Different content is kept, and a named version is always kept.
    doc.getText('titre').insert(0, 'Le ');
    await shared.saveSnapshot('b', Y.encodeStateAsUpdate(doc), { kind: 'auto' });
    await shared.saveSnapshot('b', Y.encodeStateAsUpdate(doc), { kind: 'named', name: 'Fin' });
    expect((await shared.listSnapshots('b')).map((v) => v.kind)).toEqual(['auto', 'auto', 'named']);
  });

  it('R38: the timer skips its version when another process kept one within the interval', async () => {
    const other = new AutoVersionStorage(storage, {
      intervalMs: 60_000,
      log: silentLogger,
      shared: true,
    });
    const doc = new Y.Doc();
    write(doc, 'b', 'Accueil');
    await vi.advanceTimersByTimeAsync(20_000);
    // The other process's room appends too; its timer fires 20 s after this one's.
    const viaOther = (text: string) => {
      const capture = (update: Uint8Array) => other.append('b', update);
      doc.on('update', capture);
      doc.getArray<string>('cartes').push([text]);
      doc.off('update', capture);
    };
    viaOther('Brise-glace');
    await vi.advanceTimersByTimeAsync(50_000);
    // This process kept its version at 60 s; the other one's edit at 70 s comes after it.
    expect(await storage.listSnapshots('b')).toHaveLength(1);
    viaOther('Plénière');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(await storage.listSnapshots('b')).toHaveLength(1);
    await other.close();
  });
});
