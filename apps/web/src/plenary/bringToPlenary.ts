// « Amener en plénière »: a territory's board as it stands, copied into the plenary board to the
// right of what is there, as one undo step with the local origin. The facilitator's job there is
// to arrange the cartons side by side: the copies' top-level shapes arrive unlocked (M33), while
// what was locked inside a carton (its headings, its divider) stays locked and moves with it.
import {
  exportBoard,
  insertBoardFile,
  parseBoardFile,
  shapesBounds,
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
  const parsed = parseBoardFile(exportBoard(territory));
  if (parsed.shapes.length === 0) return 0;
  const file = {
    ...parsed,
    shapes: parsed.shapes.map((shape) => {
      if (shape.parentId !== null || !('locked' in shape)) return shape;
      const { locked: _locked, ...unlocked } = shape;
      return unlocked;
    }),
  };
  const present = shapesBounds(plenary.listShapes());
  const right = Math.max(0, present ? present.x + present.w : 0);
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
