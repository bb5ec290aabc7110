// A stroke being drawn travels in awareness as a window of its latest points, not the whole
// stroke: sending every point so far at 20 Hz grows with the square of the stroke's length. The
// relay keeps only the latest state per client per tick and drops frames over the 20 Hz budget
// (apps/server SPEC R10, R50), so any one message may never arrive: each window reaches back over
// the points of the last LOST_COVERED sends, and receivers accumulate by absolute point index.
// Pure (no DOM, no Yjs): bench/relay/wire.ts measures the web pen through this same module.

/** One point as the pen records it: world x, world y, pressure. */
export type StrokePoint = [number, number, number];

/** The `stroke` field of an awareness state while a stroke is being drawn. */
export interface StrokeWire {
  /** Changes with each new stroke of the same client. */
  id: string;
  color: string;
  width: number;
  /** Absolute index of the first point in `points`. */
  start: number;
  /** Flat x, y, pressure triples from `start`: x, y to 0.1 board unit, pressure to 0.01. */
  points: number[];
  done?: boolean;
}

/** Consecutive lost messages a window still bridges without a gap (≈ 200 ms at 20 Hz). */
export const LOST_COVERED = 3;
/** Hard cap on the points of one window, whatever the pointer's rate. */
export const WINDOW_MAX_POINTS = 64;
/** Hard cap on the points a receiver keeps per stroke (a peer's state is untrusted). */
export const ACCUMULATED_MAX_POINTS = 5000;

const round1 = (v: number): number => Math.round(v * 10) / 10;
const round2 = (v: number): number => Math.round(v * 100) / 100;

/** The window of `points` from `start`, rounded and flattened. */
export function encodeWindow(
  points: readonly StrokePoint[],
  start: number,
): { start: number; points: number[] } {
  const from = Math.max(0, Math.min(start, points.length), points.length - WINDOW_MAX_POINTS);
  const flat: number[] = [];
  for (let i = from; i < points.length; i++) {
    const [x, y, p] = points[i]!;
    flat.push(round1(x), round1(y), round2(p));
  }
  return { start: from, points: flat };
}

/**
 * The sender's side: remembers how many points each of its last LOST_COVERED sends held, so the
 * next window starts where the receiver is sure to have points even if those sends were lost.
 */
export class StrokeWindowSender {
  private id: string | null = null;
  private sent: number[] = [];

  constructor(private readonly newId: () => string = randomId) {}

  /** The state to send now for a stroke of `points` (a new id after `reset`). */
  next(points: readonly StrokePoint[], color: string, width: number): StrokeWire {
    if (this.id === null || points.length < (this.sent[this.sent.length - 1] ?? 0)) {
      this.id = this.newId();
      this.sent = [];
    }
    const window = encodeWindow(points, this.sent.length < LOST_COVERED ? 0 : this.sent[0]!);
    this.sent.push(points.length);
    if (this.sent.length > LOST_COVERED) this.sent.shift();
    return { id: this.id, color, width, ...window };
  }

  /** The stroke ended or was abandoned: the next one gets a new id. */
  reset(): void {
    this.id = null;
    this.sent = [];
  }
}

function randomId(): string {
  return Math.floor(Math.random() * 36 ** 6).toString(36);
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Reads an untrusted `stroke` field; null when it is not a well-formed window. */
export function readStrokeWire(value: unknown): StrokeWire | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Record<string, unknown>;
  if (
    (typeof s.id !== 'string' && !isNum(s.id)) ||
    typeof s.color !== 'string' ||
    !isNum(s.width) ||
    !isNum(s.start) ||
    !Number.isInteger(s.start) ||
    s.start < 0 ||
    !Array.isArray(s.points)
  )
    return null;
  const raw = (s.points as unknown[]).slice(0, WINDOW_MAX_POINTS * 3 * 2);
  const points: number[] = [];
  for (let i = 0; i + 2 < raw.length; i += 3) {
    const [x, y, p] = [raw[i], raw[i + 1], raw[i + 2]];
    if (!isNum(x) || !isNum(y) || !isNum(p)) break; // keep indices contiguous
    points.push(x, y, p);
  }
  return {
    id: String(s.id).slice(0, 40),
    color: s.color,
    width: Math.max(0, Math.min(200, s.width)),
    start: s.start,
    points,
    ...(s.done === true ? { done: true } : {}),
  };
}

interface Accumulated {
  id: string;
  points: StrokePoint[];
}

/**
 * The receiver's side: each peer's stroke so far, rebuilt from windows by absolute index
 * (overwrite what is known, extend past it). A gap — the windows that covered it were all lost —
 * is bridged by a straight segment from the last known point, so indices stay absolute and a late
 * window can still fill it in.
 */
export class StrokeAccumulator {
  private readonly byClient = new Map<number, Accumulated>();

  /** Applies a peer's current `stroke` field (null: no stroke); returns its points so far. */
  apply(clientId: number, wire: StrokeWire | null): StrokePoint[] | null {
    if (!wire) {
      this.byClient.delete(clientId);
      return null;
    }
    let entry = this.byClient.get(clientId);
    if (!entry || entry.id !== wire.id) {
      entry = { id: wire.id, points: [] };
      this.byClient.set(clientId, entry);
    }
    const { points } = entry;
    const count = wire.points.length / 3;
    if (count === 0 || wire.start >= ACCUMULATED_MAX_POINTS) return points;
    const first: StrokePoint = [wire.points[0]!, wire.points[1]!, wire.points[2]!];
    if (wire.start > points.length) {
      const from = points[points.length - 1] ?? first;
      const base = points.length;
      const steps = wire.start - base + 1;
      for (let i = base; i < wire.start; i++) {
        const t = (i - base + 1) / steps;
        points.push([
          from[0] + (first[0] - from[0]) * t,
          from[1] + (first[1] - from[1]) * t,
          from[2] + (first[2] - from[2]) * t,
        ]);
      }
    }
    const end = Math.min(wire.start + count, ACCUMULATED_MAX_POINTS);
    for (let i = wire.start; i < end; i++) {
      const k = (i - wire.start) * 3;
      points[i] = [wire.points[k]!, wire.points[k + 1]!, wire.points[k + 2]!];
    }
    // A fresh array each time: renderers memoise on identity.
    entry.points = points.slice();
    return entry.points;
  }

  /** The points held for `clientId`'s stroke `id` (null: none, or another stroke). */
  points(clientId: number, id: string): StrokePoint[] | null {
    const entry = this.byClient.get(clientId);
    return entry?.id === id ? entry.points : null;
  }

  /** How many peers have a stroke held (for tests). */
  get size(): number {
    return this.byClient.size;
  }
}
