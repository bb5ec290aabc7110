// What the photo cache (blob-cache.ts) and the small copies (small-images.ts) keep: values
// held in memory within a byte budget, the least recently read going first, and let go once
// nobody read them for a while, so that an idle server gives its memory back.

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
  readAt: number;
}

export class KeptInMemory<V> {
  readonly #options: KeptInMemoryOptions;
  /** In the order they were last read: the first is the next to go. */
  readonly #kept = new Map<string, Kept<V>>();
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

  /** The value kept under `key`, now the most recently read; undefined when none is. */
  read(key: string): V | undefined {
    const kept = this.#kept.get(key);
    if (!kept) return undefined;
    this.#kept.delete(key);
    kept.readAt = this.#options.now();
    this.#kept.set(key, kept);
    return kept.value;
  }

  /** Keeps `value` (costing `bytes`) in place of what `key` held; the oldest go past the budget. */
  keep(key: string, value: V, bytes: number): void {
    this.forget(key);
    this.#kept.set(key, { value, bytes, readAt: this.#options.now() });
    this.#bytes += bytes;
    for (const [oldest] of this.#kept) {
      if (this.#bytes <= this.#options.maxBytes) break;
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
