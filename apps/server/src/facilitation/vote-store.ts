import { createHash } from 'node:crypto';
import type { MaybePromise } from '../storage/board-storage.ts';
import type { SqliteDatabase } from '../storage/database.ts';

/** A dot as its voter sees it. */
export interface Dot {
  boardId: string;
  shapeId: string;
}

/**
 * Dots brought back from a forum archive on one note: under the archive's alias of their voter
 * (`voter`, which matches no device's hash), or `archive` when the archive names nobody.
 */
export interface RestoredDots {
  voteId: string;
  boardId: string;
  shapeId: string;
  count: number;
  voter?: string;
}

/** One voter's dots in a vote, oldest first (the voter as stored: a hash, or an archive's). */
export interface Ballot {
  voter: string;
  dots: Dot[];
}

/** The voter of archived dots whose voter the archive does not name. */
export const ARCHIVE_VOTER = 'archive';

/** Rows of a vote, oldest first, grouped by voter in the order of their first dot. */
export function ballotsOf(
  rows: ReadonlyArray<{ voter: string; board_id: string; shape_id: string }>,
): Ballot[] {
  const byVoter = new Map<string, Dot[]>();
  for (const row of rows) {
    let dots = byVoter.get(row.voter);
    if (!dots) byVoter.set(row.voter, (dots = []));
    dots.push({ boardId: row.board_id, shapeId: row.shape_id });
  }
  return [...byVoter].map(([voter, dots]) => ({ voter, dots }));
}

/**
 * V2: the voter as stored: a hash of forum, vote and the device's random voter id — no name,
 * and the same device is unlinkable across votes.
 */
export function voterHash(forumId: string, voteId: string, voterId: string): string {
  return createHash('sha256').update(`${forumId}\n${voteId}\n${voterId}`).digest('hex');
}

/**
 * V2: dots of dot votes, one row per dot, under the voter's hash (`voterHash`). SQLite now;
 * PostgreSQL answers with promises: callers await every method.
 */
export interface VoteStore {
  /**
   * V3, atomic: adds a dot unless the voter already has `limit` dots in this vote; false
   * (nothing written) otherwise. The count and the insert are one transaction (PostgreSQL:
   * serialise a voter's dots, e.g. `pg_advisory_xact_lock(hashtext(vote_id || voter))` before
   * counting), so two requests at once never place `limit + 1` dots.
   */
  add(
    forumId: string,
    voteId: string,
    voter: string,
    dot: Dot,
    limit: number,
  ): MaybePromise<boolean>;
  /**
   * A vote's dots brought back from a forum archive: one row per dot under the archive's alias
   * of its voter, or `archive` for the dots of an archive that keeps only totals — voters that
   * match no device, so results count them and nobody can remove them. One transaction: all
   * or none.
   */
  restoreDots(forumId: string, dots: ReadonlyArray<RestoredDots>): MaybePromise<void>;
  /** Removes one of the voter's dots on that note; false if there was none. */
  remove(voteId: string, voter: string, dot: Dot): MaybePromise<boolean>;
  /** The voter's dots, oldest first. */
  dotsOf(voteId: string, voter: string): MaybePromise<Dot[]>;
  /** Every voter's dots on one note. */
  countOf(voteId: string, dot: Dot): MaybePromise<number>;
  /** Dots per note of the vote (notes without dots are absent). */
  counts(voteId: string): MaybePromise<Array<Dot & { count: number }>>;
  /** Every voter's dots in the vote (a forum archive keeps them under per-archive aliases). */
  ballots(voteId: string): MaybePromise<Ballot[]>;
}

/** VoteStore on SQLite: synchronous answers; one transaction where the interface says atomic. */
export class SqliteVoteStore implements VoteStore {
  readonly #insert;
  readonly #deleteOne;
  readonly #byVoter;
  readonly #countVoter;
  readonly #countNote;
  readonly #countsOfVote;
  readonly #dotsOfVote;
  readonly #restoreTx;
  readonly #addTx;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare<[string, string, string, string, string, number]>(
      `INSERT INTO vote_dots (forum_id, vote_id, voter, board_id, shape_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.#deleteOne = db.prepare<[string, string, string, string]>(
      `DELETE FROM vote_dots WHERE id = (SELECT id FROM vote_dots
        WHERE vote_id = ? AND voter = ? AND board_id = ? AND shape_id = ? ORDER BY id DESC LIMIT 1)`,
    );
    this.#byVoter = db.prepare<[string, string], { board_id: string; shape_id: string }>(
      'SELECT board_id, shape_id FROM vote_dots WHERE vote_id = ? AND voter = ? ORDER BY id',
    );
    this.#countVoter = db.prepare<[string, string], { n: number }>(
      'SELECT COUNT(*) AS n FROM vote_dots WHERE vote_id = ? AND voter = ?',
    );
    this.#countNote = db.prepare<[string, string, string], { n: number }>(
      'SELECT COUNT(*) AS n FROM vote_dots WHERE vote_id = ? AND board_id = ? AND shape_id = ?',
    );
    this.#countsOfVote = db.prepare<[string], { board_id: string; shape_id: string; n: number }>(
      `SELECT board_id, shape_id, COUNT(*) AS n FROM vote_dots WHERE vote_id = ?
       GROUP BY board_id, shape_id`,
    );
    this.#dotsOfVote = db.prepare<[string], { voter: string; board_id: string; shape_id: string }>(
      'SELECT voter, board_id, shape_id FROM vote_dots WHERE vote_id = ? ORDER BY id',
    );
    this.#addTx = db.transaction(
      (forumId: string, voteId: string, voter: string, dot: Dot, limit: number): boolean => {
        if (this.#countVoter.get(voteId, voter)!.n >= limit) return false;
        this.#insert.run(forumId, voteId, voter, dot.boardId, dot.shapeId, Date.now());
        return true;
      },
    );
    // One transaction: an archive's dots are all stored or none (and fast: one commit).
    this.#restoreTx = db.transaction((forumId: string, dots: ReadonlyArray<RestoredDots>) => {
      const at = Date.now();
      for (const dot of dots) {
        for (let i = 0; i < dot.count; i++) {
          const voter = dot.voter ?? ARCHIVE_VOTER;
          this.#insert.run(forumId, dot.voteId, voter, dot.boardId, dot.shapeId, at);
        }
      }
    });
  }

  add(forumId: string, voteId: string, voter: string, dot: Dot, limit: number): boolean {
    return this.#addTx(forumId, voteId, voter, dot, limit);
  }

  restoreDots(forumId: string, dots: ReadonlyArray<RestoredDots>): void {
    this.#restoreTx(forumId, dots);
  }

  remove(voteId: string, voter: string, dot: Dot): boolean {
    return this.#deleteOne.run(voteId, voter, dot.boardId, dot.shapeId).changes > 0;
  }

  dotsOf(voteId: string, voter: string): Dot[] {
    return this.#byVoter
      .all(voteId, voter)
      .map((row) => ({ boardId: row.board_id, shapeId: row.shape_id }));
  }

  countOf(voteId: string, dot: Dot): number {
    return this.#countNote.get(voteId, dot.boardId, dot.shapeId)!.n;
  }

  ballots(voteId: string): Ballot[] {
    return ballotsOf(this.#dotsOfVote.all(voteId));
  }

  counts(voteId: string): Array<Dot & { count: number }> {
    return this.#countsOfVote
      .all(voteId)
      .map((row) => ({ boardId: row.board_id, shapeId: row.shape_id, count: row.n }));
  }
}
