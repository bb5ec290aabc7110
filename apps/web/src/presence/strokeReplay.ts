// The receiver's side of a stroke preview. Chunks arrive a few times a second (the drawer sends
// every STROKE_INTERVAL_MS); shown as they arrive, the stroke would grow in jumps. Each chunk is
// instead replayed over one interval: its path (from the last point already held, through its
// points) is revealed at a steady pace along its length, a tip point interpolated in between, so
// the stroke grows smoothly, about one interval behind the drawer. A lost chunk (the relay may
// skip frames, apps/server SPEC R10, R29, R50) shows as a straight bridge to the next one; the
// stroke written on pointer-up replaces the preview. Times are passed in (ms, any monotonic clock).
import type { StrokeChunk, StrokePoint } from './strokeCodec';

/** Most points a receiver holds per stroke (a peer's state is untrusted). */
export const REPLAY_MAX_POINTS = 5000;

interface Timed {
  /** Indices in the stroke's points: [from, to). */
  from: number;
  to: number;
  start: number;
  end: number;
}

interface PeerStroke {
  id: string;
  seq: number;
  points: StrokePoint[];
  /** Chunks not yet wholly shown, by start time; the points before the first are all shown. */
  timed: Timed[];
  /** The last view handed out, kept while nothing moves (renderers memoise on identity). */
  view: { key: string; points: StrokePoint[] } | null;
}

export class StrokeReplay {
  private readonly byClient = new Map<number, PeerStroke>();

  constructor(private readonly intervalMs: number) {}

  /** Applies a peer's current chunk (null: no stroke in progress), received at `now`. */
  apply(clientId: number, chunk: StrokeChunk | null, now: number): void {
    if (!chunk) {
      this.byClient.delete(clientId);
      return;
    }
    let entry = this.byClient.get(clientId);
    if (!entry || entry.id !== chunk.id) {
      entry = { id: chunk.id, seq: -1, points: [], timed: [], view: null };
      this.byClient.set(clientId, entry);
    }
    // Seen already (a renewal of the same state) or late: the points are held or bridged over.
    if (chunk.seq <= entry.seq) return;
    entry.seq = chunk.seq;
    const room = REPLAY_MAX_POINTS - entry.points.length;
    if (room <= 0) return;
    const from = entry.points.length;
    entry.points.push(...chunk.points.slice(0, room));
    this.forget(entry, now);
    const previous = entry.timed[entry.timed.length - 1];
    // Queued behind the chunk still playing, unless that would lag more than an interval: then
    // the earlier chunks show at once and this one plays from now.
    let start = Math.max(now, previous?.end ?? now);
    if (start - now > this.intervalMs) {
      start = now;
      entry.timed.length = 0;
    }
    // A chunk with no length (the pen's first point) has nothing to play: it holds nothing up.
    const still = pathLength(entry.points, from, entry.points.length) === 0;
    const end = still ? start : start + this.intervalMs;
    entry.timed.push({ from, to: entry.points.length, start, end });
  }

  /** The points of `clientId`'s stroke `id` shown at `now` (null: none, or another stroke). */
  view(clientId: number, id: string, now: number): StrokePoint[] | null {
    const entry = this.byClient.get(clientId);
    if (entry?.id !== id) return null;
    this.forget(entry, now);
    const active = entry.timed[0];
    if (!active || now >= active.end)
      return this.cached(entry, `all:${entry.points.length}`, () => entry.points.slice());
    if (now < active.start)
      return this.cached(entry, `to:${active.from}`, () => entry.points.slice(0, active.from));
    const progress = (now - active.start) / (active.end - active.start);
    return this.cached(entry, `${active.from}:${progress}`, () =>
      entry.points.slice(0, active.from).concat(reveal(entry.points, active, progress)),
    );
  }

  /** True while some peer's stroke has points still to be shown: keep repainting. */
  replaying(now: number): boolean {
    for (const entry of this.byClient.values()) {
      if (entry.timed.some((t) => t.end > now)) return true;
    }
    return false;
  }

  /** How many peers have a stroke held (for tests). */
  get size(): number {
    return this.byClient.size;
  }

  /** Drops timings that are over: a chunk is wholly shown once it ended or a later one started. */
  private forget(entry: PeerStroke, now: number): void {
    const { timed } = entry;
    while (timed.length > 0 && (timed[0]!.end <= now || (timed[1]?.start ?? Infinity) <= now))
      timed.shift();
  }

  private cached(entry: PeerStroke, key: string, make: () => StrokePoint[]): StrokePoint[] {
    if (entry.view?.key !== key) entry.view = { key, points: make() };
    return entry.view.points;
  }
}

/** Length of the path through points [from, to), from the point before `from` if any. */
function pathLength(points: readonly StrokePoint[], from: number, to: number): number {
  let length = 0;
  for (let i = Math.max(1, from); i < to; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    length += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  return length;
}

/**
 * The part of a chunk shown at `progress` (0..1) of its interval: its points up to that share of
 * the path's length from the point before it (a bridge if chunks were lost), then a tip
 * interpolated on the segment being drawn.
 */
function reveal(points: readonly StrokePoint[], chunk: Timed, progress: number): StrokePoint[] {
  const path = chunk.from > 0 ? points.slice(chunk.from - 1, chunk.to) : points.slice(0, chunk.to);
  const first = chunk.from > 0 ? 1 : 0;
  const lengths = [0];
  for (let i = 1; i < path.length; i++) {
    const [a, b] = [path[i - 1]!, path[i]!];
    lengths.push(lengths[i - 1]! + Math.hypot(b[0] - a[0], b[1] - a[1]));
  }
  const total = lengths[lengths.length - 1]!;
  // A chunk with no length (a dot, or points on one spot) shows at once.
  if (total === 0) return path.slice(first);
  const target = total * Math.max(0, Math.min(1, progress));
  const shown: StrokePoint[] = first === 0 ? [path[0]!] : [];
  for (let i = 1; i < path.length; i++) {
    if (lengths[i]! <= target) {
      shown.push(path[i]!);
      continue;
    }
    const [a, b] = [path[i - 1]!, path[i]!];
    const t = (target - lengths[i - 1]!) / (lengths[i]! - lengths[i - 1]!);
    if (t > 0)
      shown.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]);
    break;
  }
  return shown;
}
