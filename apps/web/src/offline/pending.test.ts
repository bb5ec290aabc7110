import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { PendingChanges, type KeyValueStore } from './pending';
import { readSyncFrame, syncFrame } from './syncFrame';

const LOCAL = { kind: 'local' };
const isLocal = (origin: unknown) => origin === LOCAL;

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

function edit(doc: Y.Doc, key: string, value: string, origin: unknown = LOCAL): void {
  doc.transact(() => doc.getMap('board').set(key, value), origin);
}

/** What the relay answers to a sync step 1 frame: sync step 2 of what the client lacks. */
function serverAnswer(server: Y.Doc, query: Uint8Array): Uint8Array {
  const message = readSyncFrame(query);
  expect(message?.syncType).toBe(0);
  const vector = message?.payload ?? new Uint8Array();
  return syncFrame(1, Y.encodeStateAsUpdate(server, vector));
}

describe('PendingChanges', () => {
  it('counts bursts of local edits, not remote ones', () => {
    let now = 0;
    const doc = new Y.Doc();
    const pending = new PendingChanges(doc, memoryStore(), 'k', isLocal, () => now);
    edit(doc, 'a', 'Conditions présentes');
    now = 300;
    edit(doc, 'a', 'Conditions présentes !'); // same burst (a typing session)
    now = 5000;
    edit(doc, 'b', 'Conditions souhaitées');
    edit(doc, 'c', 'ailleurs', { kind: 'remote' });
    expect(pending.count()).toBe(2);
  });

  it('counts each note of a quick run of notes, and a note written then its words as one', () => {
    let now = 0;
    const doc = new Y.Doc();
    const pending = new PendingChanges(doc, memoryStore(), 'k', isLocal, () => now);
    const shapes = doc.getMap('board').set('shapes', new Y.Map<Y.Map<unknown>>());
    const write = (id: string, text: string) =>
      doc.transact(() => {
        const note = shapes.get(id) ?? shapes.set(id, new Y.Map<unknown>());
        note.set('text', text);
      }, LOCAL);
    // Five notes, one every 200 ms (a table writing its ideas on the way in): five changes.
    for (const [i, idea] of ['Logement', 'Transport', 'Emploi', 'Santé', 'Culture'].entries()) {
      now = i * 200;
      write(`shape:${i}`, idea);
      now += 100;
      write(`shape:${i}`, `${idea} abordable`); // its words, the same change
    }
    expect(pending.count()).toBe(5);
  });

  it('two tabs of one board each count their own, and neither erases the other’s', () => {
    const store = memoryStore();
    let now = 0;
    const tabA = new Y.Doc();
    const a = new PendingChanges(tabA, store, 'k', isLocal, () => now);
    edit(tabA, 'a', 'Kamouraska');
    now = 5000;
    edit(tabA, 'b', 'Témiscouata');
    // The second tab opens (the first's changes are not in its document) and writes once.
    const tabB = new Y.Doc();
    const b = new PendingChanges(tabB, store, 'k', isLocal, () => now);
    now = 10_000;
    edit(tabB, 'c', 'La Mitis');
    expect(a.count()).toBe(2);
    expect(b.count()).toBe(1);
    now = 15_000;
    edit(tabA, 'd', 'Les Basques');
    expect(a.count()).toBe(3);
    expect(b.count()).toBe(1);
    a.destroy();
    b.destroy();
    // The first tab reloaded: its three changes, from the device's copy, still counted.
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(tabA), 'indexeddb');
    expect(new PendingChanges(reloaded, store, 'k', isLocal).count()).toBe(3);
  });

  it('is confirmed only by what the server says it holds', () => {
    let now = 0;
    const server = new Y.Doc();
    const doc = new Y.Doc();
    const store = memoryStore();
    const pending = new PendingChanges(doc, store, 'k', isLocal, () => now);
    edit(doc, 'a', 'Kamouraska');
    now = 2000;
    edit(doc, 'b', 'Témiscouata');
    expect(pending.count()).toBe(2);

    // The server has none of it yet: its answer confirms nothing.
    pending.observeServerFrame(serverAnswer(server, pending.confirmationQuery()!));
    expect(pending.count()).toBe(2);

    // It has stored the first burst only.
    const firstOnly = new Y.Doc();
    firstOnly.clientID = doc.clientID;
    edit(firstOnly, 'a', 'Kamouraska');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(firstOnly));
    pending.observeServerFrame(serverAnswer(server, pending.confirmationQuery()!));
    expect(pending.count()).toBe(1);

    // Now everything.
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    pending.observeServerFrame(serverAnswer(server, pending.confirmationQuery()!));
    expect(pending.count()).toBe(0);
    expect(pending.confirmationQuery()).toBeNull();
    expect(store.data.size).toBe(0);
  });

  it('survives a reload through storage, and a server state vector (sync step 1) confirms', () => {
    const store = memoryStore();
    const before = new Y.Doc();
    const first = new PendingChanges(before, store, 'k', isLocal);
    edit(before, 'a', 'La Mitis');
    first.destroy();

    // The reloaded page has a new client id; the old edits come back from IndexedDB.
    const after = new Y.Doc();
    Y.applyUpdate(after, Y.encodeStateAsUpdate(before), 'indexeddb');
    const reloaded = new PendingChanges(after, store, 'k', isLocal);
    expect(reloaded.count()).toBe(1);

    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(before));
    reloaded.observeServerFrame(syncFrame(0, Y.encodeStateVector(server)));
    expect(reloaded.count()).toBe(0);
  });

  it('ignores awareness frames and garbage', () => {
    const doc = new Y.Doc();
    const pending = new PendingChanges(doc, null, 'k', isLocal);
    edit(doc, 'a', 'x');
    pending.observeServerFrame(new Uint8Array([1, 1, 0]));
    pending.observeServerFrame(new Uint8Array([0, 1, 200]));
    expect(pending.count()).toBe(1);
  });

  describe('a drag’s moves', () => {
    afterEach(() => {
      vi.useRealTimers();
    });
    const stored = (store: ReturnType<typeof memoryStore>) =>
      JSON.parse(store.data.get('k') ?? '[]') as { clock: number }[];

    it('store a new burst at once, its growing clock at most every 250 ms, all of it on flush', () => {
      vi.useFakeTimers();
      let now = 0;
      const doc = new Y.Doc();
      const store = memoryStore();
      let writes = 0;
      const counting = {
        ...store,
        setItem: (k: string, v: string) => (writes++, store.setItem(k, v)),
      };
      const pending = new PendingChanges(doc, counting, 'k', isLocal, () => now);
      edit(doc, 'note', 'x = 0');
      expect(writes).toBe(1);
      // 30 moves, one per 16 ms frame: one burst, stored twice more, not 30 times.
      for (let i = 1; i <= 30; i++) {
        now += 16;
        edit(doc, 'note', `x = ${i}`);
        vi.advanceTimersByTime(16);
      }
      expect(pending.count()).toBe(1);
      expect(writes).toBeLessThanOrEqual(3);
      const clock = Y.getState(doc.store, doc.clientID);
      now += 16;
      edit(doc, 'note', 'x = 31');
      // The page is left before the timer: the burst's last clock is stored.
      pending.flush();
      expect(stored(store)[0]?.clock).toBe(Y.getState(doc.store, doc.clientID));
      expect(Y.getState(doc.store, doc.clientID)).toBeGreaterThan(clock);
    });
  });
});
