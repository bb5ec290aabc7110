import * as Y from 'yjs';
import type { BoardStorage } from './board-storage.ts';

/**
 * Runs `read` on a board's document rebuilt from storage (snapshot, then the updates after it),
 * destroyed afterwards. For reads of a board no live room holds (R19) and of storage alone.
 */
export async function withStoredDoc<T>(
  storage: BoardStorage,
  boardId: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const stored = await storage.load(boardId);
  const doc = new Y.Doc();
  try {
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    if (parts.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(parts));
    return read(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The boards lately rebuilt from storage, kept a few seconds while storage holds the same
 * updates (R19). Rebuilding a board of 10,000 notes of ~3,000 characters (M37's limit, one
 * import) takes ~0.3–0.5 s of the event loop: asked again and again for a board nobody has open
 * (its export, a dot on it, a vote's results), one participant's requests held every board's
 * sync that long each. Storage is still read each time (its last update says whether the board
 * changed, from this process or another); only the rebuild is saved. Readers read, never write,
 * and never keep the doc.
 */
export class RecentStoredDocs {
  readonly #storage: BoardStorage;
  readonly #keep: number;
  readonly #keepMs: number;
  /** In the order they were last read: the first is the next to go. */
  readonly #kept = new Map<string, { version: string; doc: Y.Doc; readAt: number }>();
  #sweeper: ReturnType<typeof setInterval> | null = null;

  constructor(storage: BoardStorage, { keep = 2, keepMs = 5_000 } = {}) {
    this.#storage = storage;
    this.#keep = keep;
    this.#keepMs = keepMs;
  }

  async read<T>(boardId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const stored = await this.#storage.load(boardId);
    const version = `${stored.lastSeq}/${stored.updates.length}/${stored.snapshot?.byteLength ?? -1}`;
    let kept = this.#kept.get(boardId);
    this.#forget(boardId, kept?.version === version ? null : kept);
    if (kept?.version !== version) {
      const doc = new Y.Doc();
      const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
      if (parts.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(parts));
      kept = { version, doc, readAt: 0 };
    }
    kept.readAt = performance.now();
    this.#kept.set(boardId, kept);
    for (const [oldest, entry] of this.#kept) {
      if (this.#kept.size <= this.#keep) break;
      this.#forget(oldest, entry);
    }
    this.#sweeper ??= setInterval(() => this.#sweep(), this.#keepMs).unref();
    return read(kept.doc);
  }

  /** Lets every kept doc go (the relay closing). */
  clear(): void {
    for (const [boardId, entry] of this.#kept) this.#forget(boardId, entry);
  }

  #sweep(): void {
    const before = performance.now() - this.#keepMs;
    for (const [boardId, entry] of this.#kept) {
      if (entry.readAt > before) break;
      this.#forget(boardId, entry);
    }
    if (this.#kept.size === 0 && this.#sweeper !== null) {
      clearInterval(this.#sweeper);
      this.#sweeper = null;
    }
  }

  /** Takes `boardId` out of the order; destroys `entry`'s doc if given. */
  #forget(boardId: string, entry: { doc: Y.Doc } | null | undefined): void {
    this.#kept.delete(boardId);
    entry?.doc.destroy();
  }
}
