// « Copier vers… » (R68) on a board that already holds participants' notes: their words copied to
// other territories would be counted for each of them in « Les incontournables » (C1). The dialog
// counts the source's written notes first, as the compilation does, to say so before the copy.
import { ideaKey } from '@carton/board';

/** What the copy does with the source's notes (the route's `noteText`). */
export type CopyNoteText = 'keep' | 'empty';

/**
 * The notes of a board file (its export.json) that the compilation would count: type `note`
 * with words in them (C1's key not empty). Anything else, or a file of another shape, is 0.
 */
export function writtenNoteCount(file: unknown): number {
  if (typeof file !== 'object' || file === null) return 0;
  const shapes = (file as { shapes?: unknown }).shapes;
  if (!Array.isArray(shapes)) return 0;
  let count = 0;
  for (const shape of shapes as unknown[]) {
    if (typeof shape !== 'object' || shape === null) continue;
    const { type, text } = shape as { type?: unknown; text?: unknown };
    if (type === 'note' && typeof text === 'string' && ideaKey(text) !== '') count++;
  }
  return count;
}
