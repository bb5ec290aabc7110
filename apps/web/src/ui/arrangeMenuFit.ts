// Keeping « Aligner »'s menu on screen. It opens above the chosen shapes' panel, centred on it;
// on a small phone that panel is tall (colours, actions, size and place) and the menu ran off the
// top of the screen, and a panel moved aside (« Contenu » open) could bring it near a side.

export interface MenuBox {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface MenuFit {
  /** Pixels to slide the menu sideways (negative: to the left) to bring it inside the screen. */
  readonly shift: number;
  /** A height cap when the room above the panel is short (the menu then scrolls), or null. */
  readonly maxHeight: number | null;
}

/** Two rows of items at least, however short the room: a cap below that would be useless. */
const MIN_HEIGHT = 120;

/**
 * How to fit the menu's natural `box` (as laid out, in screen pixels) into a screen of `width` ×
 * `height` (`width`: where the free part of the screen ends, « Contenu » beside it), keeping
 * `margin` pixels clear of each edge: centred over `anchorX` (its button: the panel's middle can
 * be far from it on a laptop), slid back inside (its left edge wins when it is wider than the
 * room) and, when its top would be above the screen, capped in height with its bottom kept by
 * the panel.
 */
export function fitMenu(
  box: MenuBox,
  screen: { readonly width: number; readonly height: number },
  anchorX: number | null = null,
  margin = 8,
): MenuFit {
  let shift = anchorX === null ? 0 : anchorX - (box.left + box.right) / 2;
  if (box.right + shift > screen.width - margin) shift = screen.width - margin - box.right;
  if (box.left + shift < margin) shift = margin - box.left;
  const maxHeight = box.top < margin ? Math.max(MIN_HEIGHT, Math.floor(box.bottom - margin)) : null;
  return { shift, maxHeight };
}
