// Far out (a phone fitted to the whole carton, ~23 %), a photo is what people recognise a carton
// by: it is drawn from a small copy of its picture rather than as a grey block. The small copy is
// made once per picture from the image already fetched and decoded for the board (never fetched
// again), so a far redraw samples a few hundred pixels, not the photo's millions.
import type { Detail } from '../types';

/** Longest side of the far copy, in pixels: a photo far out is at most a few hundred wide. */
export const FAR_PICTURE_PX = 384;

/** What an image shape draws: its picture, the small far copy, or the grey block. */
export type PictureChoice = 'picture' | 'far' | 'block';

export function pictureChoice(
  detail: Detail,
  /** The full picture is decoded (false while it loads, or when it failed). */
  picture: boolean,
  /** The far copy is made. */
  far: boolean,
): PictureChoice {
  if (!picture) return 'block';
  if (detail === 'full') return 'picture';
  // Until the far copy is made (a frame or so), the block: the full picture stays off the
  // cheap far path.
  return far ? 'far' : 'block';
}

/**
 * The far copy's size: the picture scaled down to fit FAR_PICTURE_PX (never up), or null when
 * the picture is already that small (it is then its own far copy).
 */
export function farPictureSize(
  width: number,
  height: number,
  max: number = FAR_PICTURE_PX,
): { width: number; height: number } | null {
  const long = Math.max(width, height);
  if (!(long > max)) return null;
  const scale = max / long;
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}
