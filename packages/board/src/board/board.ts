import * as Y from 'yjs';
import type { CommandContext } from '../commands/context.ts';
import { BoardCommandError } from '../commands/errors.ts';
import { createTransaction } from '../commands/transaction.ts';
import { ShapeRoom } from '../commands/limit.ts';
import type { BoardTransaction } from '../commands/types.ts';
import type { BoardMeta, ShapesMap } from '../doc/layout.ts';
import {
  BOARD_SCHEMA_VERSION,
  META_KEY,
  readMeta,
  rootMap,
  shapesMapOf,
  SHAPES_KEY,
} from '../doc/layout.ts';
import { newShapeId } from '../ids/ids.ts';
import type { LocalOrigin, Origin } from '../origin/origin.ts';
import { readAllShapes, readShape } from '../read/read.ts';
import type { Shape } from '../shapes/registry.ts';
import type { BoardUndoManager, BoardUndoOptions } from '../undo/undo.ts';
import { createBoardUndoManager } from '../undo/undo.ts';
import { isValidIndex } from '../zorder/zorder.ts';

export interface BoardOptions {
  /** Id source; tests pass a seeded one. Defaults to newShapeId. */
  readonly newId?: () => string;
}

/** The board model over one Y.Doc: validated reads and the only way to write (commands). */
export class Board {
  readonly doc: Y.Doc;
  private readonly newId: () => string;
  // Highest index seen, so create is O(1) instead of a scan (a deleted shape's index is still
  // a fine "above everything"). undefined = not computed yet.
  private top: string | null | undefined = undefined;
  private readonly onAfterTransaction = (tr: Y.Transaction): void => this.trackTop(tr);

  constructor(doc: Y.Doc, options: BoardOptions = {}) {
    this.doc = doc;
    this.newId = options.newId ?? newShapeId;
    doc.on('afterTransaction', this.onAfterTransaction);
  }

  /** Runs commands in one doc.transact with the given origin; returns fn's result. */
  run<T>(fn: (tx: BoardTransaction) => T, origin: Origin): T {
    const shapes = shapesMapOf(this.doc);
    if (shapes === undefined) {
      throw new BoardCommandError('board document is not initialised (initBoardDoc) or not synced');
    }
    // An older client must not rewrite a board whose schema it does not know (M23).
    const version = this.schemaVersion();
    if (version > BOARD_SCHEMA_VERSION) {
      throw new BoardCommandError(
        `board schema ${version} is newer than this Carton (${BOARD_SCHEMA_VERSION}): read-only`,
      );
    }
    const ctx: CommandContext = {
      shapes,
      origin,
      newId: this.newId,
      topIndex: () => this.topIndex(shapes),
      noteIndex: (index) => this.noteIndex(index),
      room: new ShapeRoom(() => shapes.size),
    };
    let result: T | undefined;
    this.doc.transact(() => {
      result = fn(createTransaction(ctx));
    }, origin);
    return result as T;
  }

  /** Validated, repaired, frozen; undefined if missing or malformed. */
  getShape(id: string): Shape | undefined {
    const shapes = shapesMapOf(this.doc);
    return shapes === undefined ? undefined : readShape(shapes, id);
  }

  /** Every readable shape, bottom to top. */
  listShapes(): Shape[] {
    const shapes = shapesMapOf(this.doc);
    return shapes === undefined ? [] : readAllShapes(shapes);
  }

  meta(): BoardMeta | null {
    return readMeta(this.doc);
  }

  /** False when the board's schema is newer than this code (commands would throw, M23). */
  isWritable(): boolean {
    return shapesMapOf(this.doc) !== undefined && this.schemaVersion() <= BOARD_SCHEMA_VERSION;
  }

  // Raw, not validated: a newer meta may not pass this version's meta schema.
  private schemaVersion(): number {
    const meta = rootMap(this.doc).get(META_KEY);
    const version: unknown = meta instanceof Y.Map ? meta.get('schemaVersion') : undefined;
    return typeof version === 'number' ? version : 0;
  }

  /** Per-user undo: tracks only writes made with exactly this origin object. */
  createUndoManager(origin: LocalOrigin, options?: BoardUndoOptions): BoardUndoManager {
    return createBoardUndoManager(rootMap(this.doc), origin, options);
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onAfterTransaction);
  }

  private topIndex(shapes: ShapesMap): string | null {
    if (this.top === undefined) {
      let top: string | null = null;
      for (const map of shapes.values()) {
        if (!(map instanceof Y.Map)) continue;
        const index = map.get('index');
        if (isValidIndex(index) && (top === null || index > top)) top = index;
      }
      this.top = top;
    }
    return this.top;
  }

  private noteIndex(index: unknown): void {
    if (this.top === undefined || !isValidIndex(index)) return;
    if (this.top === null || index > this.top) this.top = index;
  }

  // Keeps the cached top in step with remote writes and undo/redo.
  private trackTop(tr: Y.Transaction): void {
    if (this.top === undefined) return;
    const shapes = shapesMapOf(this.doc);
    const root: unknown = rootMap(this.doc);
    for (const [changedType, keys] of tr.changed) {
      const type: unknown = changedType;
      if (type === root && keys.has(SHAPES_KEY)) {
        this.top = undefined;
        return;
      }
      if (shapes === undefined) continue;
      if (type === shapes) {
        for (const key of keys) {
          const map: unknown = key === null ? undefined : shapes.get(key);
          if (map instanceof Y.Map) this.noteIndex(map.get('index'));
        }
      } else if (type instanceof Y.Map && type.parent === shapes && keys.has('index')) {
        this.noteIndex(type.get('index'));
      }
    }
  }
}
