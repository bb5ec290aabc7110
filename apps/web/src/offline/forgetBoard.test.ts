import { describe, expect, it } from 'vitest';
import { boardInfoKey } from './boardInfo';
import { forgetBoardOnDevice, type ListedStore } from './forgetBoard';

function memoryStore(entries: Record<string, string>): ListedStore & { map: Map<string, string> } {
  const map = new Map(Object.entries(entries));
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('forgetBoardOnDevice: a deleted forum’s board leaves nothing on the device', () => {
  it('erases the board’s kept changes, its remembered info for every link, and its copy', () => {
    const store = memoryStore({
      'carton.pending.b1': '[{"client":1,"clock":3}]',
      [boardInfoKey('b1', 'edit-token')]: '{}',
      [boardInfoKey('b1', 'view-token')]: '{}',
      // Another board, the person's name and language stay.
      'carton.pending.b12': '[]',
      [boardInfoKey('b12', 'edit-token')]: '{}',
      'carton.name': 'Émilie',
      'carton.language': 'fr-CA',
    });
    const deleted: string[] = [];
    const photosCleared: string[] = [];
    forgetBoardOnDevice(
      'b1',
      store,
      { deleteDatabase: (name) => (deleted.push(name), {} as IDBOpenDBRequest) },
      { clear: async (boardId) => void photosCleared.push(boardId) },
    );
    expect([...store.map.keys()].sort()).toEqual(
      [
        'carton.language',
        'carton.name',
        'carton.pending.b12',
        boardInfoKey('b12', 'edit-token'),
      ].sort(),
    );
    expect(deleted).toEqual(['carton-board-b1']);
    // The photos it was keeping to send (board/photoSender.ts) go too.
    expect(photosCleared).toEqual(['b1']);
  });

  it('a browser that refuses storage or has no IndexedDB: nothing thrown', () => {
    const refusing = memoryStore({ 'carton.pending.b1': '[]' });
    refusing.removeItem = () => {
      throw new Error('SecurityError');
    };
    expect(() => forgetBoardOnDevice('b1', refusing, null, null)).not.toThrow();
    expect(() => forgetBoardOnDevice('b1', null, null, null)).not.toThrow();
  });
});
