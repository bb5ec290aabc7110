import * as Y from 'yjs';
import type { BoardStorage } from './board-storage.ts';

/**
 * Runs `read` on a board's document rebuilt from storage (snapshot, then the updates after it),
 * destroyed afterwards. For reads of a board no live room holds (R19) and of storage alone.
 */
export async function withStoredDoc<T>(
  storage: BoardStorage,
  boardId: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const stored = await storage.load(boardId);
  const doc = new Y.Doc();
  try {
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    if (parts.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(parts));
    return read(doc);
  } finally {
    doc.destroy();
  }
}
