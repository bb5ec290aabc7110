import { describe, expect, it } from 'vitest';
import {
  handleAtPoint,
  handleCursor,
  handlePosition,
  handleRadius,
  hoverCursor,
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

describe('cursors', () => {
  const idle = {
    tool: 'select',
    readOnly: false,
    spacePan: false,
    panning: false,
    handle: null,
    overShape: false,
  };
  it('each resize handle shows the resize cursor along its own diagonal or axis', () => {
    expect(handleCursor('nw')).toBe('nwse-resize');
    expect(handleCursor('se')).toBe('nwse-resize');
    expect(handleCursor('ne')).toBe('nesw-resize');
    expect(handleCursor('sw')).toBe('nesw-resize');
    expect(handleCursor('n')).toBe('ns-resize');
    expect(handleCursor('s')).toBe('ns-resize');
    expect(handleCursor('e')).toBe('ew-resize');
    expect(handleCursor('w')).toBe('ew-resize');
  });
  it('the rotate handle shows a circular-arrow image cursor, falling back to grab', () => {
    expect(handleCursor('rotate')).toMatch(/^url\("data:image\/svg\+xml,[^"]+"\) 12 12, grab$/u);
  });
  it('select: a handle wins over the shape under it; a shape shows move; empty space none', () => {
    expect(hoverCursor({ ...idle, handle: 'e', overShape: true })).toBe('ew-resize');
    expect(hoverCursor({ ...idle, overShape: true })).toBe('move');
    expect(hoverCursor(idle)).toBeNull();
  });
  it('panning grabs whatever the tool; other tools, space and view links keep their cursor', () => {
    expect(hoverCursor({ ...idle, tool: 'hand', panning: true })).toBe('grabbing');
    expect(hoverCursor({ ...idle, spacePan: true, panning: true })).toBe('grabbing');
    expect(hoverCursor({ ...idle, tool: 'hand', overShape: true })).toBeNull();
    expect(hoverCursor({ ...idle, tool: 'pen', overShape: true })).toBeNull();
    expect(hoverCursor({ ...idle, spacePan: true, overShape: true })).toBeNull();
    expect(hoverCursor({ ...idle, readOnly: true, overShape: true })).toBeNull();
  });
});
