// A server-origin change (Relay.changeBoard) waits for the append that carries it (R5, R6).

/**
 * A server-origin change (Relay.changeBoard) that did not reach storage: its append failed or
 * the room stopped before it was appended (R6). The change is not on the board once it
 * reloads; nothing was broadcast.
 */
export class BoardNotStoredError extends Error {
  override name = 'BoardNotStoredError';
  readonly boardId: string;
  constructor(boardId: string, reason: string, options?: { cause?: unknown }) {
    super(`board ${boardId}: the change was not stored (${reason})`, options);
    this.boardId = boardId;
  }
}

/** Settles a server-origin change once the batch that carries it is appended (or not). */
export interface StoredWaiter {
  resolve: () => void;
  reject: (error: BoardNotStoredError) => void;
}

/** Resolves (null) or rejects every waiter of a batch. */
export function settle(waiters: readonly StoredWaiter[], error: BoardNotStoredError | null): void {
  for (const waiter of waiters) {
    if (error === null) waiter.resolve();
    else waiter.reject(error);
  }
}
