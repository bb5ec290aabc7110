// @carton/render — boards drawn as SVG, without a DOM: for PNG export on the server, print and
// "save as SVG" in the editor. See ../README.md (font, how the web loads it).
export type { RenderFonts } from './font/fonts.ts';
export { fontFamily, measure } from './font/fonts.ts';
export type { FontMetrics } from './font/ttf.ts';
export { FontParseError, parseFontMetrics } from './font/ttf.ts';
export type { RenderedSvg, RenderOptions, RenderScope } from './render.ts';
export { renderSvg } from './render.ts';
export type { BadgeRect, VoteBadge } from './votes/badges.ts';
export {
  badgePlace,
  VOTE_BADGE_FILL,
  voteBadges,
  voteBadgeSize,
  voteBadgesSvg,
  withBadges,
} from './votes/badges.ts';
export type { MeasureWidth, TextLayout, WrappedLine } from './text/wrap.ts';
export {
  fitFontSize,
  keepPunctuationAttached,
  layoutText,
  LINE_HEIGHT,
  wrapText,
} from './text/wrap.ts';
export { CARTON_TITLE_BAND, NOTE_PADDING, noteFontSize } from './shapes/boxes.ts';
export {
  embeddedOrientation,
  jpegOrientation,
  ORIENTATION_PROBE_BYTES,
} from './shapes/orientation.ts';
export { strokeOutline } from './shapes/lines.ts';
export {
  CANVAS_BACKGROUND,
  CARTON_BORDER,
  CARTON_FILL,
  INK,
  NOTE_FILL,
  ink,
  noteFill,
} from './theme/colors.ts';
export type { TextOutline } from './theme/textInk.ts';
export {
  TEXT_INK,
  TEXT_OUTLINE_INK,
  TEXT_OUTLINE_WIDTH,
  textInk,
  textOutline,
} from './theme/textInk.ts';
