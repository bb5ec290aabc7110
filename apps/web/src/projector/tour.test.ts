import { describe, expect, it } from 'vitest';
import {
  countdownSeconds,
  nextTerritory,
  remainingMs,
  restartCountdown,
  startTour,
  togglePause,
  TOUR_DWELL_MS,
  TOUR_OFF,
  tourKey,
} from './tour';

const slides = [
  { kind: 'carton' },
  { kind: 'mosaic' },
  { kind: 'territory' },
  { kind: 'territory' },
  { kind: 'territory' },
  { kind: 'list' },
];

describe('the territories’ tour', () => {
  it('goes round the territories only, from anywhere to the first', () => {
    expect(nextTerritory(slides, 0)).toBe(2);
    expect(nextTerritory(slides, 1)).toBe(2);
    expect(nextTerritory(slides, 2)).toBe(3);
    expect(nextTerritory(slides, 3)).toBe(4);
    // After the last territory, the first again (not the list after it).
    expect(nextTerritory(slides, 4)).toBe(2);
    expect(nextTerritory(slides, 5)).toBe(2);
    expect(nextTerritory([{ kind: 'carton' }, { kind: 'board' }], 0)).toBeNull();
  });

  it('counts down, and holds while paused', () => {
    const running = startTour(1_000, 10_000);
    expect(remainingMs(running, 1_000)).toBe(10_000);
    // Read a moment before the countdown started: never more than its whole time.
    expect(remainingMs(running, 990)).toBe(10_000);
    expect(remainingMs(running, 10_999)).toBe(1);
    expect(remainingMs(running, 12_000)).toBe(0);
    const paused = togglePause(running, 4_000);
    expect(paused.phase).toBe('paused');
    expect(remainingMs(paused, 4_000)).toBe(7_000);
    // Paused, time passes and the time left stays.
    expect(remainingMs(paused, 1_000_000)).toBe(7_000);
    // Resumed an hour later: the 7 s left, from then.
    const resumed = togglePause(paused, 3_600_000);
    expect(resumed).toEqual({ phase: 'running', deadline: 3_607_000, dwellMs: 10_000 });
  });

  it('gives a territory reached by hand its whole time, paused or not', () => {
    const running = startTour(0, 10_000);
    expect(restartCountdown(running, 8_000)).toEqual({
      phase: 'running',
      deadline: 18_000,
      dwellMs: 10_000,
    });
    const paused = togglePause(running, 8_000);
    expect(remainingMs(restartCountdown(paused, 9_000), 50_000)).toBe(10_000);
    expect(restartCountdown(TOUR_OFF, 5)).toBe(TOUR_OFF);
    expect(togglePause(TOUR_OFF, 5)).toBe(TOUR_OFF);
    expect(remainingMs(TOUR_OFF, 5)).toBeNull();
    expect(startTour(0)).toEqual({ phase: 'running', deadline: TOUR_DWELL_MS, dwellMs: 30_000 });
  });

  it('shows whole seconds, rounded up', () => {
    expect(countdownSeconds(30_000)).toBe(30);
    expect(countdownSeconds(29_001)).toBe(30);
    expect(countdownSeconds(200)).toBe(1);
    expect(countdownSeconds(0)).toBe(0);
  });

  it('hears T and P, either case', () => {
    expect(tourKey('t')).toBe('toggle');
    expect(tourKey('T')).toBe('toggle');
    expect(tourKey('p')).toBe('pause');
    expect(tourKey('P')).toBe('pause');
    expect(tourKey(' ')).toBeNull();
    expect(tourKey('m')).toBeNull();
  });
});
