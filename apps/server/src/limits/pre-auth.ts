import { KeyedBuckets } from './token-bucket.ts';

export interface PreAuthLimits {
  /** Open TCP connections (HTTP and WebSocket) per IP address (R32b). */
  maxConnectionsPerIp: number;
  /** WebSocket upgrade attempts per IP address per second, and burst. */
  upgradesPerSecondPerIp: number;
  upgradeBurstPerIp: number;
  /** Requests with a wrong token per IP address per minute, and burst. */
  badTokensPerMinutePerIp: number;
  badTokenBurstPerIp: number;
  /** Forums created per IP address per hour, and burst (creating one needs no token). */
  forumsPerHourPerIp: number;
  forumBurstPerIp: number;
}

/**
 * R32: what an address may cost the server before it proves it holds a token. Upgrade attempts
 * are counted per IP per second; requests with an invalid token drain a second, slower budget.
 * An address over either budget is answered 429 before any token lookup.
 *
 * Addresses are the TCP peer's: behind a reverse proxy every client shares the proxy's address
 * (raise the budgets there; X-Forwarded-For is not trusted, as anyone can send it).
 */
export class PreAuthBudget {
  readonly #upgrades: KeyedBuckets;
  readonly #badTokens: KeyedBuckets;
  readonly #forums: KeyedBuckets;

  constructor(limits: PreAuthLimits) {
    this.#upgrades = new KeyedBuckets(limits.upgradesPerSecondPerIp, limits.upgradeBurstPerIp);
    this.#badTokens = new KeyedBuckets(
      limits.badTokensPerMinutePerIp / 60,
      limits.badTokenBurstPerIp,
    );
    this.#forums = new KeyedBuckets(limits.forumsPerHourPerIp / 3600, limits.forumBurstPerIp);
  }

  /** Counts one forum creation; null if allowed, else seconds to wait. */
  forumCreation(ip: string): number | null {
    if (this.#forums.take(ip)) return null;
    return Math.max(1, Math.ceil(this.#forums.secondsUntil(ip)));
  }

  /** Counts one upgrade attempt; null if allowed, else seconds to wait. */
  upgradeAttempt(ip: string): number | null {
    if (!this.#badTokens.has(ip)) return Math.ceil(this.#badTokens.secondsUntil(ip));
    if (this.#upgrades.take(ip)) return null;
    return Math.max(1, Math.ceil(this.#upgrades.secondsUntil(ip)));
  }

  /** Before checking a token over HTTP: null if allowed, else seconds to wait. */
  tokenAttempt(ip: string): number | null {
    return this.#badTokens.has(ip)
      ? null
      : Math.max(1, Math.ceil(this.#badTokens.secondsUntil(ip)));
  }

  /** A token was wrong (missing, malformed or unknown). */
  badToken(ip: string): void {
    this.#badTokens.take(ip);
  }
}
