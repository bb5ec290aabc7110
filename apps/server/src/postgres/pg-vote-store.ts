import type pg from 'pg';
import type { Ballot, Dot, RestoredDots, VoteStore } from '../facilitation/vote-store.ts';
import { ARCHIVE_VOTER, ballotsOf } from '../facilitation/vote-store.ts';
import { VOTER_LOCK } from './schema.ts';
import { inTransaction } from './transaction.ts';

/** VoteStore (V2–V4) on PostgreSQL; every method answers a promise. */
export class PgVoteStore implements VoteStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /**
   * V4 across connections and processes: the voter's lock is taken before counting, so two
   * requests at once never place `limit + 1` dots.
   */
  add(forumId: string, voteId: string, voter: string, dot: Dot, limit: number): Promise<boolean> {
    return inTransaction(this.#pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        VOTER_LOCK,
        `${voteId}\n${voter}`,
      ]);
      const count = await client.query<{ n: number }>(
        'SELECT COUNT(*) AS n FROM vote_dots WHERE vote_id = $1 AND voter = $2',
        [voteId, voter],
      );
      if (count.rows[0]!.n >= limit) return false;
      await client.query(
        `INSERT INTO vote_dots (forum_id, vote_id, voter, board_id, shape_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [forumId, voteId, voter, dot.boardId, dot.shapeId, Date.now()],
      );
      return true;
    });
  }

  async restoreDots(forumId: string, dots: ReadonlyArray<RestoredDots>): Promise<void> {
    if (dots.length === 0) return;
    const at = Date.now();
    // One statement (and one transaction): every dot of the archive or none.
    await this.#pool.query(
      `INSERT INTO vote_dots (forum_id, vote_id, voter, board_id, shape_id, created_at)
       SELECT $1, d.vote_id, d.voter, d.board_id, d.shape_id, $2
       FROM unnest($3::text[], $4::text[], $5::text[], $6::int[], $7::text[])
         AS d(vote_id, board_id, shape_id, count, voter),
         generate_series(1, d.count)`,
      [
        forumId,
        at,
        dots.map((dot) => dot.voteId),
        dots.map((dot) => dot.boardId),
        dots.map((dot) => dot.shapeId),
        dots.map((dot) => dot.count),
        dots.map((dot) => dot.voter ?? ARCHIVE_VOTER),
      ],
    );
  }

  async remove(voteId: string, voter: string, dot: Dot): Promise<boolean> {
    const result = await this.#pool.query(
      `DELETE FROM vote_dots WHERE id = (SELECT id FROM vote_dots
         WHERE vote_id = $1 AND voter = $2 AND board_id = $3 AND shape_id = $4
         ORDER BY id DESC LIMIT 1)`,
      [voteId, voter, dot.boardId, dot.shapeId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async dotsOf(voteId: string, voter: string): Promise<Dot[]> {
    const result = await this.#pool.query<{ board_id: string; shape_id: string }>(
      'SELECT board_id, shape_id FROM vote_dots WHERE vote_id = $1 AND voter = $2 ORDER BY id',
      [voteId, voter],
    );
    return result.rows.map((row) => ({ boardId: row.board_id, shapeId: row.shape_id }));
  }

  async countOf(voteId: string, dot: Dot): Promise<number> {
    const result = await this.#pool.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM vote_dots WHERE vote_id = $1 AND board_id = $2 AND shape_id = $3',
      [voteId, dot.boardId, dot.shapeId],
    );
    return result.rows[0]!.n;
  }

  async ballots(voteId: string): Promise<Ballot[]> {
    const result = await this.#pool.query<{ voter: string; board_id: string; shape_id: string }>(
      'SELECT voter, board_id, shape_id FROM vote_dots WHERE vote_id = $1 ORDER BY id',
      [voteId],
    );
    return ballotsOf(result.rows);
  }

  async counts(voteId: string): Promise<Array<Dot & { count: number }>> {
    const result = await this.#pool.query<{ board_id: string; shape_id: string; n: number }>(
      `SELECT board_id, shape_id, COUNT(*) AS n FROM vote_dots WHERE vote_id = $1
       GROUP BY board_id, shape_id`,
      [voteId],
    );
    return result.rows.map((row) => ({
      boardId: row.board_id,
      shapeId: row.shape_id,
      count: row.n,
    }));
  }
}
