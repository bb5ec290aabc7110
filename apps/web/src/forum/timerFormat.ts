// How the day's timer reads: « 9:05 », « 1:02:03 »; seconds are rounded up so « 0:00 » means done.

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

/** Minutes typed by the facilitator → a duration the server accepts (1 s – 24 h), or null. */
export function minutesToDuration(input: string): number | null {
  const minutes = Number(input.replace(',', '.'));
  if (!Number.isFinite(minutes) || minutes <= 0) return null;
  return Math.min(24 * 60, minutes) * 60_000;
}
