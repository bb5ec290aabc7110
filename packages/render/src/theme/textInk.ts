import type { InkColor } from '@carton/board';

/**
 * The colour a text shape's letters are drawn in, for each ink name. Strokes, outlines, arrows
 * and stamps keep the bright reference colours (INK_COLOR_HEX); words need more: a carton is
 * projected and read from the back of a room, and participants with low vision read it too.
 *
 * Each name is a darker shade of its own hue (as editors' palettes offer « dark yellow » and the
 * like), dark enough to read at 4.5:1 or more (WCAG 1.4.3, body-size text) on every paper a text
 * can sit on: the board, the carton and each note colour (the violet and pink notes are the
 * darkest). Yellow and orange turn gold-brown and rust: there is no light yellow that reads on
 * cream paper, and a shade of the same hue stays the person's choice where an outline around
 * bright yellow would clutter small letters. The shades sit apart from each other: grey stays
 * lighter than black, orange redder than yellow.
 */
export const TEXT_INK: Readonly<Record<InkColor, string>> = {
  black: '#1d1d1f',
  grey: '#545454',
  red: '#a51c1c',
  orange: '#933500',
  yellow: '#665200',
  green: '#1b5e20',
  blue: '#0d47a1',
  violet: '#6a1b9a',
  pink: '#a0124f',
  white: '#ffffff',
};

/** The letters' colour for an ink name (black for a name this version does not know). */
export const textInk = (name: string): string =>
  (TEXT_INK as Readonly<Record<string, string>>)[name] ?? TEXT_INK.black;

/** The outline drawn around white letters (see textOutline). */
export const TEXT_OUTLINE_INK = '#2b2b2b';

/**
 * The outline's full stroke width as a share of the font size. Half of it shows (the letters are
 * filled over its inner half): 1.3 px around 22 px letters, 2.6 px around a 44 px heading.
 */
export const TEXT_OUTLINE_WIDTH = 0.12;

export interface TextOutline {
  readonly color: string;
  /** Stroke width in board units, drawn under the fill (paint-order stroke). */
  readonly width: number;
}

/**
 * White letters keep their white and get a thin dark outline: a darker white is a grey, which
 * would read as the grey ink and no longer as the person's white. The outline is what the eye
 * reads on light paper (WCAG's Understanding 1.4.3 measures outlined text by its outline's
 * colour), and white letters on a dark filled rectangle still read by their own white.
 */
export function textOutline(name: string, fontSize: number): TextOutline | null {
  if (name !== 'white') return null;
  return { color: TEXT_OUTLINE_INK, width: fontSize * TEXT_OUTLINE_WIDTH };
}
