import { describe, expect, it } from 'vitest';
import { readStrokeChunk, type StrokeChunk, type StrokePoint } from './strokeCodec';
import { StrokeChunker, THIN_TOLERANCE } from './strokeChunker';

/** Handwriting-like: a loop on the Rimouski postcard, points 1/60 s apart. */
function handwriting(n: number): StrokePoint[] {
  return Array.from({ length: n }, (_, i) => {
    const t = i / 60;
    return [200 + t * 96 + 20 * Math.sin(t * 9), 300 + 32 * Math.sin(t * 4), 0.5];
  });
}

function distanceToSegment(p: StrokePoint, a: StrokePoint, b: StrokePoint): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length2 = dx * dx + dy * dy;
  const t =
    length2 === 0
      ? 0
      : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Feeds `points` to a chunker `per` points at a time, as the publisher does between sends. */
function chunks(points: StrokePoint[], per: number): StrokeChunk[] {
  const chunker = new StrokeChunker('black', 4, 'k3f9');
  const out: StrokeChunk[] = [];
  for (let end = per; end < points.length + per; end += per) {
    const text = chunker.next(points.slice(0, Math.min(end, points.length)));
    if (text) out.push(readStrokeChunk(text)!);
  }
  return out;
}

describe('StrokeChunker', () => {
  it('sends each point once: chunks hold only the points added since the previous one', () => {
    const points = handwriting(300);
    const sent = chunks(points, 12);
    expect(sent.map((c) => c.seq)).toEqual(sent.map((_, i) => i));
    expect(sent.every((c) => c.id === 'k3f9' && c.color === 'black' && c.width === 4)).toBe(true);
    const all = sent.flatMap((c) => c.points);
    // Never the same point twice in a row (no overlap), always the pen's latest point last.
    for (let i = 1; i < all.length; i++) expect(all[i]).not.toEqual(all[i - 1]);
    for (const [i, chunk] of sent.entries()) {
      const last = points[Math.min((i + 1) * 12, points.length) - 1]!;
      const tip = chunk.points[chunk.points.length - 1]!;
      expect(Math.hypot(tip[0] - last[0], tip[1] - last[1])).toBeLessThanOrEqual(0.08);
    }
  });

  it('thins the way the stored stroke is simplified: fewer points, none farther than the tolerance', () => {
    const points = handwriting(300);
    const all = chunks(points, 12).flatMap((c) => c.points);
    expect(all.length).toBeLessThan(points.length / 2);
    // Grid rounding (0.05 per coordinate) on top of the tolerance.
    const slack = THIN_TOLERANCE + 0.08;
    for (const p of points) {
      let nearest = Infinity;
      for (let i = 1; i < all.length; i++)
        nearest = Math.min(nearest, distanceToSegment(p, all[i - 1]!, all[i]!));
      expect(nearest).toBeLessThanOrEqual(slack);
    }
  });

  it('says nothing when no point was added or the pointer rests on the last point sent', () => {
    const chunker = new StrokeChunker('black', 4, 'k3f9');
    const points: StrokePoint[] = [
      [10, 10, 0.5],
      [20, 15, 0.5],
    ];
    expect(chunker.next(points)).not.toBeNull();
    expect(chunker.next(points)).toBeNull();
    points.push([20, 15, 0.5], [20.01, 15, 0.5]);
    expect(chunker.next(points)).toBeNull();
    points.push([30, 15, 0.5]);
    expect(readStrokeChunk(chunker.next(points))?.points).toEqual([[30, 15, 0.5]]);
    expect(chunker.continues(points)).toBe(true);
    expect(chunker.continues(points.slice(0, 2))).toBe(false);
  });
});
