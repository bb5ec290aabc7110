// Where the camera goes when a text editor opens on a shape drawn too small to read: a phone's
// fit-all (~20 %) drew a note's editor in 7 px type, so a newcomer could not read what they
// typed. The camera zooms to the shape's reading zoom (as far as the shape fits) and puts the
// shape near the top of the free area, above where a phone's keyboard rises.
import { clampZoom, type Camera } from './camera';
import type { Rect } from './rect';

/** Screen pixels kept between the shape and the free area's edges. */
const MARGIN = 12;

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
  const zoom = clampZoom(
    Math.min(
      readingZoom,
      (area.width - MARGIN * 2) / Math.max(1, bounds.width),
      (area.height - MARGIN * 2) / Math.max(1, bounds.height),
    ),
  );
  if (zoom <= camera.zoom) return null;
  return {
    x: area.x + area.width / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: area.y + MARGIN - bounds.y * zoom,
    zoom,
  };
}
