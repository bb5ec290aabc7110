// Where another participant's name sits beside their cursor: below right of the arrow, or
// flipped to its left (or above it) near the screen's right (or bottom) edge, so the name is
// never cut off by the edge (« Marc-André » ran off a phone's side).

export interface LabelSize {
  width: number;
  height: number;
}

/** Offset of the label's top-left corner from the cursor's tip, in screen pixels. */
export interface LabelOffset {
  left: number;
  top: number;
}

/** Below right of the tip, clear of the 18×22 arrow (the default). */
export const LABEL_OFFSET: LabelOffset = { left: 14, top: 18 };
/** Space kept between the label and the screen's edge. */
const EDGE = 4;
/** Gap between the tip and a label flipped to its left or above it. */
const FLIP_GAP = 6;

export function cursorLabelOffset(
  tip: { x: number; y: number },
  label: LabelSize,
  viewport: { width: number; height: number },
): LabelOffset {
  // Off screen, the cursor and its name are clipped together.
  const onScreen = tip.x >= 0 && tip.x <= viewport.width && tip.y >= 0 && tip.y <= viewport.height;
  if (!onScreen) return LABEL_OFFSET;
  let left = LABEL_OFFSET.left;
  if (tip.x + left + label.width > viewport.width - EDGE) left = -label.width - FLIP_GAP;
  // A name wider than either side (a long name on a narrow phone): as much of it as fits.
  const x = Math.min(Math.max(tip.x + left, EDGE), viewport.width - EDGE - label.width);
  left = Math.max(x, EDGE) - tip.x;
  let top = LABEL_OFFSET.top;
  if (tip.y + top + label.height > viewport.height - EDGE) top = -label.height - FLIP_GAP;
  return { left, top };
}
