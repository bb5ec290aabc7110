// The territories' tour on the projector (T): each territory's carton large in turn, round the
// room, a visible countdown before the next one. On the mosaic the room sees every carton but
// reads none of them (notes drawn 7 to 10 px tall on a 1920 × 1080 TV); one at a time, their
// notes are 20 px and more. The facilitator pauses it (P) while the room discusses a carton,
// moves by hand (← → Page Up / Page Down, a presenter's remote), which starts the countdown
// again, and stops it (T again, or M for the mosaic). + and − give each territory more or less
// time (a room that reads slowly, a short plenary), kept on the device for the next tour.
// Pure: the clock and the storage are the caller's.

/** How long each territory stays up before the next one: a carton read aloud. */
export const TOUR_DWELL_MS = 30_000;

/** The times + and − go through, in seconds: from a glance to a carton discussed. */
export const TOUR_DWELL_STEPS_S = [10, 15, 20, 30, 45, 60, 90, 120] as const;

/** Where the time chosen is kept on the device (localStorage), in seconds. */
export const TOUR_DWELL_STORAGE_KEY = 'carton.projector.tourSeconds';

/** The step after (+1) or before (−1) `dwellMs`, within the steps; the ends stay put. */
export function stepDwell(dwellMs: number, direction: 1 | -1): number {
  const steps = TOUR_DWELL_STEPS_S.map((s) => s * 1000);
  const next =
    direction > 0 ? steps.find((ms) => ms > dwellMs) : steps.reverse().find((ms) => ms < dwellMs);
  return next ?? dwellMs;
}

/** The time kept on the device, if it is one of the steps; else TOUR_DWELL_MS. */
export function storedDwell(stored: string | null): number {
  const seconds = Number(stored);
  return (TOUR_DWELL_STEPS_S as readonly number[]).includes(seconds)
    ? seconds * 1000
    : TOUR_DWELL_MS;
}

/**
 * + or −: the tour's new time per territory, the territory shown getting it whole (as when it
 * is reached), paused or not. A tour off stays off.
 */
export function withDwell(state: TourState, dwellMs: number, now: number): TourState {
  if (state.phase === 'off') return state;
  return restartCountdown({ ...state, dwellMs }, now);
}

export type TourState =
  | { readonly phase: 'off' }
  | { readonly phase: 'running'; readonly deadline: number; readonly dwellMs: number }
  | { readonly phase: 'paused'; readonly remainingMs: number; readonly dwellMs: number };

export const TOUR_OFF: TourState = { phase: 'off' };

export function startTour(now: number, dwellMs: number = TOUR_DWELL_MS): TourState {
  return { phase: 'running', deadline: now + dwellMs, dwellMs };
}

/** P: a running tour holds its remaining time; a paused one goes on from there. */
export function togglePause(state: TourState, now: number): TourState {
  if (state.phase === 'running')
    return {
      phase: 'paused',
      remainingMs: Math.max(0, state.deadline - now),
      dwellMs: state.dwellMs,
    };
  if (state.phase === 'paused')
    return { phase: 'running', deadline: now + state.remainingMs, dwellMs: state.dwellMs };
  return state;
}

/** A territory reached (by the tour or by hand): its whole time again, paused or not. */
export function restartCountdown(state: TourState, now: number): TourState {
  if (state.phase === 'running') return { ...state, deadline: now + state.dwellMs };
  if (state.phase === 'paused') return { ...state, remainingMs: state.dwellMs };
  return state;
}

/** Time left before the next territory (null: no tour). */
export function remainingMs(state: TourState, now: number): number | null {
  // Within the dwell: a countdown restarted a moment after the clock was last read shows 30 s.
  if (state.phase === 'running') return Math.min(state.dwellMs, Math.max(0, state.deadline - now));
  if (state.phase === 'paused') return state.remainingMs;
  return null;
}

/** The whole seconds the countdown shows (« Suivant dans 12 s »): 0.2 s left still reads 1. */
export function countdownSeconds(ms: number): number {
  return Math.ceil(ms / 1000);
}

/**
 * The territory slide after `current`, round the room (after the last, the first); from a slide
 * that is not a territory's (the mosaic, the plenary's cartons), the first territory. Null
 * without territories.
 */
export function nextTerritory(slides: readonly { kind: string }[], current: number): number | null {
  const territories = slides.flatMap((s, i) => (s.kind === 'territory' ? [i] : []));
  if (territories.length === 0) return null;
  return territories.find((i) => i > current) ?? territories[0]!;
}

/**
 * The tour's keys: T starts or stops it, P pauses or resumes it, + (= on the same key without
 * Shift, the keypad's +) and − (- or the keypad's) give each territory more or less time.
 */
export function tourKey(key: string): 'toggle' | 'pause' | 'longer' | 'shorter' | null {
  if (key === 't' || key === 'T') return 'toggle';
  if (key === 'p' || key === 'P') return 'pause';
  if (key === '+' || key === '=') return 'longer';
  if (key === '-' || key === '\u2212') return 'shorter';
  return null;
}
