import * as Y from 'yjs';
import type { Logger } from '../log.ts';
import type { BoardStorage, MaybePromise, SnapshotInfo, StoredBoard } from './board-storage.ts';

/**
 * R38: automatic versions while a board is in use. The first update appended to a board after
 * its last version starts a timer; when it fires, the board's stored state (equal to what every
 * client saw, R5) is kept as an `auto` version. So an active board gets a version at most every
 * `intervalMs`, and an idle board none; the room keeps one more when it unloads (R8).
 * Wraps any BoardStorage; the relay writes through it.
 */
export class AutoVersionStorage implements BoardStorage {
  readonly #inner: BoardStorage;
  readonly #intervalMs: number;
  readonly #log: Logger;
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(inner: BoardStorage, options: { intervalMs: number; log: Logger }) {
    this.#inner = inner;
    this.#intervalMs = options.intervalMs;
    this.#log = options.log;
  }

  load(boardId: string): MaybePromise<StoredBoard> {
    return this.#inner.load(boardId);
  }

  append(boardId: string, update: Uint8Array): MaybePromise<number> {
    const seq = this.#inner.append(boardId, update);
    if (!this.#timers.has(boardId)) {
      const timer = setTimeout(() => {
        this.#timers.delete(boardId);
        void this.keepVersion(boardId);
      }, this.#intervalMs);
      timer.unref();
      this.#timers.set(boardId, timer);
    }
    return seq;
  }

  compact(boardId: string, snapshot: Uint8Array, upToSeq: number): MaybePromise<void> {
    return this.#inner.compact(boardId, snapshot, upToSeq);
  }

  saveSnapshot(
    boardId: string,
    state: Uint8Array,
    options: { kind: 'auto' | 'named'; name?: string },
  ): MaybePromise<SnapshotInfo> {
    return this.#inner.saveSnapshot(boardId, state, options);
  }

  listSnapshots(boardId: string): MaybePromise<SnapshotInfo[]> {
    return this.#inner.listSnapshots(boardId);
  }

  getSnapshot(boardId: string, snapshotId: number): MaybePromise<Uint8Array | null> {
    return this.#inner.getSnapshot(boardId, snapshotId);
  }

  /** Keeps the board's stored state as an auto version (never throws). */
  async keepVersion(boardId: string): Promise<void> {
    const doc = new Y.Doc();
    try {
      const stored = await this.#inner.load(boardId);
      const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
      if (parts.length === 0) return;
      Y.applyUpdate(doc, Y.mergeUpdates(parts));
      await this.#inner.saveSnapshot(boardId, Y.encodeStateAsUpdate(doc), { kind: 'auto' });
      this.#log.debug('auto_version_kept', { board: boardId });
    } catch (error) {
      this.#log.error('auto_version_failed', { board: boardId, error: error as Error });
    } finally {
      doc.destroy();
    }
  }

  close(): MaybePromise<void> {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    return this.#inner.close();
  }
}
