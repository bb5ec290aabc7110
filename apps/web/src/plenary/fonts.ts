// Metrics of the bundled typeface for @carton/render (text wraps like the editor's). They ship
// with the code (fontMetrics.ts, generated from the TTFs): the projector and the plenary's mosaic
// no longer fetch the whole TTFs (2 × 26 KB) beside the latin faces the page draws with
// (shapes/common/loadFonts.ts).
import type { RenderFonts } from '@carton/render';
import { TYPEFACE_METRICS } from './fontMetrics';

export function loadRenderFonts(): Promise<RenderFonts> {
  return Promise.resolve(TYPEFACE_METRICS);
}
