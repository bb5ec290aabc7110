// Photos are read again and again: each phone on a board fetches every photo on it, and a
// forum's archive reads a photo once for its own file and once more for each board that shows
// it. A 1.5 MB photo took ~3–4 ms to read from SQLite (28 November, built server), on the event
// loop that also relays everyone's edits; from PostgreSQL it also crosses the network. The
// photos last read are kept in memory, within a budget, and let go once nobody reads them.
import type { MaybePromise } from '../storage/board-storage.ts';
import type { BlobInfo, BlobStore, NewBlob, StoredBlob } from './blob-store.ts';

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

interface Kept {
  readonly blob: StoredBlob;
  readAt: number;
}

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
  readonly #options: BlobCacheOptions;
  readonly #now: () => number;
  /** In the order they were last read: the first is the next to go. */
  readonly #kept = new Map<string, Kept>();
  /** Reads under way (PostgreSQL): asked again meanwhile, they are answered once. */
  readonly #reading = new Map<string, Promise<StoredBlob | null>>();
  #bytes = 0;
  #sweeper: ReturnType<typeof setInterval> | null = null;

  constructor(store: BlobStore, options: BlobCacheOptions = BLOB_CACHE) {
    this.#store = store;
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Bytes of photos kept now. */
  get keptBytes(): number {
    return this.#bytes;
  }

  get(forumId: string, blobId: string): MaybePromise<StoredBlob | null> {
    const key = keyOf(forumId, blobId);
    const kept = this.#kept.get(key);
    if (kept) {
      this.#kept.delete(key);
      kept.readAt = this.#now();
      this.#kept.set(key, kept);
      return kept.blob;
    }
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
    for (const blobId of blobIds) this.#forget(keyOf(forumId, blobId));
    return this.#store.remove(forumId, blobIds, putBy);
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
    if (!blob || blob.data.byteLength > this.#options.maxEntryBytes) return;
    this.#forget(key);
    this.#kept.set(key, { blob, readAt: this.#now() });
    this.#bytes += blob.data.byteLength;
    for (const [oldest] of this.#kept) {
      if (this.#bytes <= this.#options.maxBytes) break;
      this.#forget(oldest);
    }
    if (this.#sweeper === null && this.#kept.size > 0) {
      this.#sweeper = setInterval(() => this.#letGoIdle(), this.#options.idleMs / 2);
      this.#sweeper.unref();
    }
  }

  #forget(key: string): void {
    this.#reading.delete(key);
    const kept = this.#kept.get(key);
    if (!kept) return;
    this.#kept.delete(key);
    this.#bytes -= kept.blob.data.byteLength;
  }

  #letGoIdle(): void {
    const before = this.#now() - this.#options.idleMs;
    for (const [key, kept] of this.#kept) {
      if (kept.readAt > before) break;
      this.#forget(key);
    }
    if (this.#kept.size === 0 && this.#sweeper !== null) {
      clearInterval(this.#sweeper);
      this.#sweeper = null;
    }
  }
}

const keyOf = (forumId: string, blobId: string) => `${forumId}/${blobId}`;
