import { describe, expect, it } from 'vitest';
import { zOrderChunks } from './chunks';

describe('zOrderChunks', () => {
  const order = new Map(Array.from({ length: 10 }, (_, i) => [`s${i}`, i]));
  const orderOf = (id: string) => order.get(id) ?? -1;

  it('groups ids by their place in the board order, keeping z-order', () => {
    const chunks = zOrderChunks(['s0', 's2', 's3', 's4', 's7', 's9'], orderOf, 4);
    expect(chunks).toEqual([
      { key: '0', ids: ['s0', 's2', 's3'] },
      { key: '1', ids: ['s4', 's7'] },
      { key: '2', ids: ['s9'] },
    ]);
    expect(chunks.flatMap((c) => c.ids)).toEqual(['s0', 's2', 's3', 's4', 's7', 's9']);
  });

  it('keeps a shape in the same chunk when the view drops its neighbours', () => {
    const wide = zOrderChunks(['s1', 's2', 's5', 's6'], orderOf, 4);
    const narrow = zOrderChunks(['s5', 's6'], orderOf, 4);
    expect(narrow[0]?.key).toBe(wide[1]?.key);
  });

  it('gives unique keys even to ids out of order', () => {
    const chunks = zOrderChunks(['s5', 's1', 's6'], orderOf, 4);
    expect(chunks.flatMap((c) => c.ids)).toEqual(['s5', 's1', 's6']);
    expect(new Set(chunks.map((c) => c.key)).size).toBe(chunks.length);
  });
});
