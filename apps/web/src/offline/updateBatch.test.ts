import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { HOLD_MS, UpdateBatch } from './updateBatch';

afterEach(() => {
  vi.useRealTimers();
});

/** A note dragged across Témiscouata's carton: one update per move, as the board writes them. */
function dragNote(moves: number, onUpdate: (update: Uint8Array) => void): Y.Doc {
  const doc = new Y.Doc();
  doc.on('update', onUpdate);
  const note = new Y.Map<unknown>();
  doc.transact(() => {
    doc.getMap('shapes').set('shape:note', note);
    note.set('text', 'Liens de relais entre les organismes');
  });
  for (let i = 1; i <= moves; i++) doc.transact(() => note.set('x', 100 + i * 3));
  return doc;
}

describe('UpdateBatch', () => {
  it('while the server has them, a drag’s updates are written merged, one per 250 ms', () => {
    vi.useFakeTimers();
    const written: Uint8Array[] = [];
    const batch = new UpdateBatch(
      (u) => written.push(u),
      () => true,
    );
    const doc = dragNote(0, (u) => batch.add(u));
    const note = doc.getMap('shapes').get('shape:note') as Y.Map<unknown>;
    for (let i = 1; i <= 48; i++) {
      doc.transact(() => note.set('x', 100 + i * 3));
      vi.advanceTimersByTime(16);
    }
    batch.flush();
    // 49 updates over ~770 ms: a handful of writes, not 49.
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written.length).toBeLessThanOrEqual(Math.ceil((49 * 16) / HOLD_MS) + 1);
    // Read back, the writes are the whole board.
    const reloaded = new Y.Doc();
    for (const u of written) Y.applyUpdate(reloaded, u);
    expect(reloaded.getMap('shapes').toJSON()).toEqual(doc.getMap('shapes').toJSON());
  });

  it('flush writes what waits at once (page hidden, socket dropped), nothing twice', () => {
    vi.useFakeTimers();
    const written: Uint8Array[] = [];
    const batch = new UpdateBatch(
      (u) => written.push(u),
      () => true,
    );
    const doc = dragNote(10, (u) => batch.add(u));
    expect(written).toHaveLength(0);
    expect(batch.size).toBe(11);
    batch.flush();
    expect(written).toHaveLength(1);
    expect(batch.size).toBe(0);
    vi.advanceTimersByTime(HOLD_MS * 2);
    batch.flush();
    expect(written).toHaveLength(1);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, written[0]!);
    expect((reloaded.getMap('shapes').get('shape:note') as Y.Map<unknown>).get('x')).toBe(130);
    expect(Y.encodeStateVector(reloaded)).toEqual(Y.encodeStateVector(doc));
  });

  it('offline, each update is written at once: the copy is all there is', () => {
    const written: Uint8Array[] = [];
    let online = true;
    const batch = new UpdateBatch(
      (u) => written.push(u),
      () => online,
    );
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => batch.add(u));
    doc.getMap('shapes').set('a', 'Kamouraska');
    expect(written).toHaveLength(0);
    online = false;
    doc.getMap('shapes').set('b', 'Les Basques');
    // The held update goes with it.
    expect(written).toHaveLength(1);
    expect(batch.size).toBe(0);
    doc.getMap('shapes').set('c', 'La Matanie');
    expect(written).toHaveLength(2);
  });
});
