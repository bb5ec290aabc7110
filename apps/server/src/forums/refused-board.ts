import { exportBoard, imageBlobIds } from '@carton/board';
import * as Y from 'yjs';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { BoardStorage } from '../storage/board-storage.ts';
import type { ForumStore } from './forum-store.ts';

/** The document of a board that never was: an empty Yjs state. */
const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

/** Reads a board's current document (`Relay.withBoardDoc`: the live room's if loaded). */
export type BoardDocReader = <T>(boardId: string, read: (doc: Y.Doc) => T) => Promise<T>;

/** The photos a document shows. */
function imagesOf(doc: Y.Doc): string[] {
  try {
    return imageBlobIds(exportBoard(doc));
  } catch {
    return []; // no readable meta: nothing it shows
  }
}

/**
 * Images the forum's boards show now, removed ones (R56, which R58 may bring back) included —
 * as the relay's loaded rooms hold them, not only as stored: a photo a participant pasted on
 * another board this instant is in its room's document before its append is done (PostgreSQL
 * commits it later; a board a copy or an import changes waits for its append too).
 */
async function shownImages(
  forumId: string,
  deps: { forums: ForumStore; readBoardDoc: BoardDocReader },
): Promise<Set<string>> {
  const boards = [
    ...(await deps.forums.listBoards(forumId)),
    ...(await deps.forums.listRemovedBoards(forumId)),
  ];
  const shown = new Set<string>();
  for (const board of boards) {
    const ids = await deps.readBoardDoc(board.id, imagesOf);
    for (const id of ids) shown.add(id);
    // Each board rebuilt is CPU work with nothing to wait for on SQLite: other requests and
    // sockets get their turn between boards (up to 64, each up to CARTON_MAX_BOARD_BYTES).
    await new Promise((resolve) => setImmediate(resolve));
  }
  return shown;
}

/**
 * Of `imageIds`, which a write that failed put marked `putBy`, removes those no board of the
 * forum shows now (as the relay holds them) and no other request put since (the store's mark,
 * checked in the delete itself): they would otherwise count in the forum's quota (R35) for
 * good, while a photo a board shows — pasted, copied from a room that had the failed change
 * on screen, restored without its bytes — must stay. Throws what the stores throw.
 */
export async function removeUnshownImages(
  forumId: string,
  imageIds: readonly string[],
  putBy: string,
  deps: { forums: ForumStore; blobs: BlobStore; readBoardDoc: BoardDocReader },
): Promise<void> {
  if (imageIds.length === 0) return;
  const shown = await shownImages(forumId, deps);
  const unused = imageIds.filter((id) => !shown.has(id));
  if (unused.length > 0) await deps.blobs.remove(forumId, unused, putBy);
}

/**
 * R54: a new board refused at the store's last check (another request took the last place or
 * the territory meanwhile) already has its document and images written. Neither is reachable,
 * but the images would count in the forum's quota (R35) for good: the document is emptied
 * (BoardStorage has no delete; an empty state of a few bytes stays under an id nothing
 * names), and of the images its file named (`imageIds`, put marked with `boardId`), those
 * this request inserted are removed — unless a board of the forum shows one by now, or
 * another request put the same photo since (an upload, an import or another new board in
 * flight, in this process or another: the store's mark, `BlobStore.remove(…, putBy)`, is
 * checked in the delete itself). Also when storage refused the board's own writes (R6).
 * Best effort: the refusal (or the storage error) stands whatever happens here.
 */
export async function discardRefusedBoard(
  forumId: string,
  boardId: string,
  imageIds: readonly string[],
  deps: {
    forums: ForumStore;
    boards: BoardStorage;
    blobs: BlobStore;
    readBoardDoc: BoardDocReader;
  },
): Promise<void> {
  // Each step on its own: a board refused because storage failed may find the document's
  // write failing again, and its images must still go. What is left is what a crash between
  // the writes leaves: unreachable, never wrong.
  try {
    await deps.boards.compact(boardId, EMPTY_STATE, 0);
  } catch {
    // An unreachable document: only its bytes stay.
  }
  try {
    await removeUnshownImages(forumId, imageIds, boardId, deps);
  } catch {
    // Images that count in the quota until removed by hand; nothing shows them.
  }
}
