// Where the camera goes when a text editor opens on a shape drawn too small to read: a phone's
// fit-all (~20 %) drew a note's editor in 7 px type, so a newcomer could not read what they
// typed. The camera zooms to the shape's reading zoom (as far as the shape fits) and puts the
// shape near the top of the free area, above where a phone's keyboard rises.
import { clampZoom, type Camera } from './camera';
import type { Rect } from './rect';

/** Screen pixels kept between the shape and the free area's edges. */
export const EDIT_MARGIN = 12;

/**
 * The camera for editing a shape with bounds `bounds` whose text reads well at `readingZoom`
 * (e.g. 1 for a note, 16 px / font size for a heading), inside `area` (the canvas part not
 * under the header and toolbar, in screen pixels). `null` keeps the camera: the text is already
 * at least half its reading size, or the shape cannot be drawn any larger.
 */
export function cameraForEditing(
  camera: Camera,
  bounds: Rect,
  readingZoom: number,
  area: Rect,
): Camera | null {
  if (camera.zoom >= readingZoom / 2) return null;
  return cameraZoomedTo(camera, bounds, readingZoom, area);
}

/**
 * The camera at `wanted` zoom (or less, so the shape fits `area`) with the shape centred across
 * the area and near its top; `null` if that zoom is no closer than the camera's.
 */
export function cameraZoomedTo(
  camera: Camera,
  bounds: Rect,
  wanted: number,
  area: Rect,
): Camera | null {
  const zoom = clampZoom(
    Math.min(
      wanted,
      (area.width - EDIT_MARGIN * 2) / Math.max(1, bounds.width),
      (area.height - EDIT_MARGIN * 2) / Math.max(1, bounds.height),
    ),
  );
  if (zoom <= camera.zoom) return null;
  return cameraPlaced(bounds, zoom, area);
}

/** The camera at `zoom` with the shape centred across `area` and near its top. */
export function cameraPlaced(bounds: Rect, zoom: number, area: Rect): Camera {
  return {
    x: area.x + area.width / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: area.y + EDIT_MARGIN - bounds.y * zoom,
    zoom,
  };
}
