// The board's pictures: fetched once per blob (they need the bearer token), shown from an object
// URL, and their far copies made once per blob from that same decoded image.
import { fetchImage } from '../../board/api';
import { farPictureSize } from './farPicture';

const pictures = new Map<string, Promise<HTMLImageElement>>();
const farCopies = new Map<string, Promise<CanvasImageSource>>();

export function loadPicture(
  boardId: string,
  token: string,
  blobId: string,
): Promise<HTMLImageElement> {
  let pending = pictures.get(blobId);
  if (!pending) {
    pending = fetchImage(boardId, token, blobId).then(
      (blob) =>
        new Promise<HTMLImageElement>((resolve, reject) => {
          const img = new window.Image();
          img.onload = () => resolve(img);
          img.onerror = reject;
          img.src = URL.createObjectURL(blob);
        }),
    );
    pending.catch(() => pictures.delete(blobId));
    pictures.set(blobId, pending);
  }
  return pending;
}

/** The picture scaled down for far zoom (see farPicture.ts), made once per blob. */
export function loadFarPicture(
  boardId: string,
  token: string,
  blobId: string,
): Promise<CanvasImageSource> {
  let pending = farCopies.get(blobId);
  if (!pending) {
    pending = loadPicture(boardId, token, blobId).then(scaledDown);
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
