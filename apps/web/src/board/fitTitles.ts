// Fitting shapes to the screen with room for the cartons' far titles: below LOW_DETAIL_ZOOM each
// carton's title is drawn in a band above its frame (CartonFarTitle), which its bounds do not
// hold; a fit that lands that far out fits again with the bands, so no title is cut off at the
// top (a phone's fit-all of a territory board lands near 23 %). Nearer, the title is drawn inside
// the carton and the fit is unchanged (a laptop's fit-all stays as it was).
import type { Shape } from '@carton/board';
import { fitBounds, type Camera, type Viewport } from '../geometry/camera';
import { unionRects, type Rect } from '../geometry/rect';
import { farTitleBounds } from '../shapes/carton/CartonFarTitle';
import { LOW_DETAIL_ZOOM } from './useVisibleIds';

/** `bounds` grown by the far-title bands of the cartons among `shapes`. */
export function withFarTitles(bounds: Rect, shapes: readonly Shape[]): Rect {
  const bands = shapes.flatMap((s) => (s.type === 'carton' ? (farTitleBounds(s) ?? []) : []));
  return unionRects([bounds, ...bands]) ?? bounds;
}

/** fitBounds, again with the far titles when the first fit draws them (see above). */
export function fitWithFarTitles(
  bounds: Rect,
  shapes: readonly Shape[],
  area: Viewport,
  padding: number,
  maxZoom: number,
): Camera {
  const camera = fitBounds(bounds, area, padding, maxZoom);
  if (camera.zoom >= LOW_DETAIL_ZOOM) return camera;
  return fitBounds(withFarTitles(bounds, shapes), area, padding, maxZoom);
}
