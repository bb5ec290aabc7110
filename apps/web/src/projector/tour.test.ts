import { describe, expect, it } from 'vitest';
import {
  countdownSeconds,
  nextTerritory,
  remainingMs,
  restartCountdown,
  startTour,
  stepDwell,
  storedDwell,
  togglePause,
  TOUR_DWELL_MS,
  TOUR_OFF,
  tourKey,
  withDwell,
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
    expect(tourKey('+')).toBe('longer');
    expect(tourKey('=')).toBe('longer');
    expect(tourKey('-')).toBe('shorter');
    expect(tourKey(' ')).toBeNull();
    expect(tourKey('m')).toBeNull();
  });

  it('+ and − step the time per territory, within 10 s and 2 min', () => {
    expect(stepDwell(30_000, 1)).toBe(45_000);
    expect(stepDwell(30_000, -1)).toBe(20_000);
    expect(stepDwell(10_000, -1)).toBe(10_000);
    expect(stepDwell(120_000, 1)).toBe(120_000);
    // A time between steps goes to the nearest one that way.
    expect(stepDwell(25_000, 1)).toBe(30_000);
    expect(stepDwell(25_000, -1)).toBe(20_000);
  });

  it('gives the territory shown the new time whole, paused or not; a tour off stays off', () => {
    const running = startTour(0, 30_000);
    expect(withDwell(running, 45_000, 20_000)).toEqual({
      phase: 'running',
      deadline: 65_000,
      dwellMs: 45_000,
    });
    const paused = togglePause(running, 20_000);
    expect(withDwell(paused, 15_000, 25_000)).toEqual({
      phase: 'paused',
      remainingMs: 15_000,
      dwellMs: 15_000,
    });
    expect(withDwell(TOUR_OFF, 45_000, 0)).toBe(TOUR_OFF);
  });

  it('reads the time kept on the device, 30 s for anything but a step', () => {
    expect(storedDwell('45')).toBe(45_000);
    expect(storedDwell(null)).toBe(30_000);
    expect(storedDwell('')).toBe(30_000);
    expect(storedDwell('7')).toBe(30_000);
    expect(storedDwell('abc')).toBe(30_000);
  });
});
