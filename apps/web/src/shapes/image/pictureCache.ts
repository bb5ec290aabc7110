// The board's pictures: each photo's small copy, then its whole picture once drawn big enough to
// need it (see pictureCopies.ts), fetched at most once per blob (they need the bearer token),
// shown from object URLs; the far copies are made once per blob from the small copy.
import { fetchImage } from '../../board/api';
import { farPictureSize } from './farPicture';
import { PictureCopies } from './pictureCopies';
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

/** The pictures of a board's photos, fetched with its token. */
export function boardPictures(boardId: string, token: string): PictureCopies<HTMLImageElement> {
  const key = `${boardId} ${token}`;
  let copies = boards.get(key);
  if (!copies) {
    copies = new PictureCopies(
      (blobId, copy) => fetchImage(boardId, token, blobId, copy),
      decodeImage,
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
