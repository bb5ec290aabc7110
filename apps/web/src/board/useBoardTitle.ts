// The board's title as its document says it now. The facilitator may correct a board's name
// while people are on it (SPEC R55 writes the doc's meta title through the room); the title
// fetched with the board's info is the fallback until the doc has one.
import { useCallback, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import type { BoardSession } from './session';

/** The meta title in `doc` (`board.meta.title`), or null when the doc has none yet. */
export function docTitle(doc: Y.Doc): string | null {
  const meta = doc.getMap('board').get('meta');
  const title: unknown = meta instanceof Y.Map ? meta.get('title') : undefined;
  return typeof title === 'string' && title.trim() !== '' ? title : null;
}

/** Calls `notify` after each transaction that touched the board's meta (or created it). */
export function watchTitle(doc: Y.Doc, notify: () => void): () => void {
  const root = doc.getMap('board');
  const onTransaction = (transaction: Y.Transaction) => {
    // Every transaction passes here (a drag writes 60 a second): two lookups, nothing made.
    const changed = transaction.changed as Map<unknown, unknown>;
    if (changed.has(root) || changed.has(root.get('meta'))) notify();
  };
  doc.on('afterTransaction', onTransaction);
  return () => doc.off('afterTransaction', onTransaction);
}

export function useBoardTitle(session: BoardSession): string {
  const { doc } = session.board;
  const subscribe = useCallback((notify: () => void) => watchTitle(doc, notify), [doc]);
  const fallback = session.info.board.title;
  return useSyncExternalStore(subscribe, () => docTitle(doc) ?? fallback);
}
