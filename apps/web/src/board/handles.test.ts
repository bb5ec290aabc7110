import { describe, expect, it } from 'vitest';
import {
  handleAtPoint,
  handleCursor,
  handlePosition,
  handleRadius,
  hoverCursor,
  resizeHandlesFor,
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

describe('handles a small selection keeps', () => {
  const finger = handleRadius(true);
  const mouse = handleRadius(false);
  const box = (width: number, height: number) => ({ x: 0, y: 0, width, height });
  // A Témiscouata note (200 × 200) on a phone fitted to the carton: 23 % → 46 px on screen.
  const note = (zoom: number) => box(200 * zoom, 200 * zoom);

  it('all eight while the edge handles stay out of the middle', () => {
    expect(resizeHandlesFor(note(1), finger)).toHaveLength(8);
    expect(resizeHandlesFor(note(0.23), mouse)).toHaveLength(8);
  });
  it('then the four corners, then the bottom-right corner, then none', () => {
    expect(resizeHandlesFor(note(0.4), finger)).toEqual(['nw', 'ne', 'se', 'sw']);
    expect(resizeHandlesFor(note(0.23), finger)).toEqual(['se']);
    expect(resizeHandlesFor(note(0.1), finger)).toEqual([]);
    // A long thin heading: too flat for edge handles, long enough for its corners.
    expect(resizeHandlesFor(box(300, 40), finger)).toEqual(['nw', 'ne', 'se', 'sw']);
  });
  it('no kept handle’s target covers the middle, at any size', () => {
    for (let side = 4; side <= 200; side += 2) {
      for (const radius of [finger, mouse]) {
        const r = box(side, side * 0.75);
        const kept = resizeHandlesFor(r, radius);
        const centre = { x: r.width / 2, y: r.height / 2 };
        // The centre is free of every target, and a finger there moves the shape.
        expect(handleAtPoint(r, centre, radius)).toBeNull();
        for (const h of kept) {
          const p = handlePosition(r, h);
          expect(Math.hypot(p.x - centre.x, p.y - centre.y)).toBeGreaterThanOrEqual(radius);
        }
      }
    }
  });
  it('a hidden handle is not hit either: a finger at the 46 px note’s top-left moves it', () => {
    expect(handleAtPoint(note(0.23), { x: 0, y: 0 }, finger)).toBeNull();
    expect(handleAtPoint(note(0.23), { x: 46, y: 46 }, finger)).toBe('se');
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
