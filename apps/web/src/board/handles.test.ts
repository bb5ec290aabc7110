import { describe, expect, it } from 'vitest';
import {
  handleAtPoint,
  handlePosition,
  handleRadius,
  selectionBox,
  selectionHandleAt,
} from './handles';

describe('resize handles', () => {
  const r = { x: 100, y: 100, width: 200, height: 100 };
  it('places handles on corners and edge midpoints', () => {
    expect(handlePosition(r, 'nw')).toEqual({ x: 100, y: 100 });
    expect(handlePosition(r, 'e')).toEqual({ x: 300, y: 150 });
    expect(handlePosition(r, 's')).toEqual({ x: 200, y: 200 });
  });
  it('finds the nearest handle within the radius', () => {
    expect(handleAtPoint(r, { x: 303, y: 198 }, 10)).toBe('se');
    expect(handleAtPoint(r, { x: 200, y: 95 }, 10)).toBe('n');
    expect(handleAtPoint(r, { x: 200, y: 150 }, 10)).toBeNull();
  });
  it('keeps only corners on small shapes', () => {
    expect(handleAtPoint({ x: 0, y: 0, width: 30, height: 30 }, { x: 15, y: 0 }, 22)).not.toBe('n');
  });
});

describe('selection box handles', () => {
  const camera = { x: 0, y: 0, zoom: 0.5 };
  const bounds: Record<string, { x: number; y: number; width: number; height: number }> = {
    a: { x: 0, y: 0, width: 200, height: 200 },
    b: { x: 400, y: 200, width: 200, height: 100 },
    arrow: { x: 0, y: 0, width: 300, height: 10 },
  };
  const box = (ids: string[]) =>
    selectionBox(
      ids,
      (id) => bounds[id],
      (id) => (id === 'arrow' ? 'arrow' : 'note'),
    );

  it('one box around many shapes, with its handles in screen pixels', () => {
    const b = box(['a', 'b']);
    expect(b?.world).toEqual({ x: 0, y: 0, width: 600, height: 300 });
    // South-east corner at (300, 150) on screen at 50 %.
    expect(selectionHandleAt(b!, camera, { x: 302, y: 149 }, false)).toBe('se');
  });

  it('the rotate handle sits above the top middle; a finger gets a 44 px target', () => {
    const b = box(['a', 'b'])!;
    expect(selectionHandleAt(b, camera, { x: 150, y: -26 }, false)).toBe('rotate');
    expect(selectionHandleAt(b, camera, { x: 150, y: -26 + 15 }, false)).not.toBe('rotate');
    expect(handleRadius(true) * 2).toBeGreaterThanOrEqual(44);
    expect(selectionHandleAt(b, camera, { x: 150 + 20, y: -40 }, true)).toBe('rotate');
  });

  it('a lone arrow only rotates (its ends are its resize handles)', () => {
    const b = box(['arrow'])!;
    expect(b.resizable).toBe(false);
    expect(selectionHandleAt(b, camera, { x: 150, y: 5 }, false)).toBeNull();
  });
});
