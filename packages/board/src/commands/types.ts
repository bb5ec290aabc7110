import type { Shape, ShapeProps, ShapeType } from '../shapes/registry.ts';

/** Input of create: the type's props (defaults fill the rest) and a position. */
export type ShapeCreateInput<T extends ShapeType> = Partial<ShapeProps<T>> & {
  readonly x: number;
  readonly y: number;
  readonly rotation?: number;
  /** A carton's id; a missing carton reads as null (M11), a carton never has a parent. */
  readonly parentId?: string | null;
  /** Defaults to above every shape on the board. */
  readonly index?: string;
  /** Defaults to the user id of a local origin. */
  readonly createdBy?: string;
  /** Defaults to the board's id source (newShapeId). */
  readonly id?: string;
  /** M33: a locked shape is created locked (templates' layout). Absent = unlocked. */
  readonly locked?: boolean;
};

/** Partial props for update. id, type, index and parentId change only through their commands. */
export type ShapePatch<T extends ShapeType = ShapeType> = T extends ShapeType
  ? Partial<ShapeProps<T> & { readonly x: number; readonly y: number; readonly rotation: number }>
  : never;

export interface UpdateOptions {
  /**
   * M33: the write carries the shape along with its carton (the carton's turn or resize):
   * a locked child's x, y and rotation are written too, if its carton is not locked.
   */
  readonly carried?: boolean;
}

export type ReorderDirection = 'front' | 'back' | 'forward' | 'backward';

export interface BoardTransaction {
  /** Creates a shape and returns its id. */
  create<T extends ShapeType>(type: T, input: ShapeCreateInput<T>): string;
  /** Partial update; moving a carton moves its children by the same delta (M6). */
  update<T extends ShapeType = ShapeType>(
    id: string,
    patch: ShapePatch<T>,
    options?: UpdateOptions,
  ): void;
  /**
   * Deletes shapes; a carton takes its contents; arrows bound to them are unbound (M4, M5).
   * `by`: the deleter's name, written with the deletion for the others' devices (M36).
   */
  delete(ids: readonly string[], by?: string): void;
  reorder(ids: readonly string[], how: ReorderDirection): void;
  /** Into a carton (cartons never nest) or out of it with null. */
  reparent(ids: readonly string[], cartonId: string | null): void;
  /** Returns the new ids of `ids`, in the same order (children of cartons are copied too). */
  duplicate(ids: readonly string[], offset?: { x: number; y: number }): string[];
  /**
   * Locks or unlocks (M33). While locked, update, delete, reorder and reparent skip the shape;
   * its children in a carton stay free.
   */
  lock(ids: readonly string[], locked: boolean): void;
  /**
   * M37: throws TooManyShapesError, writing nothing, unless `adding` more shapes fit on the
   * board. create and duplicate check by themselves; a command made of several creates (paste,
   * an import) asks first, so it is refused whole rather than written in part.
   */
  ensureRoom(adding: number): void;
  /** Read inside the transaction (sees its own writes). */
  getShape(id: string): Shape | undefined;
}
