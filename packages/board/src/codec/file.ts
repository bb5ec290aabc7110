import type { BoardMeta } from '../doc/layout.ts';
import type { Shape } from '../shapes/registry.ts';

export const BOARD_FILE_FORMAT = 'carton-board';
export const BOARD_FILE_VERSION = 1;

/**
 * A record of a type this Carton does not know (written by a newer client). Kept in exports
 * and imports as is, so an older server does not destroy newer work (M17).
 */
export interface UnknownShapeRecord {
  readonly id: string;
  readonly type: string;
  readonly index: string;
  readonly [prop: string]: unknown;
}

export type BoardFileShape = Shape | UnknownShapeRecord;

/** The JSON snapshot of a board: complete and re-importable. Shapes sorted by (index, id). */
export interface BoardFile {
  readonly format: typeof BOARD_FILE_FORMAT;
  readonly version: number;
  readonly meta: BoardMeta;
  readonly shapes: readonly BoardFileShape[];
}
