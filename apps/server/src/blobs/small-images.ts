// R71: the small copies a process made, kept in memory (no table in SQLite or PostgreSQL): a
// copy takes ~20–60 ms of CPU for a phone photo, and every phone on a board asks for each one.
// After a restart they are made again; with several processes, each makes its own.
import type { Logger } from '../log.ts';
import type { MaybePromise } from '../storage/board-storage.ts';
import type { BlobStore, StoredBlob } from './blob-store.ts';
import type { ImageMime } from './image-type.ts';
import { KeptInMemory, keyOf } from './kept-in-memory.ts';
import { makeSmallImage, type SmallImage } from './small-image.ts';

const MiB = 1024 * 1024;

export interface SmallImagesOptions {
  /** Bytes of copies kept at most: the least recently read go first. */
  maxBytes: number;
  /** A copy nobody read for this long is let go: an idle server gives its memory back. */
  idleMs: number;
  /** Copies made at once at most: each is a core's work for tens of ms. */
  concurrency: number;
  /** Makes a copy (makeSmallImage; tests hold it to see requests meet). */
  make?: (blob: StoredBlob) => Promise<SmallImage>;
  now?: () => number;
}

/** ~30–60 KB a copy: some hundreds of photos, a whole forum's, in 16 MiB. */
export const SMALL_IMAGES: SmallImagesOptions = {
  maxBytes: 16 * MiB,
  idleMs: 10 * 60_000,
  concurrency: 1,
};

/** What the route answers: a copy, the stored bytes (already small), or the full image. */
export interface SmallAnswer {
  data: Uint8Array;
  mime: ImageMime;
  kind: 'made' | 'stored' | 'full';
}

/** A photo that could not be decoded is remembered (not tried again) at this nominal cost. */
const FAILED_COST = 256;

interface Making {
  promise: Promise<{ image: SmallImage; blob: StoredBlob } | null>;
}

/**
 * The small copies, made at most `concurrency` at a time, once for requests that meet (the
 * phones of a board open it together), kept within a budget. Removing an image (R54's unshown
 * images, a restore's, R70's erased forum) lets its copy go: see `forgettingRemoved` and
 * `forgetForum`.
 */
export class SmallImages {
  readonly #options: SmallImagesOptions;
  readonly #make: (blob: StoredBlob) => Promise<SmallImage>;
  readonly #log: Logger;
  readonly #kept: KeptInMemory<SmallImage>;
  readonly #making = new Map<string, Making>();
  /**
   * Copies waiting for their turn, by forum; the forums in turn, the first served next. One
   * participant asking for the copies of 30 photos of 49 MP at once (~1 s of a core each) made
   * every other forum's photos wait behind them, ~40 s at load 8.
   */
  readonly #waiting = new Map<string, Array<() => void>>();
  #running = 0;
  #made = 0;

  constructor(log: Logger, options: SmallImagesOptions = SMALL_IMAGES) {
    this.#log = log;
    this.#options = options;
    this.#make = options.make ?? makeSmallImage;
    this.#kept = new KeptInMemory({
      maxBytes: options.maxBytes,
      idleMs: options.idleMs,
      now: options.now ?? (() => performance.now()),
      onForget: (key) => this.#making.delete(key),
    });
  }

  /** Copies this process tried to make (GET /metrics: `smallImagesMade`). */
  get made(): number {
    return this.#made;
  }

  /** Bytes of copies kept now. */
  get keptBytes(): number {
    return this.#kept.bytes;
  }

  /**
   * The small copy of the forum's image `blobId` (`read` reads the stored image); null when
   * the forum has no such image. A photo that cannot be decoded answers its full bytes.
   */
  async get(
    forumId: string,
    blobId: string,
    read: () => MaybePromise<StoredBlob | null>,
  ): Promise<SmallAnswer | null> {
    const key = keyOf(forumId, blobId);
    let image: SmallImage;
    let blob: StoredBlob | null = null;
    const kept = this.#kept.read(key);
    if (kept) image = kept;
    else {
      let making = this.#making.get(key);
      if (!making) {
        const started = { promise: Promise.resolve(null) } as Making;
        started.promise = this.#makeKept(key, started, forumId, blobId, read);
        this.#making.set(key, started);
        making = started;
      }
      const made = await making.promise;
      if (!made) return null;
      ({ image, blob } = made);
    }
    if (image.kind !== 'failed') return { data: image.data, mime: image.mime, kind: image.kind };
    blob ??= await read();
    return blob ? { data: blob.data, mime: blob.mime, kind: 'full' } : null;
  }

  /** Lets go of these images' copies (removed from storage). */
  forget(forumId: string, blobIds: readonly string[]): void {
    for (const blobId of blobIds) this.#kept.forget(keyOf(forumId, blobId));
  }

  /** R70: lets go of every copy of an erased forum. */
  forgetForum(forumId: string): void {
    const prefix = keyOf(forumId, '');
    for (const key of [...this.#kept.keys(), ...this.#making.keys()]) {
      if (key.startsWith(prefix)) this.#kept.forget(key);
    }
  }

  /** The forums with copies kept or being made now. */
  forumIds(): Set<string> {
    const ids = new Set(this.#kept.forumIds());
    for (const key of this.#making.keys()) ids.add(key.slice(0, key.lastIndexOf('/')));
    return ids;
  }

  /** `store`, whose `remove` also lets go of the removed images' copies. */
  forgettingRemoved(store: BlobStore): BlobStore {
    return {
      put: (forumId, blobs, maxForumBytes, putBy) =>
        store.put(forumId, blobs, maxForumBytes, putBy),
      info: (forumId, blobId) => store.info(forumId, blobId),
      get: (forumId, blobId) => store.get(forumId, blobId),
      forumBytes: (forumId) => store.forumBytes(forumId),
      remove: (forumId, blobIds, putBy) => {
        this.forget(forumId, blobIds);
        return store.remove(forumId, blobIds, putBy);
      },
    };
  }

  async #makeKept(
    key: string,
    making: Making,
    forumId: string,
    blobId: string,
    read: () => MaybePromise<StoredBlob | null>,
  ): Promise<{ image: SmallImage; blob: StoredBlob } | null> {
    try {
      // The stored image is read at its turn, not while it waits: asked at once for 30 photos of
      // 10 MiB, the process held them all (+300 MB) until each copy was made.
      const made = await this.#inTurn(forumId, async () => {
        const blob = await read();
        if (!blob) return null;
        this.#made++;
        return { image: await this.#make(blob), blob };
      });
      if (!made) return null;
      const { image, blob } = made;
      // Removed meanwhile (`forget` dropped this making): answered, not kept.
      if (this.#making.get(key) !== making) return { image, blob };
      this.#making.delete(key);
      if (image.kind === 'failed') {
        // Once per image while remembered: the route answers the full bytes (R36's).
        this.#log.warn('small_image_failed', {
          forum: forumId,
          blob: blobId,
          mime: blob.mime,
          bytes: blob.data.byteLength,
          error: image.error,
        });
      }
      this.#keep(key, image);
      return { image, blob };
    } finally {
      if (this.#making.get(key) === making) this.#making.delete(key);
    }
  }

  /**
   * Runs `work` once fewer than `concurrency` others run; waiting, the forum's copies come in
   * their order, the forums in turn.
   */
  async #inTurn<T>(forumId: string, work: () => Promise<T>): Promise<T> {
    if (this.#running < this.#options.concurrency) this.#running++;
    else {
      // Woken with the place of the copy that finished (`#running` unchanged).
      await new Promise<void>((resolve) => {
        const queue = this.#waiting.get(forumId);
        if (queue) queue.push(resolve);
        else this.#waiting.set(forumId, [resolve]);
      });
    }
    try {
      return await work();
    } finally {
      const next = this.#nextWaiting(forumId);
      if (next) next();
      else this.#running--;
    }
  }

  /**
   * The next copy after one of `finished`'s: another forum's first, if one waits; the forum
   * served goes to the back of the turn.
   */
  #nextWaiting(finished: string): (() => void) | undefined {
    const own = this.#waiting.get(finished);
    if (own && this.#waiting.size > 1) {
      this.#waiting.delete(finished);
      this.#waiting.set(finished, own);
    }
    for (const [forumId, queue] of this.#waiting) {
      this.#waiting.delete(forumId);
      const next = queue.shift();
      if (queue.length > 0) this.#waiting.set(forumId, queue);
      return next;
    }
    return undefined;
  }

  #keep(key: string, image: SmallImage): void {
    const bytes = image.kind === 'failed' ? FAILED_COST : image.data.byteLength;
    if (bytes > this.#options.maxBytes) return;
    this.#kept.keep(key, image, bytes);
  }
}
