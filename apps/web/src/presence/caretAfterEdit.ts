import { textSplice } from '@carton/board';

// Where a person's caret goes when someone else's words arrive in the note they are writing in.
// The editor's textarea shows the note's text: when a peer's edit changes it, the browser puts
// the caret at the very end, and the next letter typed lands there, among the peer's words.

/**
 * The caret (or one end of a selection) at `caret` in `before`, moved to where the same place
 * is in `after`: before the change it stays, after the change it shifts by the change's length,
 * inside the change it goes to the change's end. The change is what lies between the longest
 * common start and the longest common end of the two texts. Words inserted right at the caret
 * put it after them, as typing does: the editor's own first letter, written for it when a key
 * opened the note, arrives this way.
 */
export function caretAfterEdit(before: string, after: string, caret: number): number {
  // The same change the model writes into the shared text (M35), so the caret and the letters
  // agree on where the other person's words went.
  const { index: start, remove, insert } = textSplice(before, after);
  const removedEnd = start + remove;
  const insertedEnd = start + insert.length;
  const inserted = remove === 0;
  if (caret < start || (caret === start && !inserted)) return caret;
  if (caret > removedEnd) return Math.min(after.length, caret + after.length - before.length);
  return insertedEnd;
}
