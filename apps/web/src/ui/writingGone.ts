// Why the editor someone was writing in went away: another person deleted the shape or locked
// it (« Verrouiller », M33) while they wrote. Without a word, their words seemed lost to Carton.
import { isLocked, type BoardView, type Shape, type ShapeCreateInput } from '@carton/board';
import type { Translate } from './peopleNews';

export interface WritingGone {
  change: 'deleted' | 'locked';
  what: Shape['type'];
  /** Who did it, when their presence tells (presence/whoChanged.ts); else « Quelqu’un ». */
  name: string | null;
  /** A deleted note or heading with words in it, to be put back by « Garder mon texte ». */
  kept: KeptWords | null;
}

export type KeptWords =
  | { type: 'note'; input: ShapeCreateInput<'note'> }
  | { type: 'text'; input: ShapeCreateInput<'text'> };

/**
 * What happened to the shape being written in (`before`, as last seen) now that it reads
 * `after`; null while it can still be written.
 */
export function writingGone(
  before: Shape,
  after: Shape | undefined,
  name: string | null,
): WritingGone | null {
  if (after !== undefined && !isLocked(after)) return null;
  const change = after === undefined ? 'deleted' : 'locked';
  // A locked shape keeps its words; a deleted one can only come back by the writer's hand: their
  // undo tracks their own writes, never the other person's deletion, so no « Annuler ».
  return { change, what: before.type, name, kept: change === 'deleted' ? keptWords(before) : null };
}

/**
 * Watches the shape `id` being written in and tells `told`, once, when it is deleted or locked
 * while `stillWriting()`. Run as each change arrives: `nameOf` names who held the shape then or a
 * moment before (presence/whoChanged.ts: recentHolder). A change after the writing ended (an empty
 * heading removed as its editor closes) is the writer's own: not told.
 */
export function watchWriting(
  view: Pick<BoardView, 'getShape' | 'subscribeShape'>,
  id: string,
  stillWriting: () => boolean,
  nameOf: (ids: string[]) => string | null,
  told: (gone: WritingGone) => void,
): () => void {
  let last = view.getShape(id);
  return view.subscribeShape(id, () => {
    if (!last || !stillWriting()) return;
    const before = last;
    const news = writingGone(before, view.getShape(id), null);
    last = news ? undefined : view.getShape(id);
    if (!news) return;
    const ids = before.parentId ? [id, before.parentId] : [id];
    told({ ...news, name: nameOf(ids) });
  });
}

/** The notice stands until closed, or until the person writes in another shape. */
export function noticeStands(gone: { id: string }, editingId: string | null): boolean {
  return editingId === null || editingId === gone.id;
}

/** The deleted note or heading again, in the same place, colour and size (not locked). */
export function keptWords(shape: Shape): KeptWords | null {
  if (shape.type !== 'note' && shape.type !== 'text') return null;
  if (!shape.text.trim()) return null;
  const { x, y, rotation, parentId } = shape;
  if (shape.type === 'note') {
    const { text, color, w, h } = shape;
    return { type: 'note', input: { x, y, rotation, parentId, text, color, w, h } };
  }
  const { text, color, fontSize, align, w, h } = shape;
  return { type: 'text', input: { x, y, rotation, parentId, text, color, fontSize, align, w, h } };
}

/** « Pierre a supprimé cette note pendant que vous écriviez. » and the like. */
export function writingGoneMessage(t: Translate, gone: WritingGone): string {
  const what = t(
    `editor.gone.this.${gone.what === 'carton' || gone.what === 'text' ? gone.what : 'note'}`,
  );
  const key = `editor.gone.${gone.change}${gone.name ? 'By' : ''}`;
  return t(key, { name: gone.name, what });
}
