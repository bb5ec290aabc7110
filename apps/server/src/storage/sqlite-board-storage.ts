import type { SqliteDatabase } from './database.ts';
import { startBackgroundCheckpointer, type BackgroundCheckpointer } from './checkpointer.ts';
import {
  TooManyVersionsError,
  type BoardStorage,
  type SnapshotInfo,
  type SnapshotKind,
  type SnapshotOptions,
  type StoredBoard,
} from './board-storage.ts';
import { AUTO_SNAPSHOTS_KEPT, snapshotInfo, type SnapshotRow } from './snapshot-rows.ts';

/** BoardStorage on SQLite: synchronous, prepared statements, one transaction per compaction. */
export class SqliteBoardStorage implements BoardStorage {
  readonly #db: SqliteDatabase;
  readonly #insertUpdate;
  readonly #selectState;
  readonly #selectUpdates;
  readonly #upsertState;
  readonly #deleteUpdates;
  readonly #insertSnapshot;
  readonly #pruneAuto;
  readonly #listSnapshots;
  readonly #countNamed;
  readonly #getSnapshot;
  readonly #compactTx;
  readonly #storedBytes;
  readonly #latestSnapshot;
  readonly #checkpointer: BackgroundCheckpointer | null;

  /**
   * `backgroundCheckpointMs`: checkpoint the WAL from a worker thread at this interval instead
   * of inside the commit that crosses 1000 pages (R5; see checkpointer.ts). The server sets it.
   */
  constructor(
    db: SqliteDatabase,
    options: { backgroundCheckpointMs?: number; onError?: (error: Error) => void } = {},
  ) {
    this.#db = db;
    this.#checkpointer =
      options.backgroundCheckpointMs === undefined
        ? null
        : startBackgroundCheckpointer(db, {
            intervalMs: options.backgroundCheckpointMs,
            ...(options.onError ? { onError: options.onError } : {}),
          });
    this.#insertUpdate = db.prepare<[string, Uint8Array]>(
      'INSERT INTO board_updates (board_id, data) VALUES (?, ?)',
    );
    this.#selectState = db.prepare<[string], { snapshot: Buffer; seq: number }>(
      'SELECT snapshot, seq FROM board_state WHERE board_id = ?',
    );
    this.#selectUpdates = db.prepare<[string, number], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM board_updates WHERE board_id = ? AND seq > ? ORDER BY seq',
    );
    this.#upsertState = db.prepare<[string, Uint8Array, number, number]>(
      `INSERT INTO board_state (board_id, snapshot, seq, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET snapshot = excluded.snapshot, seq = excluded.seq,
         updated_at = excluded.updated_at
       WHERE excluded.seq >= board_state.seq`,
    );
    this.#deleteUpdates = db.prepare<[string, number]>(
      'DELETE FROM board_updates WHERE board_id = ? AND seq <= ?',
    );
    this.#insertSnapshot = db.prepare<[string, SnapshotKind, string | null, number, Uint8Array]>(
      'INSERT INTO board_snapshots (board_id, kind, name, created_at, data) VALUES (?, ?, ?, ?, ?)',
    );
    this.#pruneAuto = db.prepare<[string, string, number]>(
      `DELETE FROM board_snapshots WHERE board_id = ? AND kind = 'auto' AND id NOT IN (
         SELECT id FROM board_snapshots WHERE board_id = ? AND kind = 'auto'
         ORDER BY id DESC LIMIT ?)`,
    );
    this.#listSnapshots = db.prepare<[string], SnapshotRow>(
      `SELECT id, board_id, kind, name, created_at, length(data) AS bytes
       FROM board_snapshots WHERE board_id = ? ORDER BY id`,
    );
    this.#countNamed = db.prepare<[string], { n: number }>(
      `SELECT COUNT(*) AS n FROM board_snapshots WHERE board_id = ? AND kind = 'named'`,
    );
    this.#getSnapshot = db.prepare<[string, number], { data: Buffer }>(
      'SELECT data FROM board_snapshots WHERE board_id = ? AND id = ?',
    );
    this.#storedBytes = db.prepare<[string, string], { bytes: number }>(
      `SELECT COALESCE((SELECT length(snapshot) FROM board_state WHERE board_id = ?), 0)
         + COALESCE((SELECT SUM(length(data)) FROM board_updates WHERE board_id = ?), 0) AS bytes`,
    );
    this.#latestSnapshot = db.prepare<[string], SnapshotRow & { data: Buffer }>(
      `SELECT id, board_id, kind, name, created_at, length(data) AS bytes, data
       FROM board_snapshots WHERE board_id = ? ORDER BY id DESC LIMIT 1`,
    );
    this.#compactTx = db.transaction((boardId: string, snapshot: Uint8Array, upToSeq: number) => {
      this.#upsertState.run(boardId, snapshot, upToSeq, Date.now());
      this.#deleteUpdates.run(boardId, upToSeq);
    });
  }

  load(boardId: string): StoredBoard {
    // One read transaction, so a concurrent compaction cannot split snapshot and log.
    return this.#db.transaction(() => {
      const state = this.#selectState.get(boardId);
      const fromSeq = state?.seq ?? 0;
      const rows = this.#selectUpdates.all(boardId, fromSeq);
      return {
        snapshot: state ? new Uint8Array(state.snapshot) : null,
        updates: rows.map((row) => new Uint8Array(row.data)),
        lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : fromSeq,
      };
    })();
  }

  append(boardId: string, update: Uint8Array): number {
    return Number(this.#insertUpdate.run(boardId, update).lastInsertRowid);
  }

  compact(boardId: string, snapshot: Uint8Array, upToSeq: number): void {
    this.#compactTx(boardId, snapshot, upToSeq);
  }

  saveSnapshot(boardId: string, state: Uint8Array, options: SnapshotOptions): SnapshotInfo {
    const createdAt = options.createdAt ?? Date.now();
    const name = options.name ?? null;
    if (options.kind === 'auto' && name === null) {
      // R38: an unnamed auto version identical to the latest version adds nothing.
      const latest = this.#latestSnapshot.get(boardId);
      if (latest && Buffer.compare(latest.data, state) === 0) return snapshotInfo(latest);
    }
    const { maxNamed } = options;
    const insert = this.#db.transaction(() => {
      if (options.kind === 'named' && maxNamed !== undefined) {
        if (this.#countNamed.get(boardId)!.n >= maxNamed) throw new TooManyVersionsError(maxNamed);
      }
      const rowId = Number(
        this.#insertSnapshot.run(boardId, options.kind, name, createdAt, state).lastInsertRowid,
      );
      if (options.kind === 'auto') this.#pruneAuto.run(boardId, boardId, AUTO_SNAPSHOTS_KEPT);
      return rowId;
    });
    // IMMEDIATE: the count and the insert under the write lock, even with another process on
    // the same file (R63).
    const id = insert.immediate();
    return { id, boardId, kind: options.kind, name, createdAt, bytes: state.byteLength };
  }

  listSnapshots(boardId: string): SnapshotInfo[] {
    return this.#listSnapshots.all(boardId).map(snapshotInfo);
  }

  getSnapshot(boardId: string, snapshotId: number): Uint8Array | null {
    const row = this.#getSnapshot.get(boardId, snapshotId);
    return row ? new Uint8Array(row.data) : null;
  }

  /** R30: bytes the board's stored document takes (snapshot and update log). */
  storedBytes(boardId: string): number {
    return this.#storedBytes.get(boardId, boardId)?.bytes ?? 0;
  }

  /** The background checkpointer, if running (tests). */
  get checkpointer(): BackgroundCheckpointer | null {
    return this.#checkpointer;
  }

  close(): void | Promise<void> {
    // The worker's connection goes first: the final checkpoint must not find it busy.
    if (this.#checkpointer) return this.#checkpointer.stop().then(() => this.#closeDatabase());
    this.#closeDatabase();
  }

  #closeDatabase(): void {
    // Checkpoint so the main file is complete and the WAL small for the next start.
    if (this.#db.open) {
      this.#db.pragma('wal_checkpoint(TRUNCATE)');
      this.#db.close();
    }
  }
}
