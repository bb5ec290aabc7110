/**
 * Where board documents live. The relay only sees this interface, so a PostgreSQL (or other)
 * backend can replace SQLite. Methods may answer synchronously (SQLite) or with a promise
 * (network databases); the relay handles both and keeps per-board order (see SPEC R6).
 */
export type MaybePromise<T> = T | Promise<T>;

export interface StoredBoard {
  /** The compacted state (a Yjs update), or null if the board was never compacted. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** Sequence number of the last update in `updates` (or of the snapshot's last one). */
  lastSeq: number;
}

export type SnapshotKind = 'auto' | 'named';

export interface SnapshotInfo {
  id: number;
  boardId: string;
  kind: SnapshotKind;
  name: string | null;
  createdAt: number;
  bytes: number;
}

export interface SnapshotOptions {
  kind: SnapshotKind;
  name?: string;
  /** When the version was made; now by default. A restored forum archive keeps its dates. */
  createdAt?: number;
  /**
   * A named version is refused (TooManyVersionsError) if the board already keeps this many
   * named ones, counted in the insert's transaction (R27). A restored archive sets none.
   */
  maxNamed?: number;
}

/** R27: the board already keeps its maximum of named versions; nothing was stored. */
export class TooManyVersionsError extends Error {
  constructor(readonly max: number) {
    super(`The board already keeps ${max} named versions.`);
    this.name = 'TooManyVersionsError';
  }
}

export interface BoardStorage {
  /** Everything needed to rebuild the board's Y.Doc. An unknown board is empty, not an error. */
  load(boardId: string): MaybePromise<StoredBoard>;
  /** Durably appends one update; resolves to its sequence number once it is stored. */
  append(boardId: string, update: Uint8Array): MaybePromise<number>;
  /**
   * Replaces the board's snapshot by `snapshot`, which must contain every update up to
   * `upToSeq`, and forgets those updates. Atomic: a crash leaves either the old or the new state.
   */
  compact(boardId: string, snapshot: Uint8Array, upToSeq: number): MaybePromise<void>;
  /** Version history: keeps a copy of the board's state. Auto snapshots are pruned. */
  saveSnapshot(
    boardId: string,
    state: Uint8Array,
    options: SnapshotOptions,
  ): MaybePromise<SnapshotInfo>;
  listSnapshots(boardId: string): MaybePromise<SnapshotInfo[]>;
  getSnapshot(boardId: string, snapshotId: number): MaybePromise<Uint8Array | null>;
  close(): MaybePromise<void>;
}
