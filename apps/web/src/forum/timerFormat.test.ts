import { describe, expect, it } from 'vitest';
import type { TimerState } from '@carton/board';
import {
  DONE_SHOWN_MS,
  formatRemaining,
  minutesToDuration,
  reachedZero,
  timerShown,
} from './timerFormat';

describe('timer formatting', () => {
  it('shows minutes and seconds, rounding seconds up', () => {
    expect(formatRemaining(600_000)).toBe('10:00');
    expect(formatRemaining(65_001)).toBe('1:06');
    expect(formatRemaining(999)).toBe('0:01');
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(-5)).toBe('0:00');
  });
  it('shows « Temps écoulé ! » for two minutes past the end, then nothing', () => {
    const running: TimerState = {
      state: 'running',
      durationMs: 600_000,
      endsAt: 1_000_000,
      remainingMs: null,
    };
    expect(timerShown(running, 1_000_000 - 65_000)).toBe(true);
    expect(timerShown(running, 1_000_000)).toBe(true);
    expect(timerShown(running, 1_000_000 + 60_000)).toBe(true);
    expect(timerShown(running, 1_000_000 + DONE_SHOWN_MS)).toBe(false);
    expect(timerShown(running, 1_000_000 + 25 * 60_000)).toBe(false);
    // Paused with time left stays up however long the pause; stopped is gone.
    const paused: TimerState = {
      state: 'paused',
      durationMs: 600_000,
      endsAt: null,
      remainingMs: 30_000,
    };
    expect(timerShown(paused, 9_000_000)).toBe(true);
    expect(timerShown({ ...paused, state: 'stopped' as const }, 0)).toBe(false);
  });
  it('shows hours when needed', () => {
    expect(formatRemaining(3_723_000)).toBe('1:02:03');
  });
  it('detects the crossing of zero once', () => {
    expect(reachedZero(1200, 0)).toBe(true);
    expect(reachedZero(0, 0)).toBe(false);
    expect(reachedZero(null, 0)).toBe(false);
    expect(reachedZero(5000, 4000)).toBe(false);
  });
  it('reads typed minutes (French decimal comma too)', () => {
    expect(minutesToDuration('10')).toBe(600_000);
    expect(minutesToDuration('1,5')).toBe(90_000);
    expect(minutesToDuration('0')).toBeNull();
    expect(minutesToDuration('abc')).toBeNull();
    expect(minutesToDuration('99999')).toBe(86_400_000);
  });
});
