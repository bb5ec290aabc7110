// The board's pictures: each photo's small copy, then its whole picture once drawn big enough to
// need it (see pictureCopies.ts), fetched at most once per blob (they need the bearer token),
// shown from object URLs; the far copies are made once per blob from the small copy.
import { fetchImage } from '../../board/api';
import { farPictureSize } from './farPicture';
import { PictureCopies } from './pictureCopies';
import { drawnAsStored } from './unturned';

const boards = new Map<string, PictureCopies<HTMLImageElement>>();
const farCopies = new Map<string, Promise<CanvasImageSource>>();

/** The picture of `blob`, drawn as stored unless a JPEG says to turn it (unturned.ts). */
async function decodeImage(blob: Blob) {
  const drawn = await drawnAsStored(blob);
  return new Promise<{ source: HTMLImageElement; width: number; height: number }>(
    (resolve, reject) => {
      const img = new window.Image();
      img.onload = () =>
        resolve({ source: img, width: img.naturalWidth, height: img.naturalHeight });
      img.onerror = reject;
      img.src = URL.createObjectURL(drawn);
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

/** The small copy scaled down for far zoom (see farPicture.ts), made once per blob. */
export function loadFarPicture(
  copies: PictureCopies<HTMLImageElement>,
  blobId: string,
): Promise<CanvasImageSource> {
  let pending = farCopies.get(blobId);
  if (!pending) {
    pending = copies.loadSmall(blobId).then((picture) => scaledDown(picture.source));
    pending.catch(() => farCopies.delete(blobId));
    farCopies.set(blobId, pending);
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
