// The faint « Écrivez ici… » on an empty note: a hint drawn by the editor, never written to the
// document, so exports, versions, view links and projectors never show it.

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
