// How the day's timer reads: « 9:05 », « 1:02:03 »; seconds are rounded up so « 0:00 » means done.
import type { TimerState } from '@carton/board';

export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** Whether the timer just reached zero between two readings (the moment to chime once). */
export function reachedZero(previousMs: number | null, currentMs: number): boolean {
  return previousMs !== null && previousMs > 0 && currentMs <= 0;
}

/**
 * How long « 0:00 Temps écoulé ! » stays up once the time is over: long enough to be seen and
 * heard, then it leaves every board, the projector and the forum page by itself. A facilitator
 * moving on to the next activity without pressing « Arrêter » otherwise left it on every phone
 * and on the wall for the rest of the day (seen in the forum-day rehearsal, 25 min later).
 */
export const DONE_SHOWN_MS = 2 * 60_000;

/** Whether the timer is shown at `now` (server time): a stopped one never. */
export function timerShown(timer: TimerState, now: number): boolean {
  if (timer.state === 'stopped') return false;
  if (timer.state === 'running' && timer.endsAt !== null) return now - timer.endsAt < DONE_SHOWN_MS;
  return true;
}

/** Minutes typed by the facilitator → a duration the server accepts (1 s – 24 h), or null. */
export function minutesToDuration(input: string): number | null {
  const minutes = Number(input.replace(',', '.'));
  if (!Number.isFinite(minutes) || minutes <= 0) return null;
  return Math.min(24 * 60, minutes) * 60_000;
}
