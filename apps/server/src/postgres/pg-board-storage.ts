import type pg from 'pg';
import * as Y from 'yjs';
import type {
  BoardStorage,
  SnapshotInfo,
  SnapshotOptions,
  StoredBoard,
} from '../storage/board-storage.ts';
import { AUTO_SNAPSHOTS_KEPT, snapshotInfo, type SnapshotRow } from '../storage/snapshot-rows.ts';
import { inTransaction, lockBoard } from './transaction.ts';

/** Boards whose stored size is remembered; past it the cache starts over (R30 re-measures). */
const MAX_SIZED_BOARDS = 10_000;

/**
 * BoardStorage on PostgreSQL. Every method answers a promise; the relay keeps each board's
 * order (R6). Several Carton processes may share the database: each append takes the board's
 * advisory lock (schema.ts), and so does compaction, so a board's sequence numbers are
 * committed in order and a compaction sees a settled log.
 */
export class PgBoardStorage implements BoardStorage {
  readonly #pool: pg.Pool;
  readonly #closePool: boolean;
  /** Per board, this process's appends in the order the room issued them. */
  readonly #appendChains = new Map<string, Promise<unknown>>();
  /** R30 sizes, see storedBytes. */
  readonly #sizes = new Map<string, number>();
  readonly #measuring = new Set<string>();
  /** Boards appended to while their size was being read: that reading is already stale. */
  readonly #staleMeasures = new Set<string>();
  #closing: Promise<void> | null = null;

  /** `closePool`: end the pool on close (the server's storage owns it; tests share one). */
  constructor(pool: pg.Pool, options: { closePool?: boolean } = {}) {
    this.#pool = pool;
    this.#closePool = options.closePool ?? true;
  }

  async load(boardId: string): Promise<StoredBoard> {
    // REPEATABLE READ: snapshot and log read from one view, so a concurrent compaction (here
    // or in another process) cannot split them.
    const board = await inTransaction(this.#pool, async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const state = await client.query<{ snapshot: Buffer; seq: number }>(
        'SELECT snapshot, seq FROM board_state WHERE board_id = $1',
        [boardId],
      );
      const fromSeq = state.rows[0]?.seq ?? 0;
      const log = await client.query<{ seq: number; data: Buffer }>(
        'SELECT seq, data FROM board_updates WHERE board_id = $1 AND seq > $2 ORDER BY seq',
        [boardId, fromSeq],
      );
      const rows = log.rows;
      return {
        snapshot: state.rows[0] ? new Uint8Array(state.rows[0].snapshot) : null,
        updates: rows.map((row) => new Uint8Array(row.data)),
        lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : fromSeq,
      };
    });
    const bytes = board.updates.reduce((sum, u) => sum + u.byteLength, 0);
    this.#setSize(boardId, (board.snapshot?.byteLength ?? 0) + bytes);
    return board;
  }

  append(boardId: string, update: Uint8Array): Promise<number> {
    const previous = this.#appendChains.get(boardId) ?? Promise.resolve();
    // A failed append rejects its own promise (the room stops, R6); later ones still run.
    const appended = previous
      .catch(() => {})
      .then(() =>
        this.#pool.query<{ seq: number }>('SELECT carton_append_update($1, $2) AS seq', [
          boardId,
          update,
        ]),
      )
      .then((result) => {
        const size = this.#sizes.get(boardId);
        if (size !== undefined) this.#sizes.set(boardId, size + update.byteLength);
        else if (this.#measuring.has(boardId)) this.#staleMeasures.add(boardId);
        return result.rows[0]!.seq;
      });
    this.#appendChains.set(boardId, appended);
    void appended.then(
      () => this.#forgetChain(boardId, appended),
      () => this.#forgetChain(boardId, appended),
    );
    return appended;
  }

  /**
   * R7, atomic, never backwards: under the board's lock, a stored snapshot that already covers
   * a later sequence number is kept. Updates up to `upToSeq` are folded into the new snapshot
   * before they are deleted, so an update written by another process (which this process's
   * doc may not have seen yet) is never lost; for this process's own updates the merge only
   * costs the time of reading them back.
   */
  async compact(boardId: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    const size = await inTransaction(this.#pool, async (client) => {
      await lockBoard(client, boardId);
      const state = await client.query<{ seq: number }>(
        'SELECT seq FROM board_state WHERE board_id = $1',
        [boardId],
      );
      const storedSeq = state.rows[0]?.seq;
      if (storedSeq !== undefined && storedSeq > upToSeq) return null;
      const log = await client.query<{ data: Buffer }>(
        `SELECT data FROM board_updates WHERE board_id = $1 AND seq > $2 AND seq <= $3
         ORDER BY seq`,
        [boardId, storedSeq ?? 0, upToSeq],
      );
      const folded =
        log.rows.length === 0
          ? snapshot
          : Y.mergeUpdates([snapshot, ...log.rows.map((row) => new Uint8Array(row.data))]);
      await client.query(
        `INSERT INTO board_state (board_id, snapshot, seq, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (board_id) DO UPDATE SET snapshot = excluded.snapshot, seq = excluded.seq,
           updated_at = excluded.updated_at`,
        [boardId, folded, upToSeq, Date.now()],
      );
      await client.query('DELETE FROM board_updates WHERE board_id = $1 AND seq <= $2', [
        boardId,
        upToSeq,
      ]);
      const rest = await client.query<{ bytes: number }>(
        `SELECT COALESCE(SUM(length(data)), 0)::bigint AS bytes FROM board_updates
         WHERE board_id = $1`,
        [boardId],
      );
      return folded.byteLength + rest.rows[0]!.bytes;
    });
    if (size !== null) this.#setSize(boardId, size);
  }

  async saveSnapshot(
    boardId: string,
    state: Uint8Array,
    options: SnapshotOptions,
  ): Promise<SnapshotInfo> {
    const createdAt = options.createdAt ?? Date.now();
    const name = options.name ?? null;
    return inTransaction(this.#pool, async (client) => {
      if (options.kind === 'auto' && name === null) {
        // R38: an unnamed auto version identical to the latest version adds nothing.
        const latest = await client.query<SnapshotRow & { data: Buffer }>(
          `SELECT id, board_id, kind, name, created_at, length(data) AS bytes, data
           FROM board_snapshots WHERE board_id = $1 ORDER BY id DESC LIMIT 1`,
          [boardId],
        );
        const row = latest.rows[0];
        if (row && Buffer.compare(row.data, state) === 0) return snapshotInfo(row);
      }
      const inserted = await client.query<{ id: number }>(
        `INSERT INTO board_snapshots (board_id, kind, name, created_at, data)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [boardId, options.kind, name, createdAt, state],
      );
      if (options.kind === 'auto') {
        await client.query(
          `DELETE FROM board_snapshots WHERE board_id = $1 AND kind = 'auto' AND id NOT IN (
             SELECT id FROM board_snapshots WHERE board_id = $1 AND kind = 'auto'
             ORDER BY id DESC LIMIT $2)`,
          [boardId, AUTO_SNAPSHOTS_KEPT],
        );
      }
      return {
        id: inserted.rows[0]!.id,
        boardId,
        kind: options.kind,
        name,
        createdAt,
        bytes: state.byteLength,
      };
    });
  }

  async listSnapshots(boardId: string): Promise<SnapshotInfo[]> {
    const result = await this.#pool.query<SnapshotRow>(
      `SELECT id, board_id, kind, name, created_at, length(data) AS bytes
       FROM board_snapshots WHERE board_id = $1 ORDER BY id`,
      [boardId],
    );
    return result.rows.map(snapshotInfo);
  }

  async getSnapshot(boardId: string, snapshotId: number): Promise<Uint8Array | null> {
    const result = await this.#pool.query<{ data: Buffer }>(
      'SELECT data FROM board_snapshots WHERE board_id = $1 AND id = $2',
      [boardId, snapshotId],
    );
    const row = result.rows[0];
    return row ? new Uint8Array(row.data) : null;
  }

  /**
   * R30, answered synchronously on the relay's hot path from what this process knows: the size
   * read at load, plus its own appends, reset by its compactions. An approximation: another
   * process's appends (several relays) are not counted until this process loads or compacts the
   * board again, and a board not loaded here yet counts as 0 while its size is read in the
   * background (the admission re-measures every 2 s, message-limits.ts).
   */
  storedBytes(boardId: string): number {
    const size = this.#sizes.get(boardId);
    if (size !== undefined) return size;
    void this.#measure(boardId);
    return 0;
  }

  /** The exact stored size, read from the database (tests, and to fill the cache). */
  async measureStoredBytes(boardId: string): Promise<number> {
    const result = await this.#pool.query<{ bytes: number }>(
      `SELECT (COALESCE((SELECT length(snapshot) FROM board_state WHERE board_id = $1), 0)
         + COALESCE((SELECT SUM(length(data)) FROM board_updates WHERE board_id = $1), 0))::bigint
         AS bytes`,
      [boardId],
    );
    return result.rows[0]!.bytes;
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      // Appends in flight finish (or fail) before the pool goes.
      await Promise.allSettled([...this.#appendChains.values()]);
      if (this.#closePool) await this.#pool.end();
    })();
    return this.#closing;
  }

  async #measure(boardId: string): Promise<void> {
    if (this.#measuring.has(boardId) || this.#closing) return;
    this.#measuring.add(boardId);
    try {
      const bytes = await this.measureStoredBytes(boardId);
      if (!this.#sizes.has(boardId) && !this.#staleMeasures.has(boardId)) {
        this.#setSize(boardId, bytes);
      }
    } catch {
      // Unknown for now; the next admission asks again.
    } finally {
      this.#measuring.delete(boardId);
      this.#staleMeasures.delete(boardId);
    }
  }

  #setSize(boardId: string, bytes: number): void {
    if (!this.#sizes.has(boardId) && this.#sizes.size >= MAX_SIZED_BOARDS) this.#sizes.clear();
    this.#sizes.set(boardId, bytes);
  }

  #forgetChain(boardId: string, appended: Promise<unknown>): void {
    if (this.#appendChains.get(boardId) === appended) this.#appendChains.delete(boardId);
  }
}
