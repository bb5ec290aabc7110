import { describe, expect, it } from 'vitest';
import { formatRemaining, minutesToDuration, reachedZero } from './timerFormat';

describe('timer formatting', () => {
  it('shows minutes and seconds, rounding seconds up', () => {
    expect(formatRemaining(600_000)).toBe('10:00');
    expect(formatRemaining(65_001)).toBe('1:06');
    expect(formatRemaining(999)).toBe('0:01');
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(-5)).toBe('0:00');
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
