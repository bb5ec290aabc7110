import { describe, expect, it } from 'vitest';
import { forgetForum, loadSavedForums, restoreSavedForums, saveForum } from './savedForums';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

const forum = (id: string, title: string) => ({
  id,
  title,
  date: '2023-10-19',
  url: `http://192.168.1.20:8787/f/${id}#token=secret-${id}`,
});

describe('« Vos forums sur cet appareil »', () => {
  it('a forum is taken off this device’s list, and « Annuler » puts it back where it was', () => {
    const storage = memoryStorage();
    saveForum(forum('essai', 'Essai'), storage);
    saveForum(forum('bsl', 'Forum des Alliances — Rêvons ensemble notre future Alliance'), storage);
    saveForum(forum('kamou', 'Kamouraska, pré-forum'), storage);
    const before = forgetForum('bsl', storage);
    expect(loadSavedForums(storage).map((f) => f.id)).toEqual(['kamou', 'essai']);
    expect(JSON.stringify(loadSavedForums(storage))).not.toContain('secret-bsl');
    expect(restoreSavedForums(before, storage).map((f) => f.id)).toEqual(['kamou', 'bsl', 'essai']);
    expect(loadSavedForums(storage).map((f) => f.id)).toEqual(['kamou', 'bsl', 'essai']);
  });

  it('« Annuler » keeps a forum saved meanwhile (another tab)', () => {
    const storage = memoryStorage();
    saveForum(forum('bsl', 'Forum'), storage);
    const before = forgetForum('bsl', storage);
    saveForum(forum('neuf', 'Nouveau'), storage);
    expect(restoreSavedForums(before, storage).map((f) => f.id)).toEqual(['neuf', 'bsl']);
  });

  it('without storage nothing breaks', () => {
    expect(forgetForum('bsl', null)).toEqual([]);
    expect(loadSavedForums(null)).toEqual([]);
  });
});
