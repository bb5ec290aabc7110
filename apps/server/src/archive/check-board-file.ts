import type { BoardFileIssue, ParsedBoardFile } from '@carton/board';
import { BoardFileError, parseBoardFile } from '@carton/board';
import type { BlobStore } from '../blobs/blob-store.ts';
import { ArchiveError } from './errors.ts';
import { prepareImages, remapBlobIds, type PreparedImage } from './images.ts';

export interface BoardFileRefusal {
  ok: false;
  status: 400 | 413 | 507;
  code: string;
  message: string;
  path: string;
  issues?: readonly BoardFileIssue[];
}

/**
 * R35: the forum has no room for a file's images — from the check below, or from the store's
 * own check when it stores them (BlobStore.put), which counts if another upload came between.
 */
export const IMAGE_QUOTA_REFUSAL: BoardFileRefusal & { status: 507 } = {
  ok: false,
  status: 507,
  code: 'image_quota_exceeded',
  message: 'This forum has no room for the images of this file.',
  path: 'images',
};

/** A codec refusal as an HTTP refusal: the first issue names the code and the place (M30). */
export function boardFileRefusal<S extends 400 | 413>(
  error: BoardFileError,
  status: S,
): BoardFileRefusal & { status: S } {
  const first = error.issues[0];
  return {
    ok: false,
    status,
    code: first?.code ?? 'invalid_value',
    message: error.message,
    path: first?.path ?? '(root)',
    issues: error.issues.slice(0, 100),
  };
}

/**
 * A board file (already JSON) checked in full before anything is written — format, version,
 * every shape, every embedded image sniffed, and the forum's image quota — for an import into a
 * live board and for a new board made from a file (R54). Its shapes come back pointing at the
 * images' stored blob ids; the images are for the caller to store.
 */
export async function checkBoardFile(
  file: unknown,
  forumId: string,
  deps: { blobs: BlobStore; maxForumImageBytes: number },
): Promise<
  | { ok: true; parsed: ParsedBoardFile; images: PreparedImage[] }
  | (BoardFileRefusal & { status: 400 | 507 })
> {
  const read = readBoardFile(file);
  if (!read.ok) return read;
  return (await fitsImageQuota(read.images, forumId, deps)) ? read : IMAGE_QUOTA_REFUSAL;
}

/**
 * The part of checkBoardFile that needs no storage (the codec and the images' sniffing): pure, so
 * an import runs it off the event loop (`board-file-work.ts`).
 */
export function readBoardFile(
  file: unknown,
):
  | { ok: true; parsed: ParsedBoardFile; images: PreparedImage[] }
  | (BoardFileRefusal & { status: 400 }) {
  let parsed: ParsedBoardFile;
  try {
    parsed = parseBoardFile(file);
  } catch (error) {
    if (!(error instanceof BoardFileError)) throw error;
    return boardFileRefusal(error, 400);
  }
  let prepared: ReturnType<typeof prepareImages>;
  try {
    prepared = prepareImages(parsed.images, '');
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    return { ok: false, status: 400, code: error.code, message: error.message, path: error.path };
  }
  const shapes = remapBlobIds(parsed.shapes, prepared.remap);
  return { ok: true, parsed: { ...parsed, shapes }, images: [...prepared.images.values()] };
}

/** R35: whether the forum has room for the images it does not have yet. */
export async function fitsImageQuota(
  images: readonly PreparedImage[],
  forumId: string,
  deps: { blobs: BlobStore; maxForumImageBytes: number },
): Promise<boolean> {
  let newBytes = 0;
  for (const image of images) {
    if (!(await deps.blobs.info(forumId, image.info.blobId))) newBytes += image.info.bytes;
  }
  return !(
    newBytes > 0 && (await deps.blobs.forumBytes(forumId)) + newBytes > deps.maxForumImageBytes
  );
}
