import { describe, expect, it } from 'vitest';
import { listRereads } from './listRereads';

describe('listRereads', () => {
  it('reads at once when none of the page’s own changes is on its way', () => {
    let reads = 0;
    const rereads = listRereads(() => (reads += 1));
    rereads.changed();
    rereads.changed();
    expect(reads).toBe(2);
  });

  it('waits for the page’s changes in flight, then reads once', () => {
    let reads = 0;
    const rereads = listRereads(() => (reads += 1));
    const first = rereads.begin();
    const second = rereads.begin();
    rereads.changed();
    rereads.changed();
    first();
    expect(reads).toBe(0);
    second();
    second(); // an answer handled twice ends once
    expect(reads).toBe(1);
    // Nothing owed: a change answered without news reads nothing.
    rereads.begin()();
    expect(reads).toBe(1);
  });
});
