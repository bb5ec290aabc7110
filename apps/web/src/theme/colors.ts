// Named colours of the model mapped to the screen theme (the model stores names, never hex). The
// canvas and every export draw with the same values: they live in @carton/render.
export {
  CANVAS_BACKGROUND,
  CARTON_BORDER,
  CARTON_FILL,
  INK,
  NOTE_FILL,
  ink,
  noteFill,
  textInk,
  textOutline,
} from '@carton/render';

export const SELECTION_COLOR = '#1e88e5';

/**
 * The arrow tool's chosen start (a dashed outline): another colour than the selection's blue, so
 * « start chosen » reads apart from « selected », at 3:1 or more on the board (WCAG 1.4.11).
 */
export const ARROW_START_COLOR = '#c2185b';
