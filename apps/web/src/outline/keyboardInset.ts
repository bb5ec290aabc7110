// « Contenu » on a phone is a bottom sheet; its search field brings up the on-screen keyboard,
// which covers the lower part of the screen without resizing the page (Chrome on Android, Safari
// on iOS): the results sat under the keyboard, only the field and « 3 résultats » in sight. The
// visual viewport tells how much the keyboard covers; the sheet then stands on the keyboard, as
// tall as the visible part allows less a strip of the board.

export interface VisibleArea {
  /** The visual viewport's height and its top within the page's layout viewport (CSS px). */
  readonly height: number;
  readonly offsetTop: number;
}

export interface SheetPlace {
  /** Distance of the sheet's bottom edge above the layout viewport's bottom: the keyboard's height. */
  readonly bottom: number;
  /** The sheet's height at most. */
  readonly maxHeight: number;
}

/** Less than this hidden at the bottom is a browser's bar coming and going, not a keyboard. */
const KEYBOARD_MIN = 80;
/** The board kept in sight above the sheet. */
const BOARD_STRIP = 48;
/** The sheet's header, field and three lines, however small the visible part. */
const SHEET_MIN = 200;

/** Where the sheet goes while a keyboard covers the bottom of a `layoutHeight` page; null: none. */
export function sheetAboveKeyboard(layoutHeight: number, visible: VisibleArea): SheetPlace | null {
  const bottom = Math.round(layoutHeight - (visible.offsetTop + visible.height));
  if (bottom < KEYBOARD_MIN) return null;
  return { bottom, maxHeight: Math.max(SHEET_MIN, Math.floor(visible.height - BOARD_STRIP)) };
}

/**
 * Keeps `panel`'s --sheet-bottom and --sheet-height (read by the phone's sheet in outline.css) on
 * the keyboard while the visual viewport changes; returns the unsubscribe.
 */
export function followKeyboard(panel: HTMLElement): () => void {
  const viewport = window.visualViewport;
  if (!viewport) return () => {};
  const update = () => {
    const place = sheetAboveKeyboard(window.innerHeight, viewport);
    if (place) {
      panel.style.setProperty('--sheet-bottom', `${place.bottom}px`);
      panel.style.setProperty('--sheet-height', `${place.maxHeight}px`);
    } else {
      panel.style.removeProperty('--sheet-bottom');
      panel.style.removeProperty('--sheet-height');
    }
  };
  update();
  viewport.addEventListener('resize', update);
  viewport.addEventListener('scroll', update);
  return () => {
    viewport.removeEventListener('resize', update);
    viewport.removeEventListener('scroll', update);
  };
}
