// The drawer's side of a stroke preview: turns the pen's growing stroke into chunks of the points
// added since the previous chunk (no overlap), thinned the way the stored stroke is simplified
// (Ramer–Douglas–Peucker at the same tolerance, M28) and encoded compactly (strokeCodec.ts).
// Pure (no DOM, no Yjs): bench/relay/wire.ts measures the web pen through it.
import { simplifyStrokePoints } from '@carton/board';
import {
  CHUNK_MAX_POINTS,
  encodeChunk,
  encodePoints,
  quantise,
  type StrokePoint,
} from './strokeCodec';

/** Thinning tolerance in board units: the finished stroke's (strokeFromPagePoints' default). */
export const THIN_TOLERANCE = 0.5;

export class StrokeChunker {
  private seq = 0;
  /** How many of the pen's points the chunks so far have taken in. */
  private consumed = 0;
  /** The last point sent: each chunk is thinned from it, so chunks join without a seam. */
  private anchor: StrokePoint | null = null;

  constructor(
    readonly color: string,
    readonly width: number,
    readonly id: string = randomId(),
  ) {}

  /** False when `points` cannot be this stroke grown (fewer points than already taken in). */
  continues(points: readonly unknown[]): boolean {
    return points.length >= this.consumed;
  }

  /** The chunk to send now: the points added since the last one, or null when none moved. */
  next(points: readonly (readonly number[])[]): string | null {
    if (points.length <= this.consumed) return null;
    const fresh = points.slice(this.consumed).map(quantise);
    this.consumed = points.length;
    const anchor = this.anchor;
    const flat = simplifyStrokePoints((anchor ? [anchor, ...fresh] : fresh).flat(), THIN_TOLERANCE);
    let kept: StrokePoint[] = [];
    for (let i = anchor ? 3 : 0; i + 2 < flat.length; i += 3)
      kept.push([flat[i]!, flat[i + 1]!, flat[i + 2]!]);
    // A pointer at rest adds points on top of the last one sent: nothing to tell.
    const last = kept[kept.length - 1];
    if (!last || (kept.length === 1 && anchor && samePoint(last, anchor))) return null;
    // Only a pointer far faster than the send rate gets here: the receiver bridges the rest.
    if (kept.length > CHUNK_MAX_POINTS) kept = kept.slice(-CHUNK_MAX_POINTS);
    this.anchor = last;
    const seq = this.seq++;
    return encodeChunk(
      { id: this.id, seq, color: this.color, width: this.width },
      encodePoints(kept),
    );
  }
}

function samePoint(a: StrokePoint, b: StrokePoint): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
}

function randomId(): string {
  return Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
}
