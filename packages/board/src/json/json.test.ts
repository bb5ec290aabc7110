import { describe, expect, it } from 'vitest';
import { formatPath, jsonEqual } from './json.ts';

describe('json helpers', () => {
  it('M16: issue paths read like the file: shapes[3].start.x', () => {
    expect(formatPath('shapes[3]', ['start', 'x'])).toBe('shapes[3].start.x');
    expect(formatPath('', ['shapes', 2, 'points', 0])).toBe('shapes[2].points[0]');
    expect(formatPath('', [])).toBe('(root)');
  });

  it('M2: deep equality of stored values decides whether a key is written', () => {
    expect(jsonEqual({ x: 1, y: [1, 2] }, { y: [1, 2], x: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(jsonEqual({ a: null }, { a: undefined })).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
  });
});
