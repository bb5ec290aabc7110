import { describe, expect, it } from 'vitest';
import {
  ACCUMULATED_MAX_POINTS,
  LOST_COVERED,
  StrokeAccumulator,
  StrokeWindowSender,
  WINDOW_MAX_POINTS,
  encodeWindow,
  readStrokeWire,
  type StrokePoint,
  type StrokeWire,
} from './strokeWindow';

/** A stroke across the Kamouraska postcard: fractional world points, as the pen records them. */
function stroke(n: number): StrokePoint[] {
  return Array.from({ length: n }, (_, i) => [
    10 + i * 1.234,
    20 + i * 0.567,
    0.5 + (i % 7) * 0.0123,
  ]);
}

function wire(points: readonly StrokePoint[], start: number, id = 'k1'): StrokeWire {
  return { id, color: 'black', width: 4, ...encodeWindow(points, start) };
}

describe('encodeWindow', () => {
  it('rounds x, y to 0.1 and pressure to 0.01, from the absolute start', () => {
    const w = encodeWindow(stroke(10), 7);
    expect(w.start).toBe(7);
    expect(w.points).toEqual([18.6, 24, 0.5, 19.9, 24.5, 0.51, 21.1, 25.1, 0.52]);
  });

  it('never holds more than WINDOW_MAX_POINTS points', () => {
    const w = encodeWindow(stroke(500), 0);
    expect(w.start).toBe(500 - WINDOW_MAX_POINTS);
    expect(w.points).toHaveLength(WINDOW_MAX_POINTS * 3);
  });
});

describe('StrokeWindowSender', () => {
  it('reaches back over the points of the last LOST_COVERED sends, then keeps one id', () => {
    const sender = new StrokeWindowSender(() => 'k1');
    const points = stroke(0);
    const sends: StrokeWire[] = [];
    for (let send = 0; send < 8; send++) {
      points.push(...stroke(points.length + 3).slice(points.length));
      sends.push(sender.next(points, 'black', 4));
    }
    // Send k holds 3(k+1) points; from send LOST_COVERED on it starts where send k−3 ended.
    expect(sends.map((s) => s.start)).toEqual([0, 0, 0, 3, 6, 9, 12, 15]);
    expect(sends.every((s) => s.id === 'k1')).toBe(true);
    expect(sends[7]!.points).toHaveLength((24 - 15) * 3);
    expect(LOST_COVERED).toBe(3);
  });

  it('a new stroke (reset, or fewer points than last sent) gets a new id', () => {
    let n = 0;
    const sender = new StrokeWindowSender(() => `k${++n}`);
    expect(sender.next(stroke(5), 'black', 4).id).toBe('k1');
    expect(sender.next(stroke(2), 'black', 4)).toMatchObject({ id: 'k2', start: 0 });
    sender.reset();
    expect(sender.next(stroke(9), 'black', 4).id).toBe('k3');
  });

  it('sends in total a number of points linear in the stroke length', () => {
    const sender = new StrokeWindowSender();
    const points: StrokePoint[] = [];
    let sent = 0;
    for (const point of stroke(300)) {
      points.push(point);
      if (points.length % 3 === 0) sent += sender.next(points, 'black', 4).points.length / 3;
    }
    // 100 sends of 3 new points, each reaching back over 3 sends: ≤ 4 × 300, not 300²/6.
    expect(sent).toBeLessThanOrEqual((LOST_COVERED + 1) * 300);
  });
});

describe('StrokeAccumulator', () => {
  const full = stroke(12);
  const rounded = (from: number, to: number): StrokePoint[] => {
    const w = encodeWindow(full.slice(0, to), from).points;
    return Array.from({ length: w.length / 3 }, (_, i) => [
      w[i * 3]!,
      w[i * 3 + 1]!,
      w[i * 3 + 2]!,
    ]);
  };

  it('rebuilds the stroke from overlapping windows received in order', () => {
    const acc = new StrokeAccumulator();
    acc.apply(7, wire(full.slice(0, 4), 0));
    acc.apply(7, wire(full.slice(0, 8), 2));
    expect(acc.apply(7, wire(full.slice(0, 12), 6))).toEqual(rounded(0, 12));
  });

  it('a late window overwrites by absolute index and never shortens the stroke', () => {
    const acc = new StrokeAccumulator();
    acc.apply(7, wire(full.slice(0, 12), 0));
    expect(acc.apply(7, wire(full.slice(0, 6), 3))).toEqual(rounded(0, 12));
  });

  it('bridges lost windows with a straight segment, then fills it from a late window', () => {
    const acc = new StrokeAccumulator();
    acc.apply(7, wire(full.slice(0, 3), 0)); // ends at index 2
    const bridged = acc.apply(7, wire(full.slice(0, 12), 9))!;
    expect(bridged).toHaveLength(12);
    const [a, b] = [bridged[2]!, bridged[9]!];
    for (let i = 3; i < 9; i++) {
      const t = (i - 2) / 7;
      expect(bridged[i]![0]).toBeCloseTo(a[0] + (b[0] - a[0]) * t, 6);
      expect(bridged[i]![1]).toBeCloseTo(a[1] + (b[1] - a[1]) * t, 6);
    }
    expect(acc.apply(7, wire(full.slice(0, 9), 3))).toEqual(rounded(0, 12));
  });

  it('a peer joined mid-stroke: the gap before its first window does not throw', () => {
    const acc = new StrokeAccumulator();
    const points = acc.apply(7, wire(full, 10))!;
    expect(points).toHaveLength(12);
    expect(points[0]).toEqual(points[10]);
  });

  it('a new stroke id or a cleared state (peer gone) drops what was held', () => {
    const acc = new StrokeAccumulator();
    acc.apply(7, wire(full, 0, 'k1'));
    acc.apply(8, wire(full, 0, 'k9'));
    expect(acc.apply(7, wire(full.slice(0, 2), 0, 'k2'))).toEqual(rounded(0, 2));
    expect(acc.points(7, 'k1')).toBeNull();
    expect(acc.points(7, 'k2')).toHaveLength(2);
    expect(acc.apply(7, null)).toBeNull();
    expect(acc.size).toBe(1);
    expect(acc.points(7, 'k2')).toBeNull();
    // Same id again after the clear: nothing of the old buffer is kept.
    expect(acc.apply(7, wire(full.slice(0, 5), 3, 'k2'))).toHaveLength(5);
    expect(acc.points(8, 'k9')).toEqual(rounded(0, 12));
  });

  it('stays bounded whatever start an untrusted peer claims', () => {
    const acc = new StrokeAccumulator();
    const points = acc.apply(7, { ...wire(full, 0), start: ACCUMULATED_MAX_POINTS - 2 })!;
    expect(points).toHaveLength(ACCUMULATED_MAX_POINTS);
    expect(acc.apply(7, { ...wire(full, 0), start: 10 ** 9 })).toHaveLength(ACCUMULATED_MAX_POINTS);
  });
});

describe('readStrokeWire', () => {
  it('keeps a well-formed window and cuts malformed points at the first bad one', () => {
    expect(
      readStrokeWire({
        id: 'k1',
        color: 'black',
        width: 4,
        start: 3,
        points: [1, 2, 0.5, 3, 'x', 1, 5, 6, 0.5],
      }),
    ).toEqual({ id: 'k1', color: 'black', width: 4, start: 3, points: [1, 2, 0.5] });
    expect(
      readStrokeWire({ id: 'k1', color: 'black', width: 4, start: -1, points: [] }),
    ).toBeNull();
    expect(
      readStrokeWire({ id: 'k1', color: 'black', width: 4, start: 1.5, points: [] }),
    ).toBeNull();
    expect(readStrokeWire(null)).toBeNull();
  });
});
