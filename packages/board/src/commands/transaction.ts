import { readShape } from '../read/read.ts';
import type { Shape, ShapeType } from '../shapes/registry.ts';
import type { CommandContext } from './context.ts';
import { createShape } from './create.ts';
import { deleteShapes } from './delete.ts';
import { duplicateShapes } from './duplicate.ts';
import { setShapesLocked } from './lock.ts';
import { reorderShapes } from './reorder.ts';
import { reparentShapes } from './reparent.ts';
import type {
  BoardTransaction,
  ReorderDirection,
  ShapeCreateInput,
  ShapePatch,
  UpdateOptions,
} from './types.ts';
import { updateShape } from './update.ts';

export const DEFAULT_DUPLICATE_OFFSET = Object.freeze({ x: 24, y: 24 });

/** The command surface handed to `board.run`; valid only inside that call. */
export function createTransaction(ctx: CommandContext): BoardTransaction {
  return {
    create: <T extends ShapeType>(type: T, input: ShapeCreateInput<T>) =>
      createShape(ctx, type, input),
    update: <T extends ShapeType = ShapeType>(
      id: string,
      patch: ShapePatch<T>,
      options?: UpdateOptions,
    ) => updateShape(ctx, id, patch as ShapePatch, options),
    delete: (ids: readonly string[], by?: string) => deleteShapes(ctx, ids, by),
    reorder: (ids: readonly string[], how: ReorderDirection) => reorderShapes(ctx, ids, how),
    reparent: (ids: readonly string[], cartonId: string | null) =>
      reparentShapes(ctx, ids, cartonId),
    duplicate: (ids: readonly string[], offset = DEFAULT_DUPLICATE_OFFSET) =>
      duplicateShapes(ctx, ids, offset),
    lock: (ids: readonly string[], locked: boolean) => setShapesLocked(ctx, ids, locked),
    getShape: (id: string): Shape | undefined => readShape(ctx.shapes, id),
    ensureRoom: (adding: number) => ctx.room.ensure(adding),
  };
}
