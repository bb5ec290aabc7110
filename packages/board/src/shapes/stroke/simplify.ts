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
  const limit = tolerance * tolerance;
  // An explicit stack: a long stroke must not overflow the call stack.
  const stack: number[] = [0, count - 1];
  while (stack.length > 0) {
    const last = stack.pop() as number;
    const first = stack.pop() as number;
    const ax = points[first * 3] as number;
    const ay = points[first * 3 + 1] as number;
    const dx = (points[last * 3] as number) - ax;
    const dy = (points[last * 3 + 1] as number) - ay;
    const lengthSquared = dx * dx + dy * dy;
    const middle = (first + last) / 2;
    let farthest = -1;
    let distance = limit;
    // Squared distances to the segment, no allocation: this runs once per point per level.
    for (let i = first + 1; i < last; i++) {
      const px = (points[i * 3] as number) - ax;
      const py = (points[i * 3 + 1] as number) - ay;
      let t = lengthSquared === 0 ? 0 : (px * dx + py * dy) / lengthSquared;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = px - t * dx;
      const ey = py - t * dy;
      const d = ex * ex + ey * ey;
      // Ties go to the point nearest the middle: a regular zig-zag (shading, a wave) has many
      // equally far points, and always splitting at the first of them made the pass quadratic.
      if (
        d > distance ||
        (d === distance && farthest !== -1 && Math.abs(i - middle) < Math.abs(farthest - middle))
      ) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push(first, farthest, farthest, last);
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
