// Photos waiting on this device to be sent (board/photoSender.ts), kept in IndexedDB so that a
// reload on the venue's wifi does not lose them. Only what is needed to send and place them is
// kept: the photo as it will be sent, where it was put, and its board; never the board's token.
import type { Point } from '../geometry/rect';

export interface WaitingPhotoRecord {
  id: string;
  boardId: string;
  /** The photo as it will be sent: already made smaller and upright (board/shrinkPhoto.ts). */
  blob: Blob;
  /** Its pixels (upright), which give the size it is placed at. */
  width: number;
  height: number;
  /** The board point it is placed around. */
  centre: Point;
  /** When it was chosen (Date.now()). */
  addedAt: number;
}

/**
 * How long a photo may wait on a device: a forum lasts a day or two, and a photo still waiting a
 * week later is for a board nobody here opens any more (it would stay on the phone for good).
 */
export const KEPT_PHOTOS_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * The photos one device keeps waiting, every board's together: about twenty phone photos as
 * sent (made smaller first, see board/shrinkPhoto.ts). Past it a photo that must wait is refused.
 */
export const KEPT_PHOTOS_MAX_BYTES = 50 * 1024 * 1024;

/** Where waiting photos are kept; null-safe implementations swallow storage failures. */
export interface WaitingPhotoStore {
  list(boardId: string): Promise<WaitingPhotoRecord[]>;
  put(record: WaitingPhotoRecord): Promise<void>;
  /**
   * Removes the photo and says whether it was still there: of two tabs of one board that both
   * sent it, only the one that took it places it (the other's take answers false).
   */
  take(id: string): Promise<boolean>;
  /** Removes every photo of the board (its forum was deleted: offline/forgetBoard.ts). */
  clear(boardId: string): Promise<void>;
  /**
   * Removes every board's photos chosen before `time` (Date.now()), and unreadable records;
   * answers the bytes of the photos still kept on this device.
   */
  forgetOlderThan(time: number): Promise<number>;
}

const DB_NAME = 'carton-waiting-photos';
const STORE = 'photos';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function isRecord(value: unknown): value is WaitingPhotoRecord {
  const r = value as WaitingPhotoRecord | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.id === 'string' &&
    typeof r.boardId === 'string' &&
    r.blob instanceof Blob &&
    Number.isFinite(r.width) &&
    Number.isFinite(r.height) &&
    Number.isFinite(r.centre?.x) &&
    Number.isFinite(r.centre?.y)
  );
}

/** The browser's IndexedDB store, or null where there is none (some private modes). */
export function browserWaitingPhotoStore(): WaitingPhotoStore | null {
  let factory: IDBFactory | undefined;
  try {
    factory = globalThis.indexedDB;
  } catch {
    return null;
  }
  if (!factory) return null;
  const idb = factory;
  let opened: Promise<IDBDatabase> | null = null;
  const open = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = idb.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    });
    opened.catch(() => (opened = null));
    return opened;
  };
  /** Deletes, in one read-write transaction, each record `doomed` says. */
  const deleteWhere = async (doomed: (value: unknown) => boolean): Promise<void> => {
    const db = await open();
    const tx = db.transaction(STORE, 'readwrite');
    const cursor = tx.objectStore(STORE).openCursor();
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) return;
      if (doomed(at.value)) at.delete();
      at.continue();
    };
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    });
  };
  return {
    async list(boardId) {
      const db = await open();
      const all = await request(db.transaction(STORE).objectStore(STORE).getAll());
      return all.filter(isRecord).filter((r) => r.boardId === boardId);
    },
    async put(record) {
      const db = await open();
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(record);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      });
    },
    async clear(boardId) {
      await deleteWhere((value) => (value as { boardId?: unknown })?.boardId === boardId);
    },
    async forgetOlderThan(time) {
      let bytes = 0;
      await deleteWhere((value) => {
        if (!isRecord(value) || !(value.addedAt >= time)) return true;
        bytes += value.blob.size;
        return false;
      });
      return bytes;
    },
    async take(id) {
      const db = await open();
      // One read-write transaction: two tabs' takes of one photo run one after the other.
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      let found = false;
      const counted = store.count(id);
      // Deleted from the count's own callback, while the transaction is sure to be active.
      counted.onsuccess = () => {
        found = counted.result > 0;
        if (found) store.delete(id);
      };
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      });
      return found;
    },
  };
}
