// How large a raster export may be. Chromium refuses canvases past 32,767 px a side or
// 268,435,456 px (16,384²) in all, and Firefox and Safari stop near 16,384 a side: a refused
// canvas draws nothing, silently. So the scale is clamped before drawing, and the UI says so.

export const MIN_EXPORT_SCALE = 1;
export const MAX_EXPORT_SCALE = 4;
export const DEFAULT_EXPORT_SCALE = 2;
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_AREA = 268_435_456;

export interface ClampedScale {
  /** The scale to draw at (output pixels per board unit). */
  readonly scale: number;
  /** Output size at that scale (the box × scale, rounded up). */
  readonly width: number;
  readonly height: number;
  /** True when the requested scale did not fit and was lowered. */
  readonly reduced: boolean;
}

/** Output size of a box at a scale, as the canvas is allocated (rounded up, at least 1 px). */
export function outputSize(box: { w: number; h: number }, scale: number) {
  return {
    width: Math.max(1, Math.ceil(box.w * scale)),
    height: Math.max(1, Math.ceil(box.h * scale)),
  };
}

/**
 * The largest scale ≤ `requested` at which `box` (board units) fits the canvas limits. The
 * requested scale is first kept within 1×–4×; a reduced scale is rounded down to 1/100 so the
 * message shows a readable figure, and may fall below 1× for a huge board.
 */
export function clampScale(
  box: { w: number; h: number },
  requested: number,
  limits: { side: number; area: number } = { side: MAX_CANVAS_SIDE, area: MAX_CANVAS_AREA },
): ClampedScale {
  const wanted = Math.min(
    MAX_EXPORT_SCALE,
    Math.max(MIN_EXPORT_SCALE, Number.isFinite(requested) ? requested : DEFAULT_EXPORT_SCALE),
  );
  const w = Math.max(1, box.w);
  const h = Math.max(1, box.h);
  const fits = (s: number) => {
    const size = outputSize({ w, h }, s);
    return (
      size.width <= limits.side &&
      size.height <= limits.side &&
      size.width * size.height <= limits.area
    );
  };
  if (fits(wanted)) return { scale: wanted, ...outputSize({ w, h }, wanted), reduced: false };
  let scale = Math.min(wanted, limits.side / w, limits.side / h, Math.sqrt(limits.area / (w * h)));
  scale = Math.floor(scale * 100) / 100;
  // Rounding up the pixel size can still cross a limit by one pixel: step down until it fits.
  while (scale > 0.01 && !fits(scale)) scale = Math.round((scale - 0.01) * 100) / 100;
  scale = Math.max(0.01, scale);
  return { scale, ...outputSize({ w, h }, scale), reduced: true };
}
