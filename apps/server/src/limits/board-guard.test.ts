import { describe, expect, it } from 'vitest';
import { BoardGuard } from './board-guard.ts';
import { LimitCloseCode } from './close-codes.ts';

describe('BoardGuard', () => {
  it('R31: counts open connections per board and frees a place on release', () => {
    const guard = new BoardGuard({
      maxConnectionsPerBoard: 2,
      joinsPerSecondPerBoard: 1000,
      joinBurstPerBoard: 1000,
    });
    const a = guard.join('kamouraska');
    const b = guard.join('kamouraska');
    const c = guard.join('kamouraska');
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(c).toMatchObject({ ok: false, code: LimitCloseCode.BOARD_CROWDED });
    expect(guard.join('la-mitis').ok).toBe(true);
    if (a.ok) {
      a.release();
      a.release(); // twice counts once
    }
    expect(guard.connections('kamouraska')).toBe(1);
    expect(guard.join('kamouraska').ok).toBe(true);
  });

  it('R31: refuses joins past the per-board rate with 4429', () => {
    const guard = new BoardGuard({
      maxConnectionsPerBoard: 100,
      joinsPerSecondPerBoard: 1,
      joinBurstPerBoard: 3,
    });
    const results = Array.from({ length: 4 }, () => guard.join('plenary'));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(results[3]).toMatchObject({ code: LimitCloseCode.RATE_LIMITED });
  });
});
