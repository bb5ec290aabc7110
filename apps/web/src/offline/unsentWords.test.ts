import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, createBoardView, initBoardDoc, localOrigin } from '@carton/board';
import { watchUnsentWords, type LostWords } from './unsentWords';

/** Émilie's device and Pierre's, the server's changes reaching Émilie with `provider` as origin. */
function twoDevices() {
  const provider = { name: 'the provider' };
  const emilie = new Y.Doc();
  initBoardDoc(emilie, { title: 'La Mitis', kind: 'territory' });
  const pierre = new Y.Doc();
  Y.applyUpdate(pierre, Y.encodeStateAsUpdate(emilie));
  const mine = new Board(emilie);
  const theirs = new Board(pierre);
  const lost: LostWords[] = [];
  let confirmed = false;
  let editing: string | null = null;
  const listeners = new Set<() => void>();
  const stop = watchUnsentWords({
    doc: emilie,
    view: createBoardView(mine),
    remoteOrigin: provider,
    allConfirmed: () => confirmed,
    subscribeConfirmed: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    editingId: () => editing,
    lost: (words) => lost.push(...words),
  });
  const me = localOrigin('user:emilie');
  const them = localOrigin('user:pierre');
  return {
    lost,
    stop,
    note(text: string) {
      const id = mine.run((tx) => tx.create('note', { x: 40, y: 60, text: '' }), me);
      Y.applyUpdate(pierre, Y.encodeStateAsUpdate(emilie, Y.encodeStateVector(pierre)));
      mine.run((tx) => tx.update(id, { text }), me);
      return id;
    },
    /**
     * Pierre deletes it (his device naming him, `name`, or an older one naming nobody), and his
     * change reaches Émilie through the server.
     */
    deletedByPierre(id: string, name?: string) {
      const before = Y.encodeStateVector(emilie);
      theirs.run((tx) => tx.delete([id], name), them);
      Y.applyUpdate(emilie, Y.encodeStateAsUpdate(pierre, before), provider);
    },
    edit(id: string | null) {
      editing = id;
    },
    confirm() {
      confirmed = true;
      for (const listener of listeners) listener();
    },
    board: mine,
  };
}

describe('watchUnsentWords', () => {
  it('tells the words of a note written here and deleted by another before they were confirmed', () => {
    const devices = twoDevices();
    const id = devices.note('Transport collectif en Matapédia');
    devices.deletedByPierre(id);
    expect(devices.lost).toMatchObject([
      {
        id,
        text: 'Transport collectif en Matapédia',
        kept: { type: 'note', input: { x: 40, y: 60, text: 'Transport collectif en Matapédia' } },
        by: null,
      },
    ]);
  });

  it('names who deleted it when their deletion said so (M36), long after their presence went', () => {
    const devices = twoDevices();
    const id = devices.note('Halte-garderie au centre communautaire');
    devices.deletedByPierre(id, 'Pierre Gagnon');
    expect(devices.lost).toMatchObject([{ id, by: 'Pierre Gagnon' }]);
    // Written again, then deleted by an older device (no name): not given Pierre's name.
    const again = devices.note('Covoiturage');
    devices.deletedByPierre(again);
    expect(devices.lost[1]).toMatchObject({ id: again, by: null });
  });

  it('says nothing once every change was confirmed: the others saw the words before deleting', () => {
    const devices = twoDevices();
    const id = devices.note('Sécurité alimentaire');
    devices.confirm();
    devices.deletedByPierre(id);
    expect(devices.lost).toEqual([]);
  });

  it('leaves to the editor its own notice, and to the writer their own deletions', () => {
    const devices = twoDevices();
    const id = devices.note('Logement abordable');
    // Émilie deletes it herself: not news.
    devices.board.run((tx) => tx.delete([id]), localOrigin('user:emilie'));
    expect(devices.lost).toEqual([]);
    // Its editor open when Pierre deletes it: that editor says so (WritingGoneNotice).
    const open = devices.note('Mobilité durable');
    devices.edit(open);
    devices.deletedByPierre(open);
    expect(devices.lost).toEqual([]);
  });
});
