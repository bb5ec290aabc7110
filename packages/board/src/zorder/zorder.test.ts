import { describe, expect, it } from 'vitest';
import { compareOrder, isValidIndex, keyBetween, keysBetween } from './zorder.ts';

describe('fractional z-order', () => {
  it('M3: generated keys are valid and sort between their bounds', () => {
    const key = keyBetween('a0', 'a1');
    expect(isValidIndex(key)).toBe(true);
    expect('a0' < key && key < 'a1').toBe(true);
    const keys = keysBetween('a0', null, 3);
    expect(keys).toEqual([...keys].sort());
    expect(keys.every((k) => k > 'a0')).toBe(true);
  });

  it('M3: malformed indices are recognised', () => {
    for (const bad of ['', 'a00', 'zzz', '??', 42, null]) expect(isValidIndex(bad)).toBe(false);
    expect(isValidIndex('a0V')).toBe(true);
  });

  it('M3: ties on index are broken by id', () => {
    const a = { index: 'a1', id: 'shape:a' };
    const b = { index: 'a1', id: 'shape:b' };
    expect(compareOrder(a, b)).toBe(-1);
    expect(compareOrder(b, a)).toBe(1);
    expect(compareOrder({ index: 'a0', id: 'shape:z' }, a)).toBe(-1);
  });
});
