import { distanceToSegment } from '../common/geometry.ts';
import { MAX_STROKE_POINTS } from './stroke.ts';

/**
 * Ramer–Douglas–Peucker over flat [x, y, pressure] triples: drops points closer than
 * `tolerance` to the line through their kept neighbours. Pressure travels with its point.
 */
export function simplifyStrokePoints(points: readonly number[], tolerance: number): number[] {
  const count = Math.floor(points.length / 3);
  if (count <= 2) return points.slice(0, count * 3);
  const keep = new Uint8Array(count);
  keep[0] = 1;
  keep[count - 1] = 1;
  const at = (i: number) => ({ x: points[i * 3] as number, y: points[i * 3 + 1] as number });
  // An explicit stack: a long stroke must not overflow the call stack.
  const stack: [number, number][] = [[0, count - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let farthest = -1;
    let distance = tolerance;
    const a = at(first);
    const b = at(last);
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(at(i), a, b);
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    if (keep[i] === 1)
      out.push(points[i * 3] as number, points[i * 3 + 1] as number, points[i * 3 + 2] as number);
  }
  return out;
}

/**
 * A finished stroke in page coordinates → the props to create it: origin at the first point,
 * points relative to it, simplified (tolerance grows until the stroke fits MAX_STROKE_POINTS).
 */
export function strokeFromPagePoints(
  pagePoints: readonly number[],
  tolerance = 0.5,
): { x: number; y: number; points: number[] } {
  const x = pagePoints[0] ?? 0;
  const y = pagePoints[1] ?? 0;
  const relative = pagePoints
    .slice(0, Math.floor(pagePoints.length / 3) * 3)
    .map((value, i) => (i % 3 === 0 ? value - x : i % 3 === 1 ? value - y : value));
  let points = simplifyStrokePoints(relative, tolerance);
  for (let t = Math.max(tolerance, 0.5); points.length > MAX_STROKE_POINTS * 3; t *= 2) {
    points = simplifyStrokePoints(relative, t);
  }
  return { x, y, points };
}
