// The wire form of a stroke being drawn: one short string per awareness message, carrying only
// the points added since the previous message. Every awareness message re-sends the whole JSON
// state and pays framing, so the preview fits in ≈ 1× the finished stroke's stored bytes only if
// messages are few (STROKE_INTERVAL_MS) and their points compact:
//   "<id> <seq> <color> <width> <points>"
// `id` (base 36) names the stroke, `seq` (base 36) counts its chunks from 0 (a receiver sees a
// lost chunk as a jump in seq), and <points> is a run of variable-length integers in the
// URL-safe base-64 alphabet (5 value bits per character, the 6th bit says "more follows"),
// zig-zag signed: the chunk's first point absolute, then deltas, each point x, y in steps of
// 1/XY_STEPS board unit and pressure in 1/PRESSURE_STEPS. The first point is absolute so that a lost
// chunk costs a straight bridge, never a shifted stroke.
// Decoding is for untrusted input: it caps lengths and counts and never throws.

/** One point as the pen records it: world x, world y, pressure (0..1). */
export type StrokePoint = [number, number, number];

export interface StrokeChunk {
  id: string;
  seq: number;
  /** A palette name (the model stores names) or a short hex value. */
  color: string;
  width: number;
  points: StrokePoint[];
}

/** The drawer sends a stroke's new points this often (5 Hz); receivers replay each chunk over it. */
export const STROKE_INTERVAL_MS = 200;
/** x and y travel in steps of 1/XY_STEPS board unit (the stored stroke is simplified at 0.5). */
export const XY_STEPS = 10;
/** Pressure travels in steps of 1/PRESSURE_STEPS (0.5, a mouse, is exact). */
export const PRESSURE_STEPS = 20;
/** Most points one chunk carries (a sender thins to fewer; a receiver reads no more). */
export const CHUNK_MAX_POINTS = 128;
/** Longest chunk string a receiver looks at. */
export const CHUNK_MAX_CHARS = 4096;
/** Highest chunk sequence number a receiver accepts (a 5-Hz stroke reaches 300 in a minute). */
export const CHUNK_MAX_SEQ = 36 ** 4;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT = new Map([...ALPHABET].map((c, i) => [c, i]));
/** 8 digits: 40 value bits, far past any coordinate; longer runs are garbage. */
const MAX_DIGITS = 8;
const MORE = 32;

const ID_PATTERN = /^[0-9a-z]{1,12}$/u;
const SEQ_PATTERN = /^[0-9a-z]{1,6}$/u;
const COLOR_PATTERN = /^(?:[a-z-]{1,24}|#[0-9a-f]{3,8})$/iu;

/** A point on the wire's integer grid: x, y in 1/XY_STEPS, pressure (clamped) in 1/PRESSURE_STEPS. */
function toGrid([x = 0, y = 0, p = 0.5]: readonly number[]): [number, number, number] {
  const pressure = Number.isFinite(p) ? Math.max(0, Math.min(1, p)) : 0.5;
  return [
    Math.round(x * XY_STEPS),
    Math.round(y * XY_STEPS),
    Math.round(pressure * PRESSURE_STEPS),
  ];
}

function fromGrid([x, y, p]: readonly number[]): StrokePoint {
  return [x! / XY_STEPS, y! / XY_STEPS, Math.max(0, Math.min(PRESSURE_STEPS, p!)) / PRESSURE_STEPS];
}

/** A point as a receiver will read it: rounded to the wire's grid. */
export function quantise(point: readonly number[]): StrokePoint {
  return fromGrid(toGrid(point));
}

function pushInt(out: string[], n: number): void {
  let z = n >= 0 ? n * 2 : -n * 2 - 1;
  do {
    const low = z % MORE;
    z = Math.floor(z / MORE);
    out.push(ALPHABET[z > 0 ? low + MORE : low]!);
  } while (z > 0);
}

/** The points as a run of zig-zag varints: the first absolute, the rest as deltas. */
export function encodePoints(points: readonly (readonly number[])[]): string {
  const out: string[] = [];
  let prev: readonly number[] = [0, 0, 0];
  for (const point of points) {
    const q = toGrid(point);
    for (let k = 0; k < 3; k++) pushInt(out, q[k]! - prev[k]!);
    prev = q;
  }
  return out.join('');
}

/**
 * The points of an untrusted run, at most `max` of them. Stops at the first character outside
 * the alphabet or value longer than MAX_DIGITS; a trailing partial point is dropped.
 */
export function decodePoints(text: string, max = CHUNK_MAX_POINTS): StrokePoint[] {
  const points: StrokePoint[] = [];
  const q: [number, number, number] = [0, 0, 0];
  let pos = 0;
  const readInt = (): number | null => {
    let value = 0;
    let scale = 1;
    for (let digits = 0; digits < MAX_DIGITS && pos < text.length; digits++) {
      const d = DIGIT.get(text[pos++]!);
      if (d === undefined) return null;
      value += (d % MORE) * scale;
      if (d < MORE) return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
      scale *= MORE;
    }
    return null;
  };
  const limit = Math.min(max, CHUNK_MAX_POINTS);
  while (points.length < limit && pos < text.length) {
    const dx = readInt();
    const dy = readInt();
    const dp = readInt();
    if (dx === null || dy === null || dp === null) break;
    q[0] += dx;
    q[1] += dy;
    q[2] += dp;
    points.push(fromGrid(q));
  }
  return points;
}

/** The `s` field of an awareness state. */
export function encodeChunk(chunk: Omit<StrokeChunk, 'points'>, points: string): string {
  const width = Math.round(chunk.width * 100) / 100;
  return `${chunk.id} ${chunk.seq.toString(36)} ${chunk.color} ${width} ${points}`;
}

/** Reads an untrusted `s` field; null unless it is a well-formed chunk with at least one point. */
export function readStrokeChunk(value: unknown): StrokeChunk | null {
  if (typeof value !== 'string' || value.length > CHUNK_MAX_CHARS) return null;
  const parts = value.split(' ');
  if (parts.length !== 5) return null;
  const [id, seqText, color, widthText, pointsText] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (!ID_PATTERN.test(id) || !SEQ_PATTERN.test(seqText) || !COLOR_PATTERN.test(color)) return null;
  const seq = parseInt(seqText, 36);
  const width = Number(widthText);
  if (seq > CHUNK_MAX_SEQ || widthText === '' || !Number.isFinite(width) || width <= 0) return null;
  const points = decodePoints(pointsText);
  if (points.length === 0) return null;
  return { id, seq, color, width: Math.min(200, width), points };
}
