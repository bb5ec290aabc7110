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

/**
 * A note with nothing written in it (spaces aside): the hint is drawn on it, and a first tap or
 * click opens it for writing (tools/select), as the hint invites.
 */
export function noteAwaitsText(text: string): boolean {
  return text.trim() === '';
}

export function showsNoteHint({ text, editing, hints }: NoteHintInput): boolean {
  return hints && !editing && noteAwaitsText(text);
}
