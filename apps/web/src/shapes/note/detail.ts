// Level of detail of a note, by its size on screen: below LOW_DETAIL_ZOOM notes are plain blocks,
// except those still wide enough on screen to read. A phone's zoom-to-fit (~23 %) shows a
// default note 46 px wide: its text stays.

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
