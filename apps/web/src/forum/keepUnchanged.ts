// The forum room's snapshot is read again on every change of its document or awareness: each
// dot of a live vote, the spotlight camera moving as the facilitator pans. Read afresh, every vote
// was a new object each time, so a projector slide showing a closed vote's counts (the plenary's
// whole drawing, the territory slides, the mosaic tiles' badges) drew itself again on each change
// though nothing it shows had changed. What is unchanged keeps its object: React's memo holds.

/**
 * `next`, with every part equal to `previous`'s (plain data: arrays, objects, primitives) taken
 * from `previous` — `previous` itself when all is equal.
 */
export function keepUnchanged<T>(previous: T, next: T): T {
  if (Object.is(previous, next)) return previous;
  if (typeof previous !== 'object' || typeof next !== 'object' || !previous || !next) return next;
  if (Array.isArray(previous) !== Array.isArray(next)) return next;
  if (Array.isArray(previous) && Array.isArray(next)) {
    const kept = next.map((item, n) =>
      n < previous.length ? keepUnchanged(previous[n], item) : item,
    );
    const same = kept.length === previous.length && kept.every((item, n) => item === previous[n]);
    return (same ? previous : kept) as T;
  }
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const keys = Object.keys(after);
  const kept: Record<string, unknown> = {};
  let same = keys.length === Object.keys(before).length;
  for (const key of keys) {
    kept[key] = key in before ? keepUnchanged(before[key], after[key]) : after[key];
    if (kept[key] !== before[key] || !(key in before)) same = false;
  }
  return (same ? previous : kept) as T;
}
