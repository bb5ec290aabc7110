// Panning without redrawing: the Konva stage is larger than the viewport by a margin and drawn at
// a "drawn camera"; while the live camera pans within that margin, a CSS transform on the stage's
// container follows it and nothing is redrawn. Pure math here; usePanSurface wires it to the DOM.
import type { Camera, Viewport } from '../geometry/camera';
import type { Rect } from '../geometry/rect';

export interface Margin {
  x: number;
  y: number;
}

/**
 * The stage's margin around the viewport, in CSS pixels. A quarter of the shorter side: a pan
 * commits a redraw every ~200 px on a laptop, and a phone's canvases (×3 device pixels) stay
 * well under three times the viewport's area.
 */
export function surfaceMargin(viewport: Viewport): Margin {
  const m = Math.round(Math.min(384, Math.max(64, Math.min(viewport.width, viewport.height) / 4)));
  return { x: m, y: m };
}

/** The stage's size: the viewport and its margin on every side. */
export function stageSize(viewport: Viewport, margin: Margin): Viewport {
  return { width: viewport.width + 2 * margin.x, height: viewport.height + 2 * margin.y };
}

/**
 * How much a pinch may enlarge the canvases' pixels (CSS-scaled) before they are drawn again: past
 * it the writing blurs. Zooming out, the drawn stage must still cover the screen.
 */
export const PINCH_SCALE_MAX = 1.5;

/**
 * The stage is drawn again at the live camera when it panned past the margin or zoomed. During a
 * pinch (`pinching`: the screen's size), a zoom is shown by scaling the drawn canvases while they
 * still cover the screen and are enlarged at most PINCH_SCALE_MAX times; the view coming to rest
 * draws it sharp. Drawn on every finger's move, a slow phone's pinch redrew the three layers
 * several times a frame (bench/phone/crowd.mjs: 16 frames a second at 4× CPU).
 */
export function needsRedraw(
  drawn: Camera,
  live: Camera,
  margin: Margin,
  pinching?: Viewport,
): boolean {
  if (drawn.zoom === live.zoom)
    return Math.abs(live.x - drawn.x) > margin.x || Math.abs(live.y - drawn.y) > margin.y;
  if (!pinching || live.zoom / drawn.zoom > PINCH_SCALE_MAX) return true;
  // The screen's corners, in world units, inside the world rectangle the stage was drawn for.
  const world = (camera: Camera, x: number, y: number) => ({
    x: (x - camera.x) / camera.zoom,
    y: (y - camera.y) / camera.zoom,
  });
  const stageMin = world(drawn, -margin.x, -margin.y);
  const stageMax = world(drawn, pinching.width + margin.x, pinching.height + margin.y);
  const viewMin = world(live, 0, 0);
  const viewMax = world(live, pinching.width, pinching.height);
  return (
    viewMin.x < stageMin.x ||
    viewMin.y < stageMin.y ||
    viewMax.x > stageMax.x ||
    viewMax.y > stageMax.y
  );
}

export function sameCamera(a: Camera, b: Camera): boolean {
  return a.x === b.x && a.y === b.y && a.zoom === b.zoom;
}

/**
 * The CSS transform (origin at the viewport's top left) that shows a stage painted at `painted`
 * as the live camera sees it: a world point p painted at p·zp + cp lands at p·zl + cl.
 */
export function surfaceTransform(painted: Camera, live: Camera): string {
  const scale = live.zoom / painted.zoom;
  const tx = live.x - painted.x * scale;
  const ty = live.y - painted.y * scale;
  return scale === 1
    ? `translate(${tx}px, ${ty}px)`
    : `translate(${tx}px, ${ty}px) scale(${scale})`;
}

/**
 * The world rectangle the stage covers at the drawn camera (viewport plus margin, plus a few
 * pixels for shadows that overhang a shape's bounds): what is mounted and drawn.
 */
export function stageWorldRect(drawn: Camera, viewport: Viewport, margin: Margin): Rect {
  const pad = 8;
  return {
    x: (-margin.x - pad - drawn.x) / drawn.zoom,
    y: (-margin.y - pad - drawn.y) / drawn.zoom,
    width: (viewport.width + 2 * (margin.x + pad)) / drawn.zoom,
    height: (viewport.height + 2 * (margin.y + pad)) / drawn.zoom,
  };
}

/** Spacing of the background dot grid, in CSS pixels: coarser far out, not a grey haze. */
export function dotGridStep(zoom: number): number {
  let step = 32 * zoom;
  while (step < 12) step *= 4;
  return step;
}

/** Offset in [0, step) of the dot grid for a camera: the grid element moves by this only. */
export function dotGridOffset(camera: Camera, step: number): { x: number; y: number } {
  const wrap = (v: number) => ((v % step) + step) % step;
  return { x: wrap(camera.x), y: wrap(camera.y) };
}
