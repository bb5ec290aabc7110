// The wire form of a stroke being drawn: one short string per awareness message, carrying only
// the points added since the previous message. Every awareness message re-sends the whole JSON
// state and pays framing, so the preview fits in ≈ 1× the finished stroke's stored bytes only if
// messages are few (STROKE_INTERVAL_MS) and their points compact:
//   "<id> <seq> <color> <width> <points>"
// `id` (base 36) names the stroke, `seq` (base 36) counts its chunks from 0 (a receiver sees a
// lost chunk as a jump in seq), and <points> is a run of lib0 signed variable-length integers,
// base64url without padding: the chunk's first point absolute, then deltas, each point x, y in steps of
// 1/XY_STEPS board unit and pressure in 1/PRESSURE_STEPS. The first point is absolute so that a lost
// chunk costs a straight bridge, never a shifted stroke.
// Decoding is for untrusted input: it caps lengths and counts and never throws.
import { fromBase64UrlEncoded, toBase64UrlEncoded } from 'lib0/buffer';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

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

/** Base64url without padding: what lib0's buffer module writes and reads. */
const BASE64URL = /^[A-Za-z0-9_-]*$/u;

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

/** The points as lib0 signed varints in base64url: the first absolute, the rest as deltas. */
export function encodePoints(points: readonly (readonly number[])[]): string {
  const encoder = encoding.createEncoder();
  let prev: readonly number[] = [0, 0, 0];
  for (const point of points) {
    const q = toGrid(point);
    for (let k = 0; k < 3; k++) encoding.writeVarInt(encoder, q[k]! - prev[k]!);
    prev = q;
  }
  return toBase64UrlEncoded(encoding.toUint8Array(encoder));
}

/**
 * The points of an untrusted run, at most `max` of them: none unless it is base64url, and no
 * further than the first value that does not decode to a safe integer; a trailing partial point
 * is dropped.
 */
export function decodePoints(text: string, max = CHUNK_MAX_POINTS): StrokePoint[] {
  const points: StrokePoint[] = [];
  if (!BASE64URL.test(text) || text.length % 4 === 1) return points;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64UrlEncoded(text);
  } catch {
    return points;
  }
  const decoder = decoding.createDecoder(bytes);
  const readInt = (): number | null => {
    if (!decoding.hasContent(decoder)) return null;
    try {
      const value = decoding.readVarInt(decoder);
      return Number.isSafeInteger(value) ? value : null;
    } catch {
      return null; // a value cut off at the end, or longer than 53 bits
    }
  };
  const q: [number, number, number] = [0, 0, 0];
  const limit = Math.min(max, CHUNK_MAX_POINTS);
  while (points.length < limit) {
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
