import * as Y from 'yjs';
import type { Logger } from '../log.ts';
import { isReportedStorageFailure } from './storage-health.ts';
import type {
  BoardStorage,
  MaybePromise,
  SnapshotInfo,
  SnapshotOptions,
  StoredBoard,
} from './board-storage.ts';

/**
 * R38: automatic versions while a board is in use. The first update appended to a board after
 * its last version starts a timer; when it fires, the board's stored state (equal to what every
 * client saw, R5) is kept as an `auto` version. So an active board gets a version at most every
 * `intervalMs`, and an idle board none; the room keeps one more when it unloads (R8).
 * Wraps any BoardStorage; the relay writes through it.
 *
 * Several processes (R63, `shared`) each wrap the same storage and each have the board loaded: the
 * timer's version is skipped when the storage already holds an unnamed auto version of the
 * board younger than `intervalMs` (kept by any process), and an unnamed auto version whose
 * content equals the board's latest version (the unload of each process) is not stored again.
 */
export class AutoVersionStorage implements BoardStorage {
  readonly #inner: BoardStorage;
  readonly #intervalMs: number;
  readonly #log: Logger;
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Other processes wrap the same storage (R63): their versions count as this one's. */
  readonly #shared: boolean;

  constructor(inner: BoardStorage, options: { intervalMs: number; log: Logger; shared?: boolean }) {
    this.#inner = inner;
    this.#intervalMs = options.intervalMs;
    this.#log = options.log;
    this.#shared = options.shared ?? false;
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
    options: SnapshotOptions,
  ): MaybePromise<SnapshotInfo> {
    // Alone, the inner storage's own check (the same bytes as the latest version) suffices.
    if (this.#shared && options.kind === 'auto' && options.name === undefined) {
      return this.#saveAutoUnlessSame(boardId, state, options.createdAt);
    }
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
      if (this.#shared && (await this.#hasRecentAutoVersion(boardId))) {
        this.#log.debug('auto_version_skipped', { board: boardId });
        return;
      }
      const stored = await this.#inner.load(boardId);
      const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
      if (parts.length === 0) return;
      Y.applyUpdate(doc, Y.mergeUpdates(parts));
      await this.#inner.saveSnapshot(boardId, Y.encodeStateAsUpdate(doc), { kind: 'auto' });
      this.#log.debug('auto_version_kept', { board: boardId });
    } catch (error) {
      // R69: a full disk already said so once (storage_failing).
      const level = isReportedStorageFailure(error) ? 'debug' : 'error';
      this.#log[level]('auto_version_failed', { board: boardId, error: error as Error });
    } finally {
      doc.destroy();
    }
  }

  /** An unnamed auto version younger than the interval, from this process or another. */
  async #hasRecentAutoVersion(boardId: string): Promise<boolean> {
    const versions = await this.#inner.listSnapshots(boardId);
    const since = Date.now() - this.#intervalMs;
    return versions.some((v) => v.kind === 'auto' && v.name === null && v.createdAt > since);
  }

  /**
   * R38 with several processes: each one's unload keeps its doc's state, encoded in its own
   * way; the same content as the latest version (an unnamed auto one) is not stored twice.
   */
  async #saveAutoUnlessSame(
    boardId: string,
    state: Uint8Array,
    createdAt: number | undefined,
  ): Promise<SnapshotInfo> {
    const versions = await this.#inner.listSnapshots(boardId);
    const latest = versions.reduce<SnapshotInfo | null>(
      (found, v) => (found === null || v.id > found.id ? v : found),
      null,
    );
    if (latest && latest.kind === 'auto' && latest.name === null) {
      const kept = await this.#inner.getSnapshot(boardId, latest.id);
      if (kept && sameContent(kept, state)) return latest;
    }
    return this.#inner.saveSnapshot(boardId, state, {
      kind: 'auto',
      ...(createdAt === undefined ? {} : { createdAt }),
    });
  }

  close(): MaybePromise<void> {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    return this.#inner.close();
  }
}

/** Two full states hold the same document: equal state vectors and equal deletions. */
function sameContent(a: Uint8Array, b: Uint8Array): boolean {
  if (Buffer.compare(a, b) === 0) return true;
  if (Buffer.compare(Y.encodeStateVectorFromUpdate(a), Y.encodeStateVectorFromUpdate(b)) !== 0) {
    return false;
  }
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  try {
    Y.applyUpdate(docA, a);
    Y.applyUpdate(docB, b);
    return Y.equalSnapshots(Y.snapshot(docA), Y.snapshot(docB));
  } finally {
    docA.destroy();
    docB.destroy();
  }
}
