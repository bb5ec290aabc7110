// Facilitator links kept on this device (localStorage), so closing the tab never loses a forum.
import type { CreatedForum } from '../forum/api';

const KEY = 'carton.forums';

export interface SavedForum {
  id: string;
  title: string;
  date: string | null;
  url: string;
}

export function loadSavedForums(): SavedForum[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
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

export function saveForum(forum: SavedForum): void {
  try {
    const others = loadSavedForums().filter((f) => f.id !== forum.id);
    localStorage.setItem(KEY, JSON.stringify([forum, ...others].slice(0, 50)));
  } catch {
    // No storage: the link is still shown on the forum page.
  }
}

/** A forum just made here (created, or imported from its archive): kept, then opened. */
export function openNewForum(created: CreatedForum): void {
  saveForum({
    id: created.forum.id,
    title: created.forum.title,
    date: created.forum.date ?? null,
    url: created.facilitator.url,
  });
  location.assign(created.facilitator.url);
}
