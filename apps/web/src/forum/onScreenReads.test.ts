import { describe, expect, it } from 'vitest';
import { onScreenReads } from './onScreenReads';

describe('onScreenReads', () => {
  it('reads on each tick while the list is seen', () => {
    let reads = 0;
    const clock = onScreenReads(() => (reads += 1));
    clock.tick(true);
    clock.tick(true);
    expect(reads).toBe(2);
    // Seen again without a tick missed: nothing to catch up.
    clock.seen(true);
    expect(reads).toBe(2);
  });

  it('skips the ticks while hidden, then reads once as the list shows again', () => {
    let reads = 0;
    const clock = onScreenReads(() => (reads += 1));
    clock.tick(false);
    clock.tick(false);
    clock.seen(false);
    expect(reads).toBe(0);
    clock.seen(true);
    expect(reads).toBe(1);
    clock.seen(true);
    expect(reads).toBe(1);
    clock.tick(true);
    expect(reads).toBe(2);
  });
});
