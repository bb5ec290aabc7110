// Writes an import's placed shapes onto the live board a few at a time, each part its own short
// transaction with a pause between, instead of one transaction that held the page's main thread
// for the whole file (5,000 notes: ~0.5–1 s here, the canvas and the others' changes frozen).
// It stays one import for everyone:
// - the other participants get it as ONE update, sent once every part is written
//   (BoardConnection.holdOutgoing), never half a board;
// - it is ONE undo step: my other writes, step ends and undo/redo wait meanwhile
//   (Shell.holdWrites), so nothing of mine falls between its parts;
// - room for all of it is checked before the first part (M37); a part refused later (the board
//   filled up meanwhile) takes back what was written, so nothing of the file stays.
import * as Y from 'yjs';
import {
  isValidIndex,
  localOrigin,
  shapesMapOf,
  type Board,
  type Shape,
  type ShapeCreateInput,
} from '@carton/board';
import type { BoardSession } from '../board/session';

/** What one part may take, transaction and its observers together, in ms. */
export const STEP_MS = 40;
const FIRST_STEP_SHAPES = 50;
/**
 * At most this many shapes a part, however fast the last went: a part's cost per shape varies
 * (shapes in view are drawn, a garbage collection falls in one), ~0.05–0.3 ms here.
 */
const MAX_STEP_SHAPES = 100;

/** The highest index of any record on the board, readable or not (as insertBoardFile reads it). */
export function topIndex(board: Board): string | null {
  let top: string | null = null;
  for (const record of shapesMapOf(board.doc)?.values() ?? []) {
    const index: unknown = record.get('index');
    if (isValidIndex(index) && (top === null || index > top)) top = index;
  }
  return top;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Creates `records` (ids, indices, parents and bindings already theirs: boardFileWork.ts) on the
 * session's board with my local origin. `merge` makes one update of the parts (a worker's job).
 */
export async function writeInSteps(
  session: BoardSession,
  records: readonly Shape[],
  merge: (updates: Uint8Array[]) => Promise<Uint8Array>,
): Promise<void> {
  const { board } = session;
  const origin = localOrigin(session.identity.userId);
  const doc = board.doc;
  const clockBefore = Y.getState(doc.store, doc.clientID);
  const releaseWrites = session.shell.holdWrites();
  session.undo.stopCapturing();
  const hold = session.connection.holdOutgoing();
  let written = 0;
  let perStep = FIRST_STEP_SHAPES;
  try {
    while (written < records.length) {
      const started = performance.now();
      const end = Math.min(records.length, written + perStep);
      board.run((tx) => {
        if (written === 0) tx.ensureRoom(records.length); // M37: all of it fits, or nothing
        for (; written < end; written++) {
          const { type, ...input } = records[written]!;
          tx.create(type, input as ShapeCreateInput<typeof type>);
        }
      }, origin);
      if (written === records.length) break;
      // The canvas redraws the new shapes in microtasks queued by the write (React's external
      // stores): let them run, so the next part is sized on what this one took, drawing and all.
      await Promise.resolve();
      await Promise.resolve();
      const took = Math.max(1, performance.now() - started);
      // Smoothed: one part slowed by a garbage collection does not swing the next.
      const wanted = (perStep * STEP_MS) / took;
      perStep = Math.round(
        Math.max(10, Math.min(MAX_STEP_SHAPES, perStep * 1.25, Math.max(perStep / 2, wanted))),
      );
      await nextTask();
    }
  } catch (error) {
    // A part refused: what was written goes back, as one undo step (nothing else of mine is in it).
    if (Y.getState(doc.store, doc.clientID) > clockBefore) session.undo.undo();
    throw error;
  } finally {
    session.undo.stopCapturing();
    releaseWrites();
    await hold.release(merge);
  }
}
