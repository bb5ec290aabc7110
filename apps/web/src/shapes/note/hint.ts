// The faint « Écrivez ici… » on an empty note: a hint drawn by the editor, never written to the
// document, so exports, versions, view links and projectors never show it.

/** The hint is the note's ink made fainter: still 4.5:1 on every note colour (contrast.test). */
export const NOTE_HINT_INK = '#2b2b2b';
export const NOTE_HINT_OPACITY = 0.75;

export interface NoteHintInput {
  text: string;
  /** The in-place editor covers the note: the caret is the hint. */
  editing: boolean;
  /** Only a page that can edit asks for hints (not view links, exports or version previews). */
  hints: boolean;
}

export function showsNoteHint({ text, editing, hints }: NoteHintInput): boolean {
  return hints && !editing && text.trim() === '';
}
