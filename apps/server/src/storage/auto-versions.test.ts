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
