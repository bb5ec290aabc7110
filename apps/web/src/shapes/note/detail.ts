// Level of detail of a note, by its size on screen: below LOW_DETAIL_ZOOM notes are plain blocks,
// except those still wide enough on screen to read. A phone's zoom-to-fit (~23 %) shows a
// default note 46 px wide: its text stays. A narrower phone's (320 px: ~19 %, 38 px) draws grey
// lines where the text is, so a written note is told from an empty one.

/** A note whose on-screen width reaches this many CSS pixels is drawn with its text. */
export const NOTE_TEXT_MIN_PX = 40;

/**
 * The narrowest note (world units) whose text is drawn at `zoom`. The zoom is snapped down to
 * quarter octaves: the value changes in steps (each re-renders the mounted shapes), never
 * against a note narrower than NOTE_TEXT_MIN_PX on screen.
 */
export function noteTextMinWidth(zoom: number): number {
  const snapped = 2 ** (Math.floor(Math.log2(zoom) * 4) / 4);
  return NOTE_TEXT_MIN_PX / snapped;
}

/**
 * A note this narrow on screen (CSS pixels), too narrow to read, still shows grey lines where its
 * text is; narrower still (a big board's fit-all), a plain block.
 */
export const NOTE_MARKS_MIN_PX = 16;

/** One grey line standing for a line of text, in the note's own coordinates. */
export interface TextMark {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The lines' widths, as a share of the note's: ragged as centred text is. */
const MARK_WIDTHS = [0.72, 0.56, 0.64] as const;
/** Characters a line stands for (a default note holds ~15 a line at its largest size). */
const CHARACTERS_PER_MARK = 16;

/** One to three grey lines standing for a note's text, centred as the text is; none if empty. */
export function noteTextMarks(text: string, w: number, h: number): TextMark[] {
  const length = text.trim().length;
  if (length === 0) return [];
  const count = Math.min(MARK_WIDTHS.length, Math.ceil(length / CHARACTERS_PER_MARK));
  const lineHeight = h * 0.08;
  const gap = h * 0.07;
  const top = (h - count * lineHeight - (count - 1) * gap) / 2;
  return MARK_WIDTHS.slice(0, count).map((share, i) => ({
    x: (w * (1 - share)) / 2,
    y: top + i * (lineHeight + gap),
    w: w * share,
    h: lineHeight,
  }));
}
