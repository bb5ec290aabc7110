import type { BoardMeta } from '../doc/layout.ts';
import type { ImageMimeType } from '../shapes/image/image.ts';
import type { Shape } from '../shapes/registry.ts';

export const BOARD_FILE_FORMAT = 'carton-board';
/**
 * The version this Carton writes. Older versions are lifted by BOARD_FILE_MIGRATIONS.
 * 2: shapes may carry `locked` (M33), a key version 1 readers refuse as unknown; the version
 * makes an older Carton say « update Carton » instead of listing every locked shape.
 */
export const BOARD_FILE_VERSION = 2;

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

/** The bytes of an image shape's blob, embedded so the file is self-contained (M30). */
export interface BoardFileImage {
  readonly mime: ImageMimeType;
  /** Standard base64 of the stored bytes. */
  readonly data: string;
}

/**
 * The file's meta: the document's, plus the territory of a territory board, which the board's
 * row holds (not its document): a board renamed away from « Conditions de succès — <territoire> »
 * is still its territory's when brought back. Optional, so older files and older readers agree.
 */
export interface BoardFileMeta extends BoardMeta {
  readonly territory?: string;
}

/** The JSON snapshot of a board: complete and re-importable. Shapes sorted by (index, id). */
export interface BoardFile {
  readonly format: typeof BOARD_FILE_FORMAT;
  readonly version: number;
  readonly meta: BoardFileMeta;
  readonly shapes: readonly BoardFileShape[];
  /** Blob id → bytes, for the image shapes of the file (absent when nothing is embedded). */
  readonly images?: Readonly<Record<string, BoardFileImage>>;
}

/** The file as people read it: 2-space indented, one final newline. */
export function serializeBoardFile(file: BoardFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Blob ids of the file's image shapes, once each, in shape order. */
export function imageBlobIds(file: Pick<BoardFile, 'shapes'>): string[] {
  const ids = new Set<string>();
  for (const shape of file.shapes) {
    if (shape.type === 'image' && typeof shape['blobId'] === 'string') ids.add(shape['blobId']);
  }
  return [...ids];
}

/** The file with `images` embedded (only those its image shapes use; none: no `images` key). */
export function withImages(
  file: BoardFile,
  lookup: (blobId: string) => BoardFileImage | null | undefined,
): BoardFile {
  const images: Record<string, BoardFileImage> = {};
  for (const blobId of imageBlobIds(file)) {
    const image = lookup(blobId);
    if (image) images[blobId] = { mime: image.mime, data: image.data };
  }
  const { images: _drop, ...rest } = file;
  return Object.keys(images).length > 0 ? { ...rest, images } : rest;
}
