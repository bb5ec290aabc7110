// Facilitator links kept on this device (localStorage), so closing the tab never loses a forum.
import type { CreatedForum } from '../forum/api';

const KEY = 'carton.forums';

export interface SavedForum {
  id: string;
  title: string;
  date: string | null;
  url: string;
}

type ForumStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The page's localStorage, or null where the browser refuses it (private modes, policies). */
function pageStorage(): ForumStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function loadSavedForums(storage: ForumStorage | null = pageStorage()): SavedForum[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter(
          (f): f is SavedForum =>
            typeof f === 'object' && f !== null && typeof (f as SavedForum).url === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

export function saveForum(forum: SavedForum, storage: ForumStorage | null = pageStorage()): void {
  try {
    const others = loadSavedForums(storage).filter((f) => f.id !== forum.id);
    storage?.setItem(KEY, JSON.stringify([forum, ...others].slice(0, 50)));
  } catch {
    // No storage: the link is still shown on the forum page.
  }
}

/**
 * Takes a forum's link off this device's list — a borrowed laptop at the venue keeps no key to
 * the whole forum, a test forum stops cluttering it. The forum itself stays on the server.
 * Returns the list as it was, for « Annuler ».
 */
export function forgetForum(
  id: string,
  storage: ForumStorage | null = pageStorage(),
): SavedForum[] {
  const before = loadSavedForums(storage);
  try {
    storage?.setItem(KEY, JSON.stringify(before.filter((f) => f.id !== id)));
  } catch {
    // Nothing stored, nothing to forget.
  }
  return before;
}

/** « Annuler » after forgetForum: the list as it was, kept where it was, plus any forum since. */
export function restoreSavedForums(
  previous: readonly SavedForum[],
  storage: ForumStorage | null = pageStorage(),
): SavedForum[] {
  const now = loadSavedForums(storage);
  const ids = new Set(previous.map((f) => f.id));
  const list = [...now.filter((f) => !ids.has(f.id)), ...previous].slice(0, 50);
  try {
    storage?.setItem(KEY, JSON.stringify(list));
  } catch {
    // As saveForum.
  }
  return list;
}

/** A forum just made here (created, or imported from its archive): kept on this device. */
export function keepNewForum(created: CreatedForum): void {
  saveForum({
    id: created.forum.id,
    title: created.forum.title,
    date: created.forum.date ?? null,
    url: created.facilitator.url,
  });
}

/** A forum just made here: kept, then opened. */
export function openNewForum(created: CreatedForum): void {
  keepNewForum(created);
  location.assign(created.facilitator.url);
}
