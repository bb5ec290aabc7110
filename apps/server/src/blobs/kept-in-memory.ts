// What the photo cache (blob-cache.ts) and the small copies (small-images.ts) keep: values
// held in memory within a byte budget, the least recently read going first, and let go once
// nobody read them for a while, so that an idle server gives its memory back. Past the budget,
// the forum holding the most bytes gives up its least recently read: a forum within its share
// (the budget split between the forums holding something) keeps what it has, whatever another
// forum asks for. One participant cycling 20 photos whose copies are ~1 MB (transparent noise)
// through the 16 MiB of copies had every other forum's copies made again at their next request.

export interface KeptInMemoryOptions {
  /** Bytes kept at most: the least recently read go first. */
  maxBytes: number;
  /** A value nobody read for this long is let go. */
  idleMs: number;
  now: () => number;
  /** Called for every key let go (forgotten, pushed out or idle), kept or not. */
  onForget?: (key: string) => void;
}

interface Kept<V> {
  readonly value: V;
  readonly bytes: number;
  readonly forumId: string;
  readAt: number;
}

/** A forum's share of what is kept: its bytes, its keys in the order they were last read. */
interface ForumShare {
  bytes: number;
  readonly keys: Set<string>;
}

export class KeptInMemory<V> {
  readonly #options: KeptInMemoryOptions;
  /** In the order they were last read: the first is the next to go. */
  readonly #kept = new Map<string, Kept<V>>();
  readonly #forums = new Map<string, ForumShare>();
  #bytes = 0;
  #sweeper: ReturnType<typeof setInterval> | null = null;

  constructor(options: KeptInMemoryOptions) {
    this.#options = options;
  }

  /** Bytes kept now. */
  get bytes(): number {
    return this.#bytes;
  }

  keys(): IterableIterator<string> {
    return this.#kept.keys();
  }

  /** The forums holding something now. */
  forumIds(): IterableIterator<string> {
    return this.#forums.keys();
  }

  /** Lets go of everything a forum holds (R70: the forum is erased). */
  forgetForum(forumId: string): void {
    const share = this.#forums.get(forumId);
    if (share) for (const key of [...share.keys]) this.forget(key);
  }

  /** The value kept under `key`, now the most recently read; undefined when none is. */
  read(key: string): V | undefined {
    const kept = this.#kept.get(key);
    if (!kept) return undefined;
    this.#kept.delete(key);
    kept.readAt = this.#options.now();
    this.#kept.set(key, kept);
    const keys = this.#forums.get(kept.forumId)?.keys;
    keys?.delete(key);
    keys?.add(key);
    return kept.value;
  }

  /**
   * Keeps `value` (costing `bytes`) in place of what `key` (see keyOf) held; past the budget, the
   * least recently read of the forum holding the most go.
   */
  keep(key: string, value: V, bytes: number): void {
    this.forget(key);
    const forumId = forumOf(key);
    this.#kept.set(key, { value, bytes, forumId, readAt: this.#options.now() });
    this.#bytes += bytes;
    let share = this.#forums.get(forumId);
    if (!share) this.#forums.set(forumId, (share = { bytes: 0, keys: new Set() }));
    share.bytes += bytes;
    share.keys.add(key);
    while (this.#bytes > this.#options.maxBytes) {
      const oldest = this.#largestShare()?.keys.values().next().value;
      if (oldest === undefined) break;
      this.forget(oldest);
    }
    if (this.#sweeper === null && this.#kept.size > 0) {
      this.#sweeper = setInterval(() => this.#letGoIdle(), this.#options.idleMs / 2);
      this.#sweeper.unref();
    }
  }

  forget(key: string): void {
    this.#options.onForget?.(key);
    const kept = this.#kept.get(key);
    if (!kept) return;
    this.#kept.delete(key);
    this.#bytes -= kept.bytes;
    const share = this.#forums.get(kept.forumId);
    if (!share) return;
    share.bytes -= kept.bytes;
    share.keys.delete(key);
    if (share.keys.size === 0) this.#forums.delete(kept.forumId);
  }

  /** The share of the forum holding the most bytes (the first of equals to have kept any). */
  #largestShare(): ForumShare | undefined {
    let largest: ForumShare | undefined;
    for (const share of this.#forums.values()) {
      if (!largest || share.bytes > largest.bytes) largest = share;
    }
    return largest;
  }

  #letGoIdle(): void {
    const before = this.#options.now() - this.#options.idleMs;
    for (const [key, kept] of this.#kept) {
      if (kept.readAt > before) break;
      this.forget(key);
    }
    if (this.#kept.size === 0 && this.#sweeper !== null) {
      clearInterval(this.#sweeper);
      this.#sweeper = null;
    }
  }
}

/** The key of a forum's image. */
export const keyOf = (forumId: string, blobId: string): string => `${forumId}/${blobId}`;

/** The forum of a key made by keyOf (an image's id, a SHA-256 in hex, holds no slash). */
const forumOf = (key: string): string => key.slice(0, key.lastIndexOf('/'));
