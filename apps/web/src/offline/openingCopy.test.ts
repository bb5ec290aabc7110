import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import type { LocalCopy } from './localCopy';
import { dropEarlyCopy, openCopyEarly, takeCopy, type CopyOpener } from './openingCopy';

/** A copy that loads one stored note (or nothing) into the doc, and records what it was told. */
function fakeStore(stored: boolean) {
  const opened: { name: string; live: () => boolean; destroyed: boolean; cleared: boolean }[] = [];
  const open: CopyOpener = (name, doc, live) => {
    const record = { name, live, destroyed: false, cleared: false };
    opened.push(record);
    const whenSynced = Promise.resolve().then(() => {
      if (stored) doc.getMap('board').set('title', 'Témiscouata');
    });
    return {
      whenSynced,
      flush: () => undefined,
      destroy: async () => void (record.destroyed = true),
      clear: async () => void (record.destroyed = record.cleared = true),
    } as unknown as LocalCopy;
  };
  return { opened, open };
}

describe('the board’s copy on this device, started with the page', () => {
  it('is taken by the board’s connection, loaded, instead of being read again', async () => {
    const { opened, open } = fakeStore(true);
    openCopyEarly('b1', open);
    openCopyEarly('b1', open); // started once
    expect(opened.map((o) => o.name)).toEqual(['carton-board-b1']);
    const copy = takeCopy('b1', open);
    expect(opened).toHaveLength(1);
    expect(await copy.loaded).toBe(true);
    expect(copy.doc.getMap('board').get('title')).toBe('Témiscouata');
    // Writes wait only while the connection says the server gets them live.
    expect(opened[0]!.live()).toBe(false);
    copy.live = () => true;
    expect(opened[0]!.live()).toBe(true);
    // Taken once: a later session of the same board reads the copy again.
    const again = takeCopy('b1', open);
    expect(again.doc).not.toBe(copy.doc);
    expect(opened).toHaveLength(2);
    expect(await again.loaded).toBe(true);
  });

  it('tells a slow copy’s content however long it took: the connection times its own wait', async () => {
    // Started with the page, the copy may take longer than the connection waits for it (3 s)
    // before the session even opens; what it held is still told, for an offline start.
    vi.useFakeTimers();
    try {
      const open: CopyOpener = (_name, doc) =>
        ({
          whenSynced: new Promise<void>((resolve) =>
            setTimeout(() => {
              doc.getMap('board').set('title', 'La Mitis');
              resolve();
            }, 5000),
          ),
          destroy: async () => undefined,
        }) as unknown as LocalCopy;
      openCopyEarly('b5', open);
      await vi.advanceTimersByTimeAsync(5000);
      expect(await takeCopy('b5', open).loaded).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says when nothing was stored, and opens online only without IndexedDB', async () => {
    expect(await takeCopy('b2', fakeStore(false).open).loaded).toBe(false);
    const copy = takeCopy('b3', () => {
      throw new ReferenceError('indexedDB is not defined');
    });
    expect(copy.local).toBeNull();
    expect(await copy.loaded).toBe(false);
    expect(copy.doc).toBeInstanceOf(Y.Doc);
  });

  it('is closed when the link is refused or another board is opened', async () => {
    const { opened, open } = fakeStore(false);
    openCopyEarly('b1', open);
    await dropEarlyCopy('b2'); // not this board's
    expect(opened[0]!.destroyed).toBe(false);
    await dropEarlyCopy('b1');
    expect(opened[0]!.destroyed).toBe(true);
    openCopyEarly('b1', open);
    const other = vi.fn(open);
    takeCopy('b4', other);
    expect(opened[1]!.destroyed).toBe(true);
    expect(other).toHaveBeenCalledOnce();
    expect(opened[2]!.name).toBe('carton-board-b4');
  });

  it('of a refused link leaves no database behind, unless it held the board', async () => {
    // A mistyped link: opening its copy created an empty database, deleted with the refusal.
    const mistyped = fakeStore(false);
    openCopyEarly('b6', mistyped.open);
    await dropEarlyCopy('b6');
    expect(mistyped.opened[0]!.cleared).toBe(true);
    // A link replaced since this device last opened the board: its copy stays, unsent changes too.
    const replaced = fakeStore(true);
    openCopyEarly('b7', replaced.open);
    await dropEarlyCopy('b7');
    expect(replaced.opened[0]).toMatchObject({ destroyed: true, cleared: false });
  });

  it('of a board whose forum was deleted is erased, even holding the board', async () => {
    const deleted = fakeStore(true);
    openCopyEarly('b8', deleted.open);
    await dropEarlyCopy('b8', { erase: true });
    expect(deleted.opened[0]).toMatchObject({ destroyed: true, cleared: true });
  });
});
