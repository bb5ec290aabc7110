// How often the page may ask the server what it holds (a sync step 1: confirming the changes
// sent, probing a socket on waking). The relay answers a connection's queries within a budget
// and drops the rest unanswered (server R29b: 6 a minute, 3 at once, by default), and a query
// left unanswered makes the page drop the socket as dead (answerWatch.ts): a participant writing
// steadily on a perfect network saw « hors ligne » every 20–30 s, and the others saw them leave
// and come back. The page keeps under that budget: a little under, for the two clocks' drift.

/** Queries a minute, sustained: under the relay's default of 6. */
export const QUERIES_PER_MINUTE = 5;
/** Queries at once, on a fresh socket: the relay's default burst (the provider's own opening query among them). */
export const QUERY_BURST = 3;

/** A token bucket of queries for one socket, in milliseconds of `performance.now()`. */
export class QueryBudget {
  private tokens = QUERY_BURST;
  private at: number;

  constructor(now: number) {
    this.at = now;
  }

  /** A new socket: the relay's budget for it starts full. */
  reset(now: number): void {
    this.tokens = QUERY_BURST;
    this.at = now;
  }

  /** Takes one query if the budget allows it now; false (nothing taken) otherwise. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until a query may be taken (0: now). */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 60_000) / QUERIES_PER_MINUTE);
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.at);
    this.tokens = Math.min(QUERY_BURST, this.tokens + (elapsed * QUERIES_PER_MINUTE) / 60_000);
    this.at = now;
  }
}
