// Photos are read again and again: each phone on a board fetches every photo on it, and a
// forum's archive reads a photo once for its own file and once more for each board that shows
// it. A 1.5 MB photo took ~3–4 ms to read from SQLite (28 November, built server), on the event
// loop that also relays everyone's edits; from PostgreSQL it also crosses the network. The
// photos last read are kept in memory, within a budget, and let go once nobody reads them.
import type { MaybePromise } from '../storage/board-storage.ts';
import type { BlobInfo, BlobStore, NewBlob, StoredBlob } from './blob-store.ts';
import { KeptInMemory, keyOf } from './kept-in-memory.ts';

const MiB = 1024 * 1024;

export interface BlobCacheOptions {
  /** Bytes of photos kept at most: the least recently read go first. */
  maxBytes: number;
  /** A photo larger than this is never kept: it would push out many smaller ones. */
  maxEntryBytes: number;
  /** A photo nobody read for this long is let go: an idle server gives its memory back. */
  idleMs: number;
  now?: () => number;
}

/**
 * A forum's photos as phones fetch them (shrunk to 2,560 px before upload: ~0.3–2 MB each), a
 * board's worth at least. The server's memory once everyone has left comes back within a
 * minute, as rooms unload (R8).
 */
export const BLOB_CACHE: BlobCacheOptions = {
  maxBytes: 32 * MiB,
  maxEntryBytes: 8 * MiB,
  idleMs: 60_000,
};

/**
 * A BlobStore whose `get` answers from memory the photos read lately; everything else goes to
 * the store. An image's bytes never change (its id is their SHA-256), so what is kept stays
 * true until the image is removed: `remove` lets it go first. With several processes, each
 * keeps its own photos, and an image another process removed may still be served here until
 * it is let go — only images nothing shows are ever removed (R54). Callers share the bytes
 * answered: they read them, never change them.
 */
export class CachedBlobStore implements BlobStore {
  readonly #store: BlobStore;
  readonly #maxEntryBytes: number;
  readonly #kept: KeptInMemory<StoredBlob>;
  /** Reads under way (PostgreSQL): asked again meanwhile, they are answered once. */
  readonly #reading = new Map<string, Promise<StoredBlob | null>>();

  constructor(store: BlobStore, options: BlobCacheOptions = BLOB_CACHE) {
    this.#store = store;
    this.#maxEntryBytes = options.maxEntryBytes;
    this.#kept = new KeptInMemory({
      maxBytes: options.maxBytes,
      idleMs: options.idleMs,
      now: options.now ?? (() => performance.now()),
      onForget: (key) => this.#reading.delete(key),
    });
  }

  /** Bytes of photos kept now. */
  get keptBytes(): number {
    return this.#kept.bytes;
  }

  get(forumId: string, blobId: string): MaybePromise<StoredBlob | null> {
    const key = keyOf(forumId, blobId);
    const kept = this.#kept.read(key);
    if (kept) return kept;
    const reading = this.#reading.get(key);
    if (reading) return reading;
    const read = this.#store.get(forumId, blobId);
    if (!(read instanceof Promise)) {
      this.#keep(key, read);
      return read;
    }
    const answer: Promise<StoredBlob | null> = read.then(
      (blob) => {
        // Removed meanwhile (`remove` forgot this read): answered, not kept.
        if (this.#reading.get(key) === answer) {
          this.#reading.delete(key);
          this.#keep(key, blob);
        }
        return blob;
      },
      (error: unknown) => {
        if (this.#reading.get(key) === answer) this.#reading.delete(key);
        throw error;
      },
    );
    this.#reading.set(key, answer);
    return answer;
  }

  remove(forumId: string, blobIds: readonly string[], putBy?: string): MaybePromise<void> {
    for (const blobId of blobIds) this.#kept.forget(keyOf(forumId, blobId));
    return this.#store.remove(forumId, blobIds, putBy);
  }

  /** The forums whose photos are kept now. */
  forumIds(): IterableIterator<string> {
    return this.#kept.forumIds();
  }

  /**
   * R70: lets go of an erased forum's photos, kept or being read (a read under way is answered,
   * not kept). Never served once erased (its routes answer 410), but held until let go idle.
   */
  forgetForum(forumId: string): void {
    this.#kept.forgetForum(forumId);
    const prefix = keyOf(forumId, '');
    for (const key of [...this.#reading.keys()]) {
      if (key.startsWith(prefix)) this.#reading.delete(key);
    }
  }

  put(
    forumId: string,
    blobs: ReadonlyArray<NewBlob>,
    maxForumBytes: number,
    putBy?: string,
  ): MaybePromise<BlobInfo[] | null> {
    return this.#store.put(forumId, blobs, maxForumBytes, putBy);
  }

  info(forumId: string, blobId: string): MaybePromise<BlobInfo | null> {
    return this.#store.info(forumId, blobId);
  }

  forumBytes(forumId: string): MaybePromise<number> {
    return this.#store.forumBytes(forumId);
  }

  #keep(key: string, blob: StoredBlob | null): void {
    if (!blob || blob.data.byteLength > this.#maxEntryBytes) return;
    this.#kept.keep(key, blob, blob.data.byteLength);
  }
}
