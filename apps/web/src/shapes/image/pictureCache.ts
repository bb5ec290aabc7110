// The board's pictures: each photo's small copy, then its whole picture once drawn big enough to
// need it (see pictureCopies.ts), fetched at most once per blob (they need the bearer token),
// shown from object URLs; the far copies are made once per blob from the small copy.
import { fetchImage } from '../../board/api';
import { farPictureSize } from './farPicture';
import { PictureCopies, SMALL_PICTURE_PX } from './pictureCopies';
import { drawnAsStored } from './unturned';

const boards = new Map<string, PictureCopies<HTMLImageElement>>();
/** Each board's far copies, by blob: let go with the board's pictures. */
const farCopies = new WeakMap<
  PictureCopies<HTMLImageElement>,
  Map<string, Promise<CanvasImageSource>>
>();

/**
 * The picture of `blob`, drawn as stored unless a JPEG says to turn it (unturned.ts). Its object
 * URL is revoked once the picture is loaded: the <img> keeps what it loaded, and the canvas draws
 * from it. Kept, each URL held its photo's bytes for as long as the page lived — every photo of
 * every board opened, every picture replaced.
 */
async function decodeImage(blob: Blob) {
  const drawn = await drawnAsStored(blob);
  return new Promise<{ source: HTMLImageElement; width: number; height: number }>(
    (resolve, reject) => {
      const img = new window.Image();
      const url = URL.createObjectURL(drawn);
      img.onload = () => {
        URL.revokeObjectURL(url);
        resolve({ source: img, width: img.naturalWidth, height: img.naturalHeight });
      };
      img.onerror = (error) => {
        URL.revokeObjectURL(url);
        reject(error);
      };
      img.src = url;
    },
  );
}

/**
 * The small copy of a photo this page sent (PictureCopies.keepLocal), made here as the server
 * makes it (R71): upright, its longer side at most SMALL_PICTURE_PX, a WebP (PNG where the
 * browser writes no WebP) that keeps any transparency. The sender's canvas draws the same 512 px
 * as everyone's, not the 2560 px picture (~20 MB of pixels each) until zoomed into.
 */
async function localSmallCopy(blob: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(await drawnAsStored(blob));
  try {
    const scale = SMALL_PICTURE_PX / Math.max(bitmap.width, bitmap.height);
    if (scale >= 1) return blob;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) return blob;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve) =>
      canvas.toBlob((small) => resolve(small ?? blob), 'image/webp', 0.85),
    );
  } finally {
    bitmap.close();
  }
}

/** The pictures of a board's photos, fetched with its token. */
export function boardPictures(boardId: string, token: string): PictureCopies<HTMLImageElement> {
  const key = `${boardId} ${token}`;
  let copies = boards.get(key);
  if (!copies) {
    copies = new PictureCopies(
      (blobId, copy) => fetchImage(boardId, token, blobId, copy),
      decodeImage,
      localSmallCopy,
    );
    boards.set(key, copies);
  }
  return copies;
}

/**
 * Lets go of a board's pictures once its session is closed: a long session going from board to
 * board kept every photo of every board it had opened, decoded, for as long as the page lived.
 */
export function forgetBoardPictures(boardId: string, token: string): void {
  boards.delete(`${boardId} ${token}`);
}

/** The small copy scaled down for far zoom (see farPicture.ts), made once per blob. */
export function loadFarPicture(
  copies: PictureCopies<HTMLImageElement>,
  blobId: string,
): Promise<CanvasImageSource> {
  let made = farCopies.get(copies);
  if (!made) farCopies.set(copies, (made = new Map()));
  const board = made;
  let pending = board.get(blobId);
  if (!pending) {
    pending = copies.loadSmall(blobId).then((picture) => scaledDown(picture.source));
    pending.catch(() => board.delete(blobId));
    board.set(blobId, pending);
  }
  return pending;
}

function scaledDown(img: HTMLImageElement): CanvasImageSource {
  const size = farPictureSize(img.naturalWidth, img.naturalHeight);
  if (!size) return img;
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) return img;
  context.imageSmoothingQuality = 'high';
  context.drawImage(img, 0, 0, size.width, size.height);
  return canvas;
}
