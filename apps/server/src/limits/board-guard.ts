import { LimitCloseCode, LimitReason } from './close-codes.ts';
import { KeyedBuckets } from './token-bucket.ts';

export interface BoardGuardLimits {
  maxConnectionsPerBoard: number;
  joinsPerSecondPerBoard: number;
  joinBurstPerBoard: number;
}

export type JoinDecision =
  { ok: true; release: () => void } | { ok: false; code: number; reason: string; limit: string };

/**
 * R31, as the upgrade sees it: a decision per join, which may wait (several processes count a
 * board's connections together in Redis, src/cluster/shared-board-guard.ts).
 */
export interface JoinGuard {
  join(boardId: string): JoinDecision | Promise<JoinDecision>;
}

/**
 * R31: the connection-level guard, asked after the token was accepted and before the socket
 * joins its room. Counts open connections per board and joins per second per board; a refused
 * join still gets its WebSocket, closed at once with a code the client can explain.
 */
export class BoardGuard implements JoinGuard {
  readonly #open = new Map<string, number>();
  readonly #joins: KeyedBuckets;
  readonly #limits: BoardGuardLimits;

  constructor(limits: BoardGuardLimits) {
    this.#limits = limits;
    this.#joins = new KeyedBuckets(limits.joinsPerSecondPerBoard, limits.joinBurstPerBoard);
  }

  connections(boardId: string): number {
    return this.#open.get(boardId) ?? 0;
  }

  /** The boards with at least one connection (or a join in flight) here. */
  boards(): IterableIterator<string> {
    return this.#open.keys();
  }

  join(boardId: string): JoinDecision {
    const open = this.connections(boardId);
    if (open >= this.#limits.maxConnectionsPerBoard) {
      return {
        ok: false,
        code: LimitCloseCode.BOARD_CROWDED,
        reason: LimitReason.crowded,
        limit: 'connections_per_board',
      };
    }
    if (!this.#joins.take(boardId)) {
      return {
        ok: false,
        code: LimitCloseCode.RATE_LIMITED,
        reason: LimitReason.joinRate,
        limit: 'joins_per_board',
      };
    }
    this.#open.set(boardId, open + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        const left = this.connections(boardId) - 1;
        if (left > 0) this.#open.set(boardId, left);
        else this.#open.delete(boardId);
      },
    };
  }
}
