// Words written in a note that the server had not confirmed when someone else deleted the note:
// on venue wifi, a participant edits a note offline, another deletes it meanwhile, and on
// reconnecting the deletion wins — the note and the words went without a word. Watched here as
// changes arrive: each note this device writes in is remembered (its last text, place, colour)
// until the server has confirmed every change; a note remembered that a remote change deletes
// is told (`lost`), with what to put back. The editor still open on it has its own notice
// (ui/WritingGoneNotice.tsx): not told twice. Who deleted it is named when their deletion carried
// their name (M36): their presence is long gone by the time a device reconnects.
import { deletersIn, isLocalOrigin, type BoardView, type Shape } from '@carton/board';
import type * as Y from 'yjs';
import { keptWords, type KeptWords } from '../ui/writingGone';

export interface LostWords {
  id: string;
  text: string;
  kept: KeptWords;
  /** Who deleted the note, as their deletion said (M36), or null (an older device). */
  by: string | null;
}

export interface UnsentWordsDeps {
  doc: Y.Doc;
  view: Pick<BoardView, 'getShape' | 'subscribe'>;
  /** The origin of the changes the server sends (the provider): only those are others'. */
  remoteOrigin: unknown;
  /** Whether every change of this device has been confirmed by the server. */
  allConfirmed: () => boolean;
  /** Subscribes to the confirmation count's changes. */
  subscribeConfirmed: (listener: () => void) => () => void;
  /** The shape whose editor is open, if any (told by its own notice). */
  editingId: () => string | null;
  lost: (words: LostWords[]) => void;
}

export function watchUnsentWords(deps: UnsentWordsDeps): () => void {
  const written = new Map<string, Shape>();
  let origin: unknown = null;
  let current: Y.Transaction | null = null;
  const before = (transaction: Y.Transaction) => {
    origin = transaction.origin;
    current = transaction;
  };
  const after = () => {
    origin = null;
    current = null;
  };
  deps.doc.on('beforeTransaction', before);
  deps.doc.on('afterTransaction', after);
  const stopView = deps.view.subscribe((changed) => {
    const lost: LostWords[] = [];
    const local = isLocalOrigin(origin);
    // Undo, or the copy kept on this device: neither a new word of mine nor another's change.
    if (!local && origin !== deps.remoteOrigin) return;
    let deleters: Map<string, string> | null = null;
    for (const id of changed) {
      const shape = deps.view.getShape(id);
      if (local) {
        if (shape?.type === 'note' && shape.text.trim()) written.set(id, shape);
        continue;
      }
      const last = written.get(id);
      if (shape !== undefined || last === undefined) continue;
      written.delete(id);
      const kept = keptWords(last);
      if (kept && id !== deps.editingId() && last.type === 'note') {
        deleters ??= current ? deletersIn(deps.doc, current) : new Map<string, string>();
        lost.push({ id, text: last.text, kept, by: deleters.get(id) ?? null });
      }
    }
    if (lost.length > 0) deps.lost(lost);
  });
  // Everything confirmed: a later deletion is of words the others have seen.
  const stopConfirmed = deps.subscribeConfirmed(() => {
    if (deps.allConfirmed()) written.clear();
  });
  return () => {
    deps.doc.off('beforeTransaction', before);
    deps.doc.off('afterTransaction', after);
    stopView();
    stopConfirmed();
  };
}
