import type pg from 'pg';
import * as Y from 'yjs';
import {
  TooManyVersionsError,
  type BoardStorage,
  type SnapshotInfo,
  type SnapshotOptions,
  type StoredBoard,
} from '../storage/board-storage.ts';
import { AUTO_SNAPSHOTS_KEPT, snapshotInfo, type SnapshotRow } from '../storage/snapshot-rows.ts';
import { inTransaction, lockBoard } from './transaction.ts';

/** Boards whose stored size is remembered; past it the cache starts over (R30 re-measures). */
const MAX_SIZED_BOARDS = 10_000;
/** How long a board's size is trusted before it is read again from the database (R30). */
const REMEASURE_MS = 5_000;

interface SizeEntry {
  bytes: number;
  /** When it was last read from the database (Date.now()). */
  at: number;
}

interface Measuring {
  /** Bytes appended (here or, from the bus, elsewhere) while the reading was in flight. */
  grown: number;
  /** A load or compaction set an exact size meanwhile: the reading is older, dropped. */
  superseded: boolean;
  /** Settles once the reading is over (it never rejects). */
  done: Promise<void>;
}

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
  readonly #sizes = new Map<string, SizeEntry>();
  /** Sizes being read from the database, and what grew meanwhile (see #measure). */
  readonly #measuring = new Map<string, Measuring>();
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
    this.#setExactSize(boardId, (board.snapshot?.byteLength ?? 0) + bytes);
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
        this.#grow(boardId, update.byteLength);
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
    if (size !== null) this.#setExactSize(boardId, size);
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
      const { maxNamed } = options;
      if (options.kind === 'named' && maxNamed !== undefined) {
        // Under the board's lock: two facilitators saving at once cannot pass the limit.
        await lockBoard(client, boardId);
        const named = await client.query<{ n: number }>(
          `SELECT COUNT(*)::int AS n FROM board_snapshots WHERE board_id = $1 AND kind = 'named'`,
          [boardId],
        );
        if (named.rows[0]!.n >= maxNamed) throw new TooManyVersionsError(maxNamed);
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
   * read at load, plus its own appends and (several relays, R63) the other processes' appends
   * as their updates arrive from the bus (countRemoteAppend), reset by its compactions. A size
   * older than REMEASURE_MS is read again from the database in the background, so another
   * process's compaction (which shrinks the board) or an update that crossed as a resync notice
   * is taken into account too. A board not loaded here yet counts as 0 while its size is read.
   */
  storedBytes(boardId: string): number {
    const entry = this.#sizes.get(boardId);
    if (entry === undefined || Date.now() - entry.at > REMEASURE_MS) void this.#measure(boardId);
    return entry?.bytes ?? 0;
  }

  /**
   * R30 with several processes: another process appended `bytes` to the board (its update just
   * came from the bus, published once stored). Counted at once, so N processes cannot each let
   * the board grow to the limit; an overlap with a reading in flight is an overestimate that
   * the next reading corrects.
   */
  countRemoteAppend(boardId: string, bytes: number): void {
    this.#grow(boardId, bytes);
  }

  /** Reads the board's size again now, as the background reading does (tests). */
  refreshStoredBytes(boardId: string): Promise<void> {
    return this.#measure(boardId);
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

  /**
   * Reads the exact size. What grows while the reading is in flight (appends here, updates from
   * the bus) may or may not be in it: it is added on top, so the size is never under the truth
   * (at most over by that, until the next reading). A load or compaction meanwhile, exact and
   * newer, wins.
   */
  #measure(boardId: string): Promise<void> {
    const pending = this.#measuring.get(boardId);
    if (pending) return pending.done;
    if (this.#closing) return Promise.resolve();
    const measuring: Measuring = { grown: 0, superseded: false, done: Promise.resolve() };
    this.#measuring.set(boardId, measuring);
    measuring.done = (async () => {
      try {
        const bytes = await this.measureStoredBytes(boardId);
        if (!measuring.superseded) this.#setSize(boardId, bytes + measuring.grown);
      } catch {
        // Unknown for now (or as before); the next admission asks again.
      } finally {
        this.#measuring.delete(boardId);
      }
    })();
    return measuring.done;
  }

  #grow(boardId: string, bytes: number): void {
    const entry = this.#sizes.get(boardId);
    if (entry) entry.bytes += bytes;
    const measuring = this.#measuring.get(boardId);
    if (measuring) measuring.grown += bytes;
  }

  /** An exact size (load, compaction, a reading): replaces what was known. */
  #setSize(boardId: string, bytes: number): void {
    if (!this.#sizes.has(boardId) && this.#sizes.size >= MAX_SIZED_BOARDS) this.#sizes.clear();
    this.#sizes.set(boardId, { bytes, at: Date.now() });
  }

  /** Load and compaction: exact sizes read under the board's lock or in one view. */
  #setExactSize(boardId: string, bytes: number): void {
    const measuring = this.#measuring.get(boardId);
    if (measuring) measuring.superseded = true;
    this.#setSize(boardId, bytes);
  }

  #forgetChain(boardId: string, appended: Promise<unknown>): void {
    if (this.#appendChains.get(boardId) === appended) this.#appendChains.delete(boardId);
  }
}
