import { describe, expect, it } from 'vitest';
import { simplifyStrokePoints, strokeFromPagePoints } from './simplify.ts';
import { MAX_STROKE_POINTS } from './stroke.ts';

describe('stroke simplification', () => {
  it('M28: points on a straight line collapse to its ends, pressure kept', () => {
    const line = [0, 0, 0.2, 10, 0.1, 0.5, 20, 0, 0.6, 30, 0, 0.9];
    expect(simplifyStrokePoints(line, 0.5)).toEqual([0, 0, 0.2, 30, 0, 0.9]);
  });

  it('M28: a corner survives', () => {
    const corner = [0, 0, 0.5, 50, 0, 0.5, 100, 0, 0.5, 100, 50, 0.5, 100, 100, 0.5];
    expect(simplifyStrokePoints(corner, 1)).toEqual([0, 0, 0.5, 100, 0, 0.5, 100, 100, 0.5]);
  });

  it('M28: a regular zig-zag (equally far corners) keeps every corner and drops the points between', () => {
    // Shading: 500 strokes up and down, 4 points each way, corners all 30 units from any chord.
    const points: number[] = [];
    for (let i = 0; i <= 4_000; i++) {
      const phase = i % 8;
      points.push(i, phase <= 4 ? phase * 7.5 : (8 - phase) * 7.5, 0.5);
    }
    const kept = simplifyStrokePoints(points, 0.5);
    const xs = kept.filter((_, i) => i % 3 === 0);
    expect(xs).toEqual(Array.from({ length: 1_001 }, (_, k) => k * 4));
  });

  it('M28: page points become relative to the first point and fit the size limit', () => {
    const page: number[] = [];
    for (let i = 0; i < 40_000; i++) page.push(500 + i, 300 + Math.sin(i / 3) * 40, 0.5);
    const stroke = strokeFromPagePoints(page);
    expect(stroke.x).toBe(500);
    expect(stroke.y).toBe(300);
    expect(stroke.points.slice(0, 3)).toEqual([0, 0, 0.5]);
    expect(stroke.points.length).toBeLessThanOrEqual(MAX_STROKE_POINTS * 3);
    expect(stroke.points.length % 3).toBe(0);
  });
});
