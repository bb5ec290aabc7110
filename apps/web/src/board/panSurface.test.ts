import { describe, expect, it } from 'vitest';
import { screenToWorld, worldToScreen, type Camera } from '../geometry/camera';
import {
  dotGridOffset,
  dotGridStep,
  needsRedraw,
  stageSize,
  stageWorldRect,
  surfaceMargin,
  surfaceTransform,
} from './panSurface';

/** Applies a `translate(…) [scale(…)]` string (origin at the viewport's top left) to a point. */
function applyTransform(transform: string, p: { x: number; y: number }) {
  const match = /translate\(([-\d.e]+)px, ([-\d.e]+)px\)(?: scale\(([-\d.e]+)\))?/.exec(transform);
  if (!match) throw new Error(`unexpected transform ${transform}`);
  const scale = match[3] ? Number(match[3]) : 1;
  return { x: p.x * scale + Number(match[1]), y: p.y * scale + Number(match[2]) };
}

describe('pan surface', () => {
  const viewport = { width: 1280, height: 800 };
  const margin = surfaceMargin(viewport);

  it('keeps a margin of a quarter of the shorter side, bounded for phones and big screens', () => {
    expect(margin).toEqual({ x: 200, y: 200 });
    expect(surfaceMargin({ width: 390, height: 844 })).toEqual({ x: 98, y: 98 });
    expect(surfaceMargin({ width: 3840, height: 2160 })).toEqual({ x: 384, y: 384 });
    expect(surfaceMargin({ width: 100, height: 100 })).toEqual({ x: 64, y: 64 });
  });

  it('sizes the stage as the viewport with its margin on every side', () => {
    expect(stageSize(viewport, margin)).toEqual({ width: 1680, height: 1200 });
    const phone = { width: 390, height: 844 };
    expect(stageSize(phone, surfaceMargin(phone))).toEqual({ width: 586, height: 1040 });
  });

  it('redraws only on a zoom or a pan past the margin', () => {
    const drawn: Camera = { x: -500, y: 300, zoom: 1 };
    expect(needsRedraw(drawn, drawn, margin)).toBe(false);
    expect(needsRedraw(drawn, { ...drawn, x: drawn.x - 200 }, margin)).toBe(false);
    expect(needsRedraw(drawn, { ...drawn, x: drawn.x - 201 }, margin)).toBe(true);
    expect(needsRedraw(drawn, { ...drawn, y: drawn.y + 201 }, margin)).toBe(true);
    expect(needsRedraw(drawn, { ...drawn, x: drawn.x + 150, y: drawn.y - 150 }, margin)).toBe(
      false,
    );
    expect(needsRedraw(drawn, { ...drawn, zoom: 1.01 }, margin)).toBe(true);
  });

  it('during a pinch, scales what it drew while it covers the screen and stays sharp enough', () => {
    // A phone: a margin of 98 px around 390 × 844.
    const phone = { width: 390, height: 844 };
    const around = surfaceMargin(phone);
    const drawn: Camera = { x: -200, y: -100, zoom: 0.5 };
    /** The camera zoomed by `factor` about the screen's centre, as two fingers there do. */
    const pinched = (factor: number): Camera => {
      const c = { x: phone.width / 2, y: phone.height / 2 };
      return {
        x: c.x - (c.x - drawn.x) * factor,
        y: c.y - (c.y - drawn.y) * factor,
        zoom: drawn.zoom * factor,
      };
    };
    // Each finger's move changes the zoom a little: no redraw while pinching.
    expect(needsRedraw(drawn, pinched(1.01), around, phone)).toBe(false);
    expect(needsRedraw(drawn, pinched(1.4), around, phone)).toBe(false);
    expect(needsRedraw(drawn, pinched(0.9), around, phone)).toBe(false);
    // Past 1.5× the pixels blur; zoomed out past the margin the screen's edges would be empty.
    expect(needsRedraw(drawn, pinched(1.6), around, phone)).toBe(true);
    expect(needsRedraw(drawn, pinched(0.75), around, phone)).toBe(true);
    // The fingers also pan: past the margin, drawn again.
    expect(needsRedraw(drawn, { ...pinched(1.1), x: pinched(1.1).x + 150 }, around, phone)).toBe(
      true,
    );
    // Not pinching (a wheel, the zoom buttons, a glide): every zoom is drawn at once, as before.
    expect(needsRedraw(drawn, pinched(1.01), around)).toBe(true);
  });

  it('moves a painted stage to where the live camera shows each world point', () => {
    const painted: Camera = { x: -500, y: 300, zoom: 0.5 };
    const world = { x: 1234, y: -87 };
    const onCanvas = worldToScreen(painted, world);
    // A pan: a translation only.
    const panned: Camera = { x: -640, y: 355, zoom: 0.5 };
    const moved = surfaceTransform(painted, panned);
    expect(moved).toBe('translate(-140px, 55px)');
    expect(applyTransform(moved, onCanvas)).toEqual(worldToScreen(panned, world));
    // A zoom not yet redrawn: translation and scale.
    const zoomed: Camera = { x: -900, y: 120, zoom: 0.8 };
    const shown = applyTransform(surfaceTransform(painted, zoomed), onCanvas);
    const expected = worldToScreen(zoomed, world);
    expect(shown.x).toBeCloseTo(expected.x, 6);
    expect(shown.y).toBeCloseTo(expected.y, 6);
    expect(surfaceTransform(painted, painted)).toBe('translate(0px, 0px)');
  });

  it('mounts what the stage covers: the viewport plus the margin, at the drawn camera', () => {
    const drawn: Camera = { x: -14926, y: -12705, zoom: 2 };
    const rect = stageWorldRect(drawn, viewport, margin);
    const topLeft = screenToWorld(drawn, { x: -margin.x, y: -margin.y });
    const bottomRight = screenToWorld(drawn, {
      x: viewport.width + margin.x,
      y: viewport.height + margin.y,
    });
    expect(rect.x).toBeLessThanOrEqual(topLeft.x);
    expect(rect.y).toBeLessThanOrEqual(topLeft.y);
    expect(rect.x + rect.width).toBeGreaterThanOrEqual(bottomRight.x);
    expect(rect.y + rect.height).toBeGreaterThanOrEqual(bottomRight.y);
    // A few pixels of slack for shadows, not another screen.
    expect(rect.width).toBeLessThan(bottomRight.x - topLeft.x + 20 / drawn.zoom);
  });

  it('moves the dot grid by less than one step, whatever the camera', () => {
    expect(dotGridStep(1)).toBe(32);
    expect(dotGridStep(0.05)).toBe(25.6); // 1.6 → 6.4 → 25.6: coarser far out
    const step = dotGridStep(1);
    for (const x of [-14926.5, -32, 0, 31.9, 700]) {
      const offset = dotGridOffset({ x, y: x, zoom: 1 }, step);
      expect(offset.x).toBeGreaterThanOrEqual(0);
      expect(offset.x).toBeLessThan(step);
      // Same dots as the camera would place: offset ≡ camera.x (mod step).
      expect(Math.abs(((x - offset.x) / step) % 1)).toBeCloseTo(0, 9);
    }
  });
});
