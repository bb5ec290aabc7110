// A phone's photo is made smaller on the device before it is sent: a recent phone's JPEG can pass
// the server's 10 Mo limit (it was refused with « L’image dépasse 10 Mo. »), and even a 4 Mo one
// takes long on a venue's wifi. A flyer stays sharp at 2560 px on its long side.

/** The long side, in pixels, a photo is brought down to. */
export const PHOTO_MAX_SIDE = 2560;
/** Files at most this size and this long are sent as they are. */
export const PHOTO_KEEP_BYTES = 1.5 * 1024 * 1024;

/** The size to draw a `width`×`height` photo of `bytes` at, or null to send it unchanged. */
export function shrunkSize(
  width: number,
  height: number,
  bytes: number,
): { width: number; height: number } | null {
  const long = Math.max(width, height);
  if (bytes <= PHOTO_KEEP_BYTES && long <= PHOTO_MAX_SIDE) return null;
  const scale = Math.min(1, PHOTO_MAX_SIDE / long);
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/**
 * The photo to upload: `file` itself when small, else a JPEG redrawn at shrunkSize (turned
 * upright from its EXIF orientation, on white where it was transparent). Falls back to `file`
 * when the browser cannot decode or encode it, or when the JPEG would not be smaller.
 */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  try {
    const size = shrunkSize(bitmap.width, bitmap.height, file.size);
    if (!size) return file;
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return file;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    const jpeg = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', 0.85),
    );
    return jpeg && jpeg.size < file.size ? jpeg : file;
  } finally {
    bitmap.close();
  }
}
