import { describe, expect, it } from 'vitest';
import { QUERIES_PER_MINUTE, QUERY_BURST, QueryBudget } from './queryBudget';

// The relay's defaults (apps/server/src/config.ts, R29b): what the page must stay under.
const RELAY_PER_MINUTE = 6;
const RELAY_BURST = 3;

describe('QueryBudget', () => {
  it('gives a fresh socket its burst, then one query every 12 s', () => {
    const budget = new QueryBudget(0);
    for (let i = 0; i < QUERY_BURST; i++) expect(budget.take(0)).toBe(true);
    expect(budget.take(0)).toBe(false);
    expect(budget.waitMs(0)).toBe(12_000);
    expect(budget.take(11_999)).toBe(false);
    expect(budget.take(12_001)).toBe(true);
  });

  it('stays within the relay’s budget, whatever the page asks (a query each 100 ms for 10 min)', () => {
    const budget = new QueryBudget(0);
    // The relay's bucket for the same socket, refilled as it does.
    let relay = RELAY_BURST;
    let last = 0;
    let dropped = 0;
    let sent = 0;
    for (let now = 0; now <= 600_000; now += 100) {
      relay = Math.min(RELAY_BURST, relay + ((now - last) * RELAY_PER_MINUTE) / 60_000);
      last = now;
      if (!budget.take(now)) continue;
      sent++;
      if (relay >= 1) relay -= 1;
      else dropped++;
    }
    expect(dropped).toBe(0);
    expect(sent).toBeGreaterThan(QUERIES_PER_MINUTE * 10);
  });

  it('starts full again on a new socket', () => {
    const budget = new QueryBudget(0);
    while (budget.take(0));
    budget.reset(1);
    expect(budget.waitMs(1)).toBe(0);
  });
});
