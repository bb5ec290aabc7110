// Camera math: screen = world * zoom + offset. Pure functions, no DOM.
import type { Point, Rect } from './rect';

export interface Camera {
  /** Screen position of the world origin, in CSS pixels. */
  x: number;
  y: number;
  zoom: number;
}
export interface Viewport {
  width: number;
  height: number;
}

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 8;
export const DEFAULT_CAMERA: Camera = { x: 0, y: 0, zoom: 1 };

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

export function screenToWorld(camera: Camera, p: Point): Point {
  return { x: (p.x - camera.x) / camera.zoom, y: (p.y - camera.y) / camera.zoom };
}

export function worldToScreen(camera: Camera, p: Point): Point {
  return { x: p.x * camera.zoom + camera.x, y: p.y * camera.zoom + camera.y };
}

/** The part of the world visible in the viewport. */
export function visibleWorldRect(camera: Camera, viewport: Viewport): Rect {
  const topLeft = screenToWorld(camera, { x: 0, y: 0 });
  return {
    x: topLeft.x,
    y: topLeft.y,
    width: viewport.width / camera.zoom,
    height: viewport.height / camera.zoom,
  };
}

/** Zooms to `zoom` keeping the world point under `screenPoint` fixed (wheel and pinch zoom). */
export function zoomAt(camera: Camera, screenPoint: Point, zoom: number): Camera {
  const next = clampZoom(zoom);
  const world = screenToWorld(camera, screenPoint);
  return { x: screenPoint.x - world.x * next, y: screenPoint.y - world.y * next, zoom: next };
}

/** Wheel delta (pixels) to a zoom factor: smooth for trackpads, bounded for mouse wheels. */
export function wheelZoomFactor(deltaY: number): number {
  const clamped = Math.max(-100, Math.min(100, deltaY));
  return Math.exp(-clamped / 300);
}

export function panBy(camera: Camera, dx: number, dy: number): Camera {
  return { ...camera, x: camera.x + dx, y: camera.y + dy };
}

/** The camera that shows `bounds` centred in the viewport with `padding` screen pixels around. */
export function fitBounds(bounds: Rect, viewport: Viewport, padding = 48, maxZoom = 2): Camera {
  const availableW = Math.max(1, viewport.width - padding * 2);
  const availableH = Math.max(1, viewport.height - padding * 2);
  const zoom = clampZoom(
    Math.min(
      maxZoom,
      availableW / Math.max(1, bounds.width),
      availableH / Math.max(1, bounds.height),
    ),
  );
  const cx = bounds.x + bounds.width / 2;
  const cy = bounds.y + bounds.height / 2;
  return { x: viewport.width / 2 - cx * zoom, y: viewport.height / 2 - cy * zoom, zoom };
}

/** The camera whose centre is at world point `center` (used to follow someone). */
export function centerOn(center: Point, viewport: Viewport, zoom: number): Camera {
  const z = clampZoom(zoom);
  return { x: viewport.width / 2 - center.x * z, y: viewport.height / 2 - center.y * z, zoom: z };
}

/** The world point at the centre of the viewport. */
export function cameraCenter(camera: Camera, viewport: Viewport): Point {
  return screenToWorld(camera, { x: viewport.width / 2, y: viewport.height / 2 });
}

/** Pinch: zoom by the ratio of finger distances around their midpoint, and pan with it. */
export function pinch(
  start: Camera,
  startMid: Point,
  startDistance: number,
  mid: Point,
  dist: number,
): Camera {
  const zoomed = zoomAt(start, startMid, start.zoom * (dist / Math.max(1, startDistance)));
  return panBy(zoomed, mid.x - startMid.x, mid.y - startMid.y);
}

export function zoomPercent(camera: Camera): number {
  return Math.round(camera.zoom * 100);
}
