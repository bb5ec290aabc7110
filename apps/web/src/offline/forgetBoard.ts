// A board whose forum the facilitators deleted from the server (410 forum_deleted, close 4410):
// what this device kept of it goes too — its copy in IndexedDB (the notes' words, the names),
// the changes and photos it was keeping to send, and the board's remembered info. The forum is erased for
// everyone; a phone lent at the venue must not keep a copy of it.
import { localDatabaseName } from './openingCopy';
import type { KeyValueStore } from './pending';
import { browserWaitingPhotoStore, type WaitingPhotoStore } from './waitingPhotoStore';

/** localStorage's listing, beside what KeyValueStore offers. */
export interface ListedStore extends KeyValueStore {
  readonly length: number;
  key(index: number): string | null;
}

function pageStore(): ListedStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function pageDatabases(): Pick<IDBFactory, 'deleteDatabase'> | null {
  try {
    return globalThis.indexedDB ?? null;
  } catch {
    return null;
  }
}

/** The keys this device keeps for a board (board/connection.ts, offline/boardInfo.ts). */
export function boardKeys(boardId: string, store: ListedStore): string[] {
  const pending = `carton.pending.${boardId}`;
  const info = `carton.boardInfo.${boardId}.`;
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key !== null && (key === pending || key.startsWith(info))) keys.push(key);
  }
  return keys;
}

/**
 * Erases the board's copy and keys on this device. The copy's database is deleted once no page
 * holds it open (a session closes its own first: LocalCopy.clear).
 */
export function forgetBoardOnDevice(
  boardId: string,
  store: ListedStore | null = pageStore(),
  databases: Pick<IDBFactory, 'deleteDatabase'> | null = pageDatabases(),
  photos: Pick<WaitingPhotoStore, 'clear'> | null = browserWaitingPhotoStore(),
): void {
  try {
    if (store) for (const key of boardKeys(boardId, store)) store.removeItem(key);
  } catch {
    // Storage refused: nothing more this page can erase there.
  }
  try {
    databases?.deleteDatabase(localDatabaseName(boardId));
  } catch {
    // No IndexedDB (private mode): there was no copy.
  }
  photos?.clear(boardId).catch(() => undefined);
}
