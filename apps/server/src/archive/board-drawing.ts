import { randomBytes } from 'node:crypto';
import type { BoardFile, ImageMimeType, Shape } from '@carton/board';
import { imageBlobIds, isShapeType, splitNoteKey } from '@carton/board';
import {
  embeddedOrientation,
  jpegOrientation,
  ORIENTATION_PROBE_BYTES,
  renderSvg,
  voteBadgesSvg,
  withBadges,
} from '@carton/render';
import { loadBundledFonts } from '@carton/render/node';
import type { ArchiveSource } from './source.ts';

/**
 * A board drawn as one SVG document, ready for resvg (png.ts). The SVG is bytes, not a
 * JavaScript string: a board's photos go inside it (resvg's `renderAsync`, which rasterizes
 * off the event loop, takes one document and no separate images), and as bytes they are
 * neither held twice in the JavaScript heap nor bound by its string length limit.
 */
export interface BoardDrawing {
  readonly svg: Buffer;
  /** The document's size in board units (before PNG_SCALE). */
  readonly width: number;
  readonly height: number;
}

/**
 * The dots drawn on a board's PNG: those of the newest vote over the board, once it is closed
 * (as the board and the projector show them), by shape id. The archive's PNGs drew no dots: the
 * vote's results were readable in no picture of the forum.
 */
export function drawnVoteDots(
  votes: readonly {
    boardIds: readonly string[];
    state: string;
    counts: Readonly<Record<string, number>>;
  }[],
  boardId: string,
): Map<string, number> {
  const newest = votes.filter((vote) => vote.boardIds.includes(boardId)).at(-1);
  const dots = new Map<string, number>();
  if (newest?.state !== 'closed') return dots;
  for (const [key, count] of Object.entries(newest.counts)) {
    const note = splitNoteKey(key);
    if (note?.boardId === boardId && count > 0) dots.set(note.shapeId, count);
  }
  return dots;
}

/**
 * Stands in for a photo's `data:` URL while the SVG is laid out (its blob id after it). Random
 * per drawing: a fixed mark could be typed in a note or a title (blob ids show in image links),
 * and the SVG's text would then be taken for a photo — one the forum lacks threw and took the
 * whole archive download down.
 */
const photoMark = () => `carton-photo-${randomBytes(16).toString('hex')}:`;
/** Stored photos are named by their SHA-256 (R35); any other name is no stored photo. */
const SHA256 = /^[0-9a-f]{64}$/;

const dataPrefix = (mime: ImageMimeType) => `data:${mime};base64,`;
const base64Length = (bytes: number) => 4 * Math.ceil(bytes / 3);

/**
 * Writes one photo's base64 into `out` at `at` (its own call, so nothing of the photo outlives
 * it). A photo removed since its size was read keeps its room, as base64 of nothing that
 * decodes (resvg draws no image there), rather than a document of the wrong size.
 */
async function fillPhoto(
  out: Buffer,
  at: number,
  bytes: number,
  read: () => ReturnType<ArchiveSource['blobs']['get']>,
): Promise<void> {
  const blob = await read();
  if (blob && blob.data.byteLength === bytes) {
    const data = Buffer.from(blob.data.buffer, blob.data.byteOffset, blob.data.byteLength);
    out.write(data.toString('base64'), at, 'latin1');
  } else {
    out.fill('A', at, at + base64Length(bytes));
  }
}

/** A board file whose photos are embedded (tests, a board file's own `images`). */
export function drawBoard(file: BoardFile): BoardDrawing {
  const { svg, width, height } = renderSvg(file, {
    fonts: loadBundledFonts(),
    title: file.meta.title,
    // resvg ignores EXIF: a photo stored sideways is turned in the drawing.
    imageOrientation: (blobId) => {
      const image = file.images?.[blobId];
      return image ? embeddedOrientation(image) : 1;
    },
  });
  return { svg: Buffer.from(svg), width, height };
}

/**
 * Pixels of photos one board's drawing may decode. resvg decodes every photo it draws at its
 * full size and holds them while it draws (about 4.3 bytes a pixel, measured): a participant's
 * 261 kB PNG of 16 384 × 16 384 zeros (accepted: R35 checks sides, not pixels), shown four
 * times on a board, took the server to 4.6 GB and 15 s when the forum's archive was made. Past
 * this budget (about 1 GB decoded; fifty photos as phones send them, 2560 × 1920, and not one
 * such bomb) a photo is drawn as the grey placeholder; its file is in the archive all the same.
 */
export const MAX_DRAWN_PHOTO_PIXELS = 250_000_000;

/**
 * A board whose photos are in the forum's blob store (an archive's PNG): the SVG is laid out
 * with a mark where each photo goes, its size worked out from the store's sizes, then filled
 * into one buffer one photo at a time — each photo's bytes and base64 are let go before the
 * next is read. Before, every photo was held as stored bytes, as base64 in the file and again
 * inside the SVG string, all at once (about 8 times the photos' bytes with resvg's own copy,
 * measured; now about 3.5: the document, resvg's copy of it and its decoded photos).
 * A photo the forum no longer has is drawn as the grey placeholder, as in the editor.
 */
export async function drawBoardWithPhotos(
  file: BoardFile,
  forumId: string,
  blobs: ArchiveSource['blobs'],
  maxPhotoPixels: number = MAX_DRAWN_PHOTO_PIXELS,
  /** A closed vote's dots on this board's notes (shape id → dots), drawn as on the board. */
  dots: ReadonlyMap<string, number> = new Map(),
): Promise<BoardDrawing> {
  const photos = new Map<
    string,
    { mime: ImageMimeType; bytes: number; pixels: number; orientation: number }
  >();
  for (const blobId of imageBlobIds(file)) {
    const info = await blobs.info(forumId, blobId);
    if (info) {
      const orientation =
        info.mime === 'image/jpeg' ? await storedOrientation(forumId, blobId, blobs) : 1;
      photos.set(blobId, {
        mime: info.mime,
        bytes: info.bytes,
        pixels: info.width * info.height,
        orientation,
      });
    }
  }
  const { images: _embedded, ...withoutEmbedded } = file;
  const mark = photoMark();
  // Each photo drawn is decoded again, a photo shown twice costs twice.
  let pixelsLeft = maxPhotoPixels;
  const {
    svg: drawn,
    width,
    height,
  } = renderSvg(withoutEmbedded, {
    fonts: loadBundledFonts(),
    title: file.meta.title,
    imageHref: (blobId) => {
      const photo = photos.get(blobId);
      if (!photo || !SHA256.test(blobId) || photo.pixels > pixelsLeft) return null;
      pixelsLeft -= photo.pixels;
      return `${mark}${blobId}`;
    },
    // resvg ignores EXIF: a photo stored sideways (imported from a file, or uploaded before
    // the editor stood photos upright) is turned in the drawing, as browsers show it.
    imageOrientation: (blobId) => photos.get(blobId)?.orientation ?? 1,
  });
  // Every shape this version knows: a badge is moved off a stamp or a photo on its note's corner.
  const known = file.shapes.filter((shape): shape is Shape => isShapeType(shape.type));
  const svg = withBadges(drawn, voteBadgesSvg(known, dots));
  // The text between marks, and the photo each mark stands for (a photo shown twice: twice).
  const texts: Buffer[] = [];
  const marks: string[] = [];
  let from = 0;
  for (const match of svg.matchAll(new RegExp(`${mark}([0-9a-f]{64})`, 'g'))) {
    texts.push(Buffer.from(svg.slice(from, match.index)));
    marks.push(match[1]!);
    from = match.index + match[0].length;
  }
  texts.push(Buffer.from(svg.slice(from)));
  let size = 0;
  for (const text of texts) size += text.byteLength;
  for (const blobId of marks) {
    const photo = photos.get(blobId)!;
    size += dataPrefix(photo.mime).length + base64Length(photo.bytes);
  }
  const out = Buffer.alloc(size);
  let at = texts[0]!.copy(out, 0);
  for (const [i, blobId] of marks.entries()) {
    const photo = photos.get(blobId)!;
    at += out.write(dataPrefix(photo.mime), at, 'latin1');
    await fillPhoto(out, at, photo.bytes, () => blobs.get(forumId, blobId));
    at += base64Length(photo.bytes);
    at += texts[i + 1]!.copy(out, at);
  }
  return { svg: out, width, height };
}

/**
 * A stored JPEG's EXIF orientation, read from its head. Its bytes are read in their own call and
 * let go before the next photo's, as when the drawing is filled in.
 */
async function storedOrientation(
  forumId: string,
  blobId: string,
  blobs: ArchiveSource['blobs'],
): Promise<number> {
  const blob = await blobs.get(forumId, blobId);
  return blob ? jpegOrientation(blob.data.subarray(0, ORIENTATION_PROBE_BYTES)) : 1;
}
