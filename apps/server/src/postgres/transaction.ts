import type pg from 'pg';
import { BOARD_LOCK } from './schema.ts';

/**
 * Runs `work` in one transaction on one pooled connection: committed if it resolves, rolled
 * back if it throws. A connection whose ROLLBACK fails (lost mid-transaction) is destroyed,
 * not returned to the pool.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Holds the board's lock until the transaction ends (appends take it too, schema.ts). */
export async function lockBoard(client: pg.ClientBase, boardId: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [BOARD_LOCK, boardId]);
}
