// The device's copy never stores part of an import being written (board/outgoingHold.ts), not
// even through y-indexeddb's compaction, which writes the whole doc's state.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { LocalCopy, type CopyStore } from './localCopy';

/** y-indexeddb's store as far as the copy uses it: past 500 updates, a compaction a second later. */
class FakePersistence {
  stored: Uint8Array[] = [];
  compactions: Uint8Array[] = [];
  _dbsize = 0;
  _storeTimeoutId: ReturnType<typeof setTimeout> | null = null;
  whenSynced = Promise.resolve(this);
  constructor(readonly doc: Y.Doc) {
    doc.on('update', this._storeUpdate);
  }
  _storeUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this) return;
    this.stored.push(update);
    if (++this._dbsize >= 500) {
      if (this._storeTimeoutId !== null) clearTimeout(this._storeTimeoutId);
      this._storeTimeoutId = setTimeout(() => {
        void compact(this);
        this._storeTimeoutId = null;
      }, 1000);
    }
  };
  destroy = () => Promise.resolve();
}

/** y-indexeddb's storeState(persistence, false): one update of the whole doc, past 500. */
function compact(persistence: FakePersistence): Promise<void> {
  if (persistence._dbsize >= 500) {
    persistence.compactions.push(Y.encodeStateAsUpdate(persistence.doc));
    persistence._dbsize = 1;
  }
  return Promise.resolve();
}

// Given to the copy rather than mocked as a module: the web unit files share their modules
// (vitest.config.ts), so a file run before this one had already loaded the real y-indexeddb.
const opened: FakePersistence[] = [];
const FAKE_STORE: CopyStore = {
  open: (_name, doc) => {
    const persistence = new FakePersistence(doc);
    opened.push(persistence);
    return persistence as unknown as IndexeddbPersistence;
  },
  compact: (persistence) => compact(persistence as unknown as FakePersistence),
};

const LOCAL = { kind: 'local' };
const SERVER = { kind: 'server' };
const write = (doc: Y.Doc, key: string, origin: unknown) =>
  doc.transact(() => doc.getMap('board').set(key, `Condition ${key}`), origin);
const keysOf = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return [...doc.getMap('board').keys()].sort();
};

describe('LocalCopy during an import written in parts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('puts off y-indexeddb’s compaction until the import is stored whole', async () => {
    const doc = new Y.Doc();
    const copy = new LocalCopy('carton-board-test', doc, () => true, FAKE_STORE);
    const persistence = opened.at(-1)!;
    persistence._dbsize = 499;
    // An update from the others, stored: the 500th, so a compaction is due in a second.
    write(doc, 'avant', SERVER);
    copy.flush();
    expect(persistence._storeTimeoutId).not.toBeNull();

    copy.holdBack((origin) => origin === LOCAL);
    const parts: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL) parts.push(update);
    });
    write(doc, 'a', LOCAL);
    write(doc, 'b', LOCAL);
    // Another update from the others meanwhile: applied, kept for later.
    write(doc, 'pendant', SERVER);
    copy.flush();
    await vi.advanceTimersByTimeAsync(3000);
    // Nothing stored would hold a part of the import: no compaction now.
    expect(persistence.compactions).toHaveLength(0);
    expect(persistence.stored.flatMap(keysOf)).not.toContain('a');

    copy.storeHeld(Y.mergeUpdates(parts));
    await vi.advanceTimersByTimeAsync(3000);
    expect(persistence.compactions).toHaveLength(1);
    expect(keysOf(persistence.compactions[0]!)).toEqual(['a', 'avant', 'b', 'pendant']);
  });
});
