// Ramer–Douglas–Peucker simplification of a stroke, keeping pressure with its point.
export type StrokePoint = [number, number, number];

function perpendicularDistance(p: StrokePoint, a: StrokePoint, b: StrokePoint): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}

export function simplifyStroke(points: readonly StrokePoint[], tolerance: number): StrokePoint[] {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  // Iterative stack: long strokes would overflow recursion.
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop() as [number, number];
    let maxDistance = 0;
    let index = -1;
    const a = points[first] as StrokePoint;
    const b = points[last] as StrokePoint;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicularDistance(points[i] as StrokePoint, a, b);
      if (d > maxDistance) {
        maxDistance = d;
        index = i;
      }
    }
    if (index !== -1 && maxDistance > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Rounds coordinates to 0.01 and pressure to 0.01 so a stroke stays small in the document. */
export function roundStroke(points: readonly StrokePoint[]): StrokePoint[] {
  const r = (v: number) => Math.round(v * 100) / 100;
  return points.map(([x, y, p]) => [r(x), r(y), r(p)]);
}
