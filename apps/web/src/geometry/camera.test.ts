import { describe, expect, it } from 'vitest';
import {
  MAX_ZOOM,
  MIN_ZOOM,
  cameraCenter,
  centerOn,
  fitBounds,
  pinch,
  screenToWorld,
  visibleWorldRect,
  wheelZoomFactor,
  worldToScreen,
  zoomAt,
  zoomPercent,
} from './camera';

const cam = { x: 100, y: 50, zoom: 2 };

describe('camera', () => {
  it('converts screen and world points both ways', () => {
    expect(screenToWorld(cam, { x: 100, y: 50 })).toEqual({ x: 0, y: 0 });
    expect(worldToScreen(cam, { x: 10, y: 20 })).toEqual({ x: 120, y: 90 });
    const p = { x: 37, y: -12 };
    expect(screenToWorld(cam, worldToScreen(cam, p))).toEqual(p);
  });

  it('zooms at the cursor keeping the world point under it fixed', () => {
    const cursor = { x: 400, y: 300 };
    const before = screenToWorld(cam, cursor);
    const next = zoomAt(cam, cursor, 3.5);
    expect(next.zoom).toBe(3.5);
    const after = screenToWorld(next, cursor);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('clamps zoom', () => {
    expect(zoomAt(cam, { x: 0, y: 0 }, 1000).zoom).toBe(MAX_ZOOM);
    expect(zoomAt(cam, { x: 0, y: 0 }, 0).zoom).toBe(MIN_ZOOM);
  });

  it('wheel up zooms in, wheel down zooms out, bounded per event', () => {
    expect(wheelZoomFactor(-100)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100)).toBeLessThan(1);
    expect(wheelZoomFactor(-10_000)).toBe(wheelZoomFactor(-100));
  });

  it('fits bounds centred with padding', () => {
    const viewport = { width: 1000, height: 500 };
    const bounds = { x: 1000, y: 1000, width: 800, height: 200 };
    const fitted = fitBounds(bounds, viewport, 50);
    expect(fitted.zoom).toBeCloseTo(900 / 800);
    const centre = cameraCenter(fitted, viewport);
    expect(centre.x).toBeCloseTo(1400);
    expect(centre.y).toBeCloseTo(1100);
    const visible = visibleWorldRect(fitted, viewport);
    expect(visible.x).toBeLessThanOrEqual(bounds.x);
    expect(visible.x + visible.width).toBeGreaterThanOrEqual(bounds.x + bounds.width);
  });

  it('does not zoom in past maxZoom when fitting a tiny selection', () => {
    expect(fitBounds({ x: 0, y: 0, width: 10, height: 10 }, { width: 800, height: 600 }).zoom).toBe(
      2,
    );
  });

  it('visible world rect scales with zoom', () => {
    const r = visibleWorldRect({ x: 0, y: 0, zoom: 0.5 }, { width: 800, height: 600 });
    expect(r).toEqual({ x: 0, y: 0, width: 1600, height: 1200 });
  });

  it('centres on a point (follow mode)', () => {
    const c = centerOn({ x: 500, y: 500 }, { width: 800, height: 600 }, 1);
    expect(cameraCenter(c, { width: 800, height: 600 })).toEqual({ x: 500, y: 500 });
  });

  it('pinch zooms by the finger distance ratio and pans with the midpoint', () => {
    const start = { x: 0, y: 0, zoom: 1 };
    const next = pinch(start, { x: 100, y: 100 }, 100, { x: 110, y: 100 }, 200);
    expect(next.zoom).toBe(2);
    // The world point under the starting midpoint is now under the new midpoint.
    const w = screenToWorld(next, { x: 110, y: 100 });
    expect(w.x).toBeCloseTo(100);
    expect(w.y).toBeCloseTo(100);
  });

  it('reports a rounded zoom percentage', () => {
    expect(zoomPercent({ x: 0, y: 0, zoom: 1.234 })).toBe(123);
  });
});
