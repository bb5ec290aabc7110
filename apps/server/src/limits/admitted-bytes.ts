import type { BoardStorage } from '../storage/board-storage.ts';

/** Boards followed at once; past it the ledger starts over (an undercount of a batch, once). */
const MAX_TRACKED_BOARDS = 5_000;

interface BoardLedger {
  /** Bytes of every update admitted for the board (a running total, never reset). */
  admitted: number;
  /** Of those, the bytes whose append has settled (committed, or failed: never stored then). */
  settled: number;
}

/**
 * R30: the bytes admitted for a board that storage does not count yet. An admitted update is
 * integrated with the room's next batch (R51: up to 50 ms later) and appended; on PostgreSQL
 * the size storage answers grows only once the append commits (a board's lock held elsewhere:
 * up to the statement timeout, R60). The admission's periodic re-measure of the stored size
 * adds these on top, so it never drops what it admitted a moment ago.
 *
 * An append carries everything its room integrated before it (the relay integrates all
 * waiting updates, then appends, in one turn), so the ledger needs no per-update record: each
 * append remembers the board's admitted total when it was issued and, once settled, counts
 * that much as settled. Appends of a board settle in order (R6), so `settled` only grows.
 */
export class AdmittedBytes {
  readonly #boards = new Map<string, BoardLedger>();

  /** An update of `bytes` was admitted for the board. No allocation past the first. */
  admit(boardId: string, bytes: number): void {
    let ledger = this.#boards.get(boardId);
    if (ledger === undefined) {
      if (this.#boards.size >= MAX_TRACKED_BOARDS) this.#boards.clear();
      ledger = { admitted: 0, settled: 0 };
      this.#boards.set(boardId, ledger);
    }
    ledger.admitted += bytes;
  }

  /** Bytes admitted for the board whose append has not settled yet. */
  inFlight(boardId: string): number {
    const ledger = this.#boards.get(boardId);
    return ledger === undefined ? 0 : ledger.admitted - ledger.settled;
  }

  /**
   * The relay's storage, with each append settling what was admitted before it was issued.
   * Everything else goes to `storage` as is; a synchronous answer (SQLite) stays synchronous.
   */
  track(storage: BoardStorage): BoardStorage {
    const settle = (ledger: BoardLedger | undefined, covered: number) => {
      if (ledger !== undefined && covered > ledger.settled) ledger.settled = covered;
    };
    return {
      load: (boardId) => storage.load(boardId),
      append: (boardId, update) => {
        const ledger = this.#boards.get(boardId);
        const covered = ledger?.admitted ?? 0;
        let stored: number | Promise<number>;
        try {
          stored = storage.append(boardId, update);
        } catch (error) {
          settle(ledger, covered); // never stored: the room fails, clients send it again (R6)
          throw error;
        }
        if (typeof stored === 'number') {
          settle(ledger, covered);
        } else if (ledger !== undefined) {
          const done = () => settle(ledger, covered);
          stored.then(done, done);
        }
        return stored;
      },
      compact: (boardId, snapshot, upToSeq) => storage.compact(boardId, snapshot, upToSeq),
      saveSnapshot: (boardId, state, options) => storage.saveSnapshot(boardId, state, options),
      listSnapshots: (boardId) => storage.listSnapshots(boardId),
      getSnapshot: (boardId, snapshotId) => storage.getSnapshot(boardId, snapshotId),
      close: () => storage.close(),
    };
  }
}
