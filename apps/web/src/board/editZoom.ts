// On a phone, a note opened for writing is brought to a legible size above the on-screen
// keyboard, and the view goes back when its editor closes. At a phone's fitted zoom a note's
// text was ~19 px and its box a third of the screen: the person wrote into a small box, and
// the keyboard (about the lower half of the screen) could cover it.
import { clampZoom, type Camera } from '../geometry/camera';
import { cameraPlaced, cameraZoomedTo, EDIT_MARGIN } from '../geometry/editCamera';
import type { Rect } from '../geometry/rect';

/** Text smaller than this on screen (px) is hard to read while writing on a phone. */
export const LEGIBLE_TEXT_PX = 28;
/** A box narrower than this part of the screen is a small box to write into. */
export const LEGIBLE_BOX_SHARE = 0.45;
/** The box's share of the free width it is brought to: comfortable, with the carton around. */
const TARGET_BOX_SHARE = 0.6;
/** Screen pixels kept between the note and the free area's edges (as for any shape edited). */
const MARGIN = EDIT_MARGIN;
/** The share of a phone's screen its keyboard leaves above it (before it has risen). */
const ABOVE_KEYBOARD = 0.55;

/**
 * The camera showing a note (world `bounds`, text drawn at `fontSize` world units) legibly in
 * `area` (the screen part free of header, toolbar and keyboard), near its top; `null` when it
 * already is legible and in the area. A legible note the keyboard would cover is only brought
 * up; one that cannot be drawn larger is made whole in the area as refitAboveKeyboard does.
 */
export function legibleNoteCamera(
  camera: Camera,
  bounds: Rect,
  fontSize: number,
  area: Rect,
): Camera | null {
  const textPx = fontSize * camera.zoom;
  const boxPx = bounds.width * camera.zoom;
  const legible = textPx >= LEGIBLE_TEXT_PX && boxPx >= area.width * LEGIBLE_BOX_SHARE;
  const top = camera.y + bounds.y * camera.zoom;
  const bottom = top + bounds.height * camera.zoom;
  const inSight = top >= area.y && bottom <= area.y + area.height;
  if (legible && inSight) return null;
  // Never zoomed out: a legible note the keyboard would cover is only brought up.
  if (legible) return { ...camera, y: area.y + MARGIN - bounds.y * camera.zoom };
  const wanted = Math.max(
    LEGIBLE_TEXT_PX / Math.max(1, fontSize),
    (area.width * TARGET_BOX_SHARE) / Math.max(1, bounds.width),
  );
  // A phone held sideways: a 200 px note at 100 % is taller than the strip above where the
  // keyboard rises (~160 px), so no zoom brings it closer; it stayed as it was, its lower part
  // under the keyboard and the selection's panel. Seeing the note one writes into comes first.
  return cameraZoomedTo(camera, bounds, wanted, area) ?? refitAboveKeyboard(camera, bounds, area);
}

/**
 * The camera keeping an open note (world `bounds`) whole in `area` once the keyboard has come up
 * late, taller than assumed, or the phone turned: `null` while it is in sight. Only ever closer
 * to what is needed: brought up as it is when it fits, else drawn smaller until it does (seeing
 * the note one writes into comes before its size), never zoomed in.
 */
export function refitAboveKeyboard(camera: Camera, bounds: Rect, area: Rect): Camera | null {
  const left = camera.x + bounds.x * camera.zoom;
  const top = camera.y + bounds.y * camera.zoom;
  const right = left + bounds.width * camera.zoom;
  const bottom = top + bounds.height * camera.zoom;
  const inSight =
    top >= area.y &&
    bottom <= area.y + area.height &&
    left >= area.x &&
    right <= area.x + area.width;
  if (inSight) return null;
  const fits = Math.min(
    (area.width - MARGIN * 2) / Math.max(1, bounds.width),
    (area.height - MARGIN * 2) / Math.max(1, bounds.height),
  );
  if (fits >= camera.zoom) {
    // Fits as drawn: only moved, across as little as it takes, up near the area's top.
    const dx =
      left < area.x + MARGIN
        ? area.x + MARGIN - left
        : Math.min(0, area.x + area.width - MARGIN - right);
    return { ...camera, x: camera.x + dx, y: area.y + MARGIN - bounds.y * camera.zoom };
  }
  return cameraPlaced(bounds, clampZoom(fits), area);
}

/**
 * Where a phone's keyboard top is, in page pixels: the visual viewport's bottom once it is up,
 * and before it rises (it comes up with the focus, as the camera moves) about the upper part
 * of the screen.
 */
export function keyboardTop(screenHeight: number, visibleBottom: number): number {
  return Math.min(visibleBottom, screenHeight * ABOVE_KEYBOARD);
}

/** `area` cut at `top` (the keyboard's top, in the same coordinates). */
export function aboveKeyboard(area: Rect, top: number): Rect {
  return { ...area, height: Math.max(100, Math.min(area.height, top - area.y)) };
}

/** The camera between `from` and `to` at `t` in [0, 1], eased out (fast, then settling). */
export function cameraBetween(from: Camera, to: Camera, t: number): Camera {
  if (t <= 0) return from;
  if (t >= 1) return to;
  const k = 1 - (1 - t) ** 3;
  // Interpolating the zoom geometrically keeps the motion even whichever way it goes.
  const zoom = from.zoom * (to.zoom / from.zoom) ** k;
  // The world point at the screen's origin moves linearly in world space, as it does in a pan.
  const wx = -from.x / from.zoom + (-to.x / to.zoom + from.x / from.zoom) * k;
  const wy = -from.y / from.zoom + (-to.y / to.zoom + from.y / from.zoom) * k;
  return { x: -wx * zoom, y: -wy * zoom, zoom };
}
