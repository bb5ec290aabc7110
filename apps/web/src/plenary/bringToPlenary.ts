// « Amener en plénière »: a territory's board as it stands, copied into the plenary board to the
// right of what is there, as one undo step with the local origin.
import {
  exportBoard,
  insertBoardFile,
  parseBoardFile,
  shapeBounds,
  type Board,
  type Origin,
} from '@carton/board';
import type * as Y from 'yjs';

const GAP = 120;

export interface UndoSteps {
  stopCapturing(): void;
}

/** Returns how many shapes were copied. */
export function bringToPlenary(
  territory: Y.Doc,
  plenary: Board,
  origin: Origin,
  undo: UndoSteps,
): number {
  const file = parseBoardFile(exportBoard(territory));
  if (file.shapes.length === 0) return 0;
  const right = Math.max(
    0,
    ...plenary.listShapes().map((s) => {
      const b = shapeBounds(s);
      return b.x + b.w;
    }),
  );
  const coordinate = (value: unknown) => (typeof value === 'number' ? value : 0);
  const left = Math.min(...file.shapes.map((s) => coordinate(s.x)));
  const top = Math.min(...file.shapes.map((s) => coordinate(s.y)));
  // Its own undo step: close whatever was being captured before and after.
  undo.stopCapturing();
  const { created } = insertBoardFile(plenary, file, origin, {
    offset: { x: right + GAP - left, y: -top },
  });
  undo.stopCapturing();
  return created;
}
