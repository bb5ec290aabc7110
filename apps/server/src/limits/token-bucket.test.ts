import { describe, expect, it } from 'vitest';
import { KeyedBuckets, TokenBucket } from './token-bucket.ts';

describe('TokenBucket', () => {
  it('R29: allows the burst, then the rate, and refills while idle', () => {
    const bucket = new TokenBucket(20, 5, 0);
    const first = Array.from({ length: 7 }, () => bucket.take(1, 0));
    expect(first).toEqual([true, true, true, true, true, false, false]);
    // 50 ms at 20/s is one token.
    expect(bucket.take(1, 50)).toBe(true);
    expect(bucket.take(1, 50)).toBe(false);
    expect(bucket.secondsUntil(1, 50)).toBeCloseTo(0.05);
    // Never more than the burst, however long the pause.
    expect(bucket.isFull(60_000)).toBe(true);
    expect(Array.from({ length: 6 }, () => bucket.take(1, 60_000)).filter(Boolean)).toHaveLength(5);
  });
});

describe('KeyedBuckets', () => {
  it('R32: keeps one budget per key and a bounded number of keys', () => {
    const buckets = new KeyedBuckets(1, 2, 3);
    expect([buckets.take('a', 1, 0), buckets.take('a', 1, 0), buckets.take('a', 1, 0)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(buckets.take('b', 1, 0)).toBe(true);
    expect(buckets.has('a', 1, 0)).toBe(false);
    for (let i = 0; i < 100; i++) buckets.take(`ip-${i}`, 1, 0);
    expect(buckets.size).toBeLessThanOrEqual(3);
  });
});
