// Which photo waiting to be sent (photoSender.ts) is drawn at a board point: a click there
// chooses it (input.ts) rather than the shape under it.
import type { Point } from '../geometry/rect';
import { placedSize } from './images';
import type { WaitingPhoto } from './photoSender';

/** The topmost waiting photo drawn at `at` (the last chosen is drawn last), or null. */
export function waitingPhotoAt(photos: readonly WaitingPhoto[], at: Point): WaitingPhoto | null {
  for (let i = photos.length - 1; i >= 0; i--) {
    const photo = photos[i]!;
    const { w, h } = placedSize(photo.width, photo.height);
    if (Math.abs(at.x - photo.centre.x) <= w / 2 && Math.abs(at.y - photo.centre.y) <= h / 2)
      return photo;
  }
  return null;
}
