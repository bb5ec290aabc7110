import { afterEach, describe, expect, it } from 'vitest';
import { batchWindowMs, DOC_BATCH } from './protocol.ts';

const defaults = { ...DOC_BATCH };

afterEach(() => {
  Object.assign(DOC_BATCH, defaults);
});

describe('R51: the batch window follows how many updates the last batch held', () => {
  it('one writer keeps the short window; several writers the busy one', () => {
    expect(batchWindowMs(0)).toBe(10);
    expect(batchWindowMs(1)).toBe(10);
    expect(batchWindowMs(3)).toBe(10);
    expect(batchWindowMs(4)).toBe(25);
    expect(batchWindowMs(7)).toBe(25);
  });

  it('a room flooded with updates (8 or more per batch) flushes at most every 50 ms', () => {
    expect(batchWindowMs(8)).toBe(50);
    expect(batchWindowMs(120)).toBe(50);
  });

  it('reads the tunable thresholds (tests set them to 0)', () => {
    Object.assign(DOC_BATCH, { ms: 0, busyMs: 0, crowdedMs: 0 });
    expect(batchWindowMs(1)).toBe(0);
    expect(batchWindowMs(50)).toBe(0);
  });
});
