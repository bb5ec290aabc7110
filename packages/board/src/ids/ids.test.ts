import { describe, expect, it } from 'vitest';
import { isShapeId, newShapeId } from './ids.ts';

describe('shape ids', () => {
  it('M22: shape: + 22 url-safe characters, never repeating', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = newShapeId();
      expect(id).toMatch(/^shape:[A-Za-z0-9_-]{22}$/);
      expect(isShapeId(id)).toBe(true);
      ids.add(id);
    }
    expect(ids.size).toBe(2000);
  });

  it('M22: other strings are not shape ids', () => {
    expect(isShapeId('note-1')).toBe(false);
    expect(isShapeId('shape:')).toBe(false);
    expect(isShapeId(42)).toBe(false);
  });
});
