// The board's own band on a page whose chrome takes most of the window (text enlarged: a phone at
// 150–200 %, a laptop at 300–400 %). The header's rows and the forum kit at the top, the people's
// pill and « ? » under them, the toolbar's rows at the bottom: fitted in what they left, the
// carton was drawn a few centimetres wide (a 114 px strip beside the pill at 400 % on a
// 1280 × 1024 screen, 223 px on a phone at 150 %). There the page grows and scrolls up and down
// (useChromeStack's data-tall) and the board gets a band as tall as the window below the pill,
// above the toolbar: scrolled to it, the board fills the window as it does at 100 %, where the
// chrome floats over it; scrolled to the bottom, the band's end and the tools share the window.
// Every control stays in the page, reached by scrolling or the keyboard.

/** Below this share of the window's height between the top chrome and the bottom one, the board has no room of its own. */
export const BOARD_BAND_SHARE = 0.4;

export interface ChromeHeights {
  /** From the page's top to where the board may start: the header, the kit and a gap (px). */
  top: number;
  /** The people's pill and « ? » floating at the right under the top (0 where none floats). */
  column: number;
  /** From the top of what stacks up from the bottom (the toolbar, the hint, the selection's
   *  panel, the vote's banner…) to the page's bottom (px). */
  bottom: number;
  /** The same for the toolbar alone: what comes and goes above it (the first visit's hint, a
   *  note chosen, a vote opened) floats over the board, on a phone at 100 % too. */
  tools: number;
  /** Space kept between the floating column and the band below it (px). */
  gap: number;
}

/**
 * The height the board page grows to in a window `windowHeight` tall, or null where the page
 * fits the window: its chrome fits one above the other and leaves the board, between the top
 * and the tools, at least BOARD_BAND_SHARE of the window (the pill and « ? » float at its side).
 */
export function tallPageHeight(windowHeight: number, chrome: ChromeHeights): number | null {
  const { top, column, bottom, tools, gap } = chrome;
  const between = windowHeight - top - tools;
  const fits = top + column + bottom <= windowHeight + 0.5;
  if (fits && between >= windowHeight * BOARD_BAND_SHARE) return null;
  return Math.ceil(top + (column > 0 ? column + gap : 0) + windowHeight + bottom);
}
