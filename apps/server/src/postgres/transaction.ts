import type pg from 'pg';
import { BOARD_LOCK } from './schema.ts';

/**
 * Runs `work` in one transaction on one pooled connection: committed if it resolves, rolled
 * back if it throws. A connection lost mid-transaction (or whose ROLLBACK fails) is destroyed,
 * not returned to the pool.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // The pool listens to its idle connections only: a checked-out one lost (PostgreSQL stopped
  // or restarted) emitted 'error' with no listener, which crashed the process. The query in
  // flight rejects anyway; the listener only marks the connection to be destroyed.
  const onLost = (error: Error) => (broken ??= error);
  client.on('error', onLost);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.off('error', onLost);
    client.release(broken);
  }
}

/** Holds the board's lock until the transaction ends (appends take it too, schema.ts). */
export async function lockBoard(client: pg.ClientBase, boardId: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [BOARD_LOCK, boardId]);
}
