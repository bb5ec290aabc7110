import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../board/board.ts';
import { deletersIn, DELETED_BY_KEY, initBoardDoc } from '../doc/layout.ts';
import { localOrigin, REMOTE_ORIGIN } from '../origin/origin.ts';

/** Pierre's device and Émilie's; `seen` collects, on Émilie's, who each transaction names. */
function twoDevices() {
  const emilie = new Y.Doc();
  initBoardDoc(emilie, { title: 'La Mitis', kind: 'territory' });
  const pierre = new Y.Doc();
  Y.applyUpdate(pierre, Y.encodeStateAsUpdate(emilie));
  const seen: Map<string, string>[] = [];
  emilie.on('afterTransaction', (tx: Y.Transaction) => {
    if (tx.origin === REMOTE_ORIGIN) seen.push(deletersIn(emilie, tx));
  });
  const sync = () =>
    Y.applyUpdate(
      emilie,
      Y.encodeStateAsUpdate(pierre, Y.encodeStateVector(emilie)),
      REMOTE_ORIGIN,
    );
  return { mine: new Board(emilie), theirs: new Board(pierre), pierre, seen, sync };
}

describe('who deleted (M36)', () => {
  const them = localOrigin('user:pierre');

  it('M36: a deletion given its author names them, on every shape it took, in its transaction', () => {
    const { theirs, seen, sync } = twoDevices();
    const carton = theirs.run((tx) => tx.create('carton', { x: 0, y: 0, title: 'Mitis' }), them);
    const note = theirs.run((tx) => tx.create('note', { x: 10, y: 10, parentId: carton }), them);
    sync();
    theirs.run((tx) => tx.delete([carton], 'Pierre Gagnon'), them);
    sync();
    expect(seen.at(-1)).toEqual(
      new Map([
        [carton, 'Pierre Gagnon'],
        [note, 'Pierre Gagnon'],
      ]),
    );
  });

  it('M36: one entry at a time; a later deletion naming nobody is not given the earlier name', () => {
    const { theirs, pierre, seen, sync } = twoDevices();
    const [a, b] = theirs.run(
      (tx) => [tx.create('note', { x: 0, y: 0 }), tx.create('note', { x: 300, y: 0 })],
      them,
    );
    theirs.run((tx) => tx.delete([a!], 'Pierre'), them);
    expect(pierre.getMap(DELETED_BY_KEY).size).toBe(1);
    sync();
    // An older client's deletion (no name): nobody named, though Pierre's entry is still there.
    theirs.run((tx) => tx.delete([b!]), them);
    sync();
    expect(seen.at(-1)).toEqual(new Map());
    expect(pierre.getMap(DELETED_BY_KEY).size).toBe(1);
  });

  it('M36: a board without the map, and a deletion without a name, name nobody', () => {
    const { theirs, pierre, seen, sync } = twoDevices();
    const id = theirs.run((tx) => tx.create('note', { x: 0, y: 0 }), them);
    sync();
    theirs.run((tx) => tx.delete([id], '   '), them);
    sync();
    expect(seen.at(-1)).toEqual(new Map());
    expect(pierre.share.has(DELETED_BY_KEY)).toBe(false);
  });
});
