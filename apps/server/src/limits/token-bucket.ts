/**
 * A token bucket: `burst` tokens at most, refilled at `ratePerSecond`. A take that finds too
 * few tokens fails and takes nothing, so a client that slows down gets its budget back.
 */
export class TokenBucket {
  #tokens: number;
  #updatedAt: number;
  readonly ratePerSecond: number;
  readonly burst: number;

  constructor(ratePerSecond: number, burst: number, now: number = performance.now()) {
    this.ratePerSecond = ratePerSecond;
    this.burst = Math.max(1, burst);
    this.#tokens = this.burst;
    this.#updatedAt = now;
  }

  /** Takes `cost` tokens if there are enough; false otherwise (nothing taken). */
  take(cost = 1, now: number = performance.now()): boolean {
    this.#refill(now);
    if (this.#tokens < cost) return false;
    this.#tokens -= cost;
    return true;
  }

  /** Whether the bucket is back to full (an idle key can be forgotten). */
  isFull(now: number = performance.now()): boolean {
    this.#refill(now);
    return this.#tokens >= this.burst;
  }

  /** Seconds until `cost` tokens are available (for Retry-After). */
  secondsUntil(cost = 1, now: number = performance.now()): number {
    this.#refill(now);
    if (this.#tokens >= cost) return 0;
    return (cost - this.#tokens) / this.ratePerSecond;
  }

  #refill(now: number): void {
    const elapsed = Math.max(0, now - this.#updatedAt) / 1000;
    this.#updatedAt = now;
    this.#tokens = Math.min(this.burst, this.#tokens + elapsed * this.ratePerSecond);
  }
}

/**
 * One bucket per key (an IP address, a board id), with a bounded number of keys: full buckets
 * are forgotten first, and past `maxKeys` the oldest key goes, so a flood of distinct keys
 * cannot grow memory without bound.
 */
export class KeyedBuckets {
  readonly #buckets = new Map<string, TokenBucket>();
  readonly #rate: number;
  readonly #burst: number;
  readonly #maxKeys: number;

  constructor(ratePerSecond: number, burst: number, maxKeys = 10_000) {
    this.#rate = ratePerSecond;
    this.#burst = burst;
    this.#maxKeys = maxKeys;
  }

  get size(): number {
    return this.#buckets.size;
  }

  take(key: string, cost = 1, now: number = performance.now()): boolean {
    return this.#bucket(key, now).take(cost, now);
  }

  secondsUntil(key: string, cost = 1, now: number = performance.now()): number {
    return this.#buckets.get(key)?.secondsUntil(cost, now) ?? 0;
  }

  /** Whether `key` still has `cost` tokens, without taking any. */
  has(key: string, cost = 1, now: number = performance.now()): boolean {
    const bucket = this.#buckets.get(key);
    return bucket === undefined || bucket.secondsUntil(cost, now) === 0;
  }

  #bucket(key: string, now: number): TokenBucket {
    let bucket = this.#buckets.get(key);
    if (bucket) return bucket;
    if (this.#buckets.size >= this.#maxKeys) this.#prune(now);
    bucket = new TokenBucket(this.#rate, this.#burst, now);
    this.#buckets.set(key, bucket);
    return bucket;
  }

  #prune(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.isFull(now)) this.#buckets.delete(key);
    }
    // Still full of busy keys: drop the oldest (Map keeps insertion order).
    while (this.#buckets.size >= this.#maxKeys) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest === undefined) break;
      this.#buckets.delete(oldest);
    }
  }
}
