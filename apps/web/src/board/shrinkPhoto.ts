// A phone's photo is made smaller on the device before it is sent: a recent phone's JPEG can pass
// the server's 10 Mo limit (it was refused with « L’image dépasse 10 Mo. »), and even a 4 Mo one
// takes long on a venue's wifi. A flyer stays sharp at 2560 × 1920 pixels.
import { jpegOrientation, ORIENTATION_PROBE_BYTES } from '@carton/render';
import { drawnAsStored } from '../shapes/image/unturned';

/**
 * The pixels a photo is brought down to: a phone's 4:3 photo, 2560 × 1920. A budget of pixels,
 * not a long side: a panorama of a wall of flipcharts (12000 × 1500) brought to 2560 px on its
 * long side was 320 px tall, its writing unreadable however far one zoomed in.
 */
export const PHOTO_MAX_PIXELS = 2560 * 1920;
/** The longest side a photo is sent with (the server takes up to 16 384). */
export const PHOTO_MAX_SIDE = 8192;
/** Files at most this size, these pixels and this long are sent as they are. */
export const PHOTO_KEEP_BYTES = 1.5 * 1024 * 1024;

/**
 * The size to draw a `width`×`height` photo of `bytes` at, or null to send it unchanged. A photo
 * stored `turned` (an EXIF orientation other than 1), or in a type the server does not take
 * (`redraw`), is always redrawn, however small.
 */
export function shrunkSize(
  width: number,
  height: number,
  bytes: number,
  redraw = false,
): { width: number; height: number } | null {
  const long = Math.max(width, height);
  const pixels = width * height;
  if (!redraw && bytes <= PHOTO_KEEP_BYTES && long <= PHOTO_MAX_SIDE && pixels <= PHOTO_MAX_PIXELS)
    return null;
  const scale = Math.min(1, Math.sqrt(PHOTO_MAX_PIXELS / pixels), PHOTO_MAX_SIDE / long);
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

// A phone held upright stores its photo sideways with orientation 6: browsers draw it turned, but
// the server measures the stored pixels, so a small portrait photo sent as it was got a landscape
// box and was drawn squashed into it. Such a photo is redrawn upright before it is sent.
export { jpegOrientation } from '@carton/render';

/** Whether `file` is a JPEG stored turned or mirrored (its EXIF orientation is not 1). */
async function storedTurned(file: Blob): Promise<boolean> {
  if (file.type !== 'image/jpeg') return false;
  const head = new Uint8Array(await file.slice(0, ORIENTATION_PROBE_BYTES).arrayBuffer());
  return jpegOrientation(head) !== 1;
}

/** Types whose pixels may be transparent (a logo, a cut-out drawing); a JPEG never is. */
const MAY_HAVE_ALPHA = new Set(['image/png', 'image/webp', 'image/gif']);

/**
 * What a shrunk photo is encoded as: JPEG, unless it has transparent pixels, which JPEG would
 * put on white — then WebP, which keeps them (PNG where the browser cannot encode WebP).
 */
export function shrunkTypes(transparent: boolean): readonly string[] {
  return transparent ? ['image/webp', 'image/png'] : ['image/jpeg'];
}

/** The long side of the thumbnail searched for transparent pixels. */
const ALPHA_PROBE_SIDE = 128;

/** Whether any part of the image is (even partly) transparent, read off a small thumbnail. */
function hasTransparency(bitmap: ImageBitmap): boolean {
  const scale = Math.min(1, ALPHA_PROBE_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const probe = document.createElement('canvas');
  probe.width = width;
  probe.height = height;
  const ctx = probe.getContext('2d', { willReadFrequently: true });
  if (!ctx) return false;
  ctx.drawImage(bitmap, 0, 0, width, height);
  const pixels = ctx.getImageData(0, 0, width, height).data;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! < 255) return true;
  return false;
}

/**
 * A file the browser cannot draw: damaged, cut short, empty, or in a format it does not read (a
 * HEIC photo outside Safari). Sent as it was, a cut-short JPEG passed the server's check of its
 * header and showed as a grey box on every screen.
 */
export class UnreadablePhoto extends Error {
  constructor(
    /** Its bytes are an iPhone's HEIC, whatever its name says (a HEIC renamed .jpg). */
    readonly heic = false,
  ) {
    super('the browser cannot decode this file as a picture');
    this.name = 'UnreadablePhoto';
  }
}

/** Brands of the HEIF family (iPhones' photos) in an ISO file's `ftyp` box, at its start. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** Whether a file's first bytes are a HEIC/HEIF photo's (`ftyp` box, a HEIF brand). */
export function isHeicBytes(head: Uint8Array): boolean {
  const text = String.fromCharCode(...head.subarray(4, 12));
  return text.startsWith('ftyp') && HEIF_BRANDS.has(text.slice(4));
}

/**
 * The photo to upload: `file` itself when small and stored upright, else redrawn at shrunkSize
 * (turned upright from its EXIF orientation) as a JPEG, or as a WebP when it has transparent
 * parts. With `convert` (a GIF, a HEIC, an AVIF: types the server does not take) it is always
 * redrawn. Throws UnreadablePhoto when the browser cannot decode it; falls back to `file` when
 * the browser cannot encode the result or it would not be smaller.
 */
export async function shrinkPhoto(file: Blob, convert = false): Promise<Blob> {
  return (await preparePhoto(file, convert)).blob;
}

/** A photo as it is sent: its bytes, and its pixels' size (upright). */
export interface PreparedPhoto {
  blob: Blob;
  width: number;
  height: number;
}

/**
 * The photo being decoded now: photos are decoded one at a time. A phone's 48 MP photo is decoded
 * at its full size, 183 MiB (Chromium decodes no smaller for createImageBitmap's resizeWidth and
 * resizeHeight, and an <img> drawn small only at some sizes: bench/photo/README.md); three
 * dropped at once took the tab up by 575 MiB, what kills a mid-range phone's tab; one at a
 * time, 248.
 */
let decoding: Promise<unknown> = Promise.resolve();

/** shrinkPhoto, with the size of what it gives (a waiting photo is drawn at it before upload). */
export function preparePhoto(file: Blob, convert = false): Promise<PreparedPhoto> {
  const prepared = decoding.then(() => preparePhotoNow(file, convert));
  decoding = prepared.catch(() => undefined);
  return prepared;
}

async function preparePhotoNow(chosen: Blob, convert: boolean): Promise<PreparedPhoto> {
  // A PNG's or WebP's EXIF block is left out (unturned.ts): Carton turns only a JPEG (R35), yet
  // Chromium turned such a PNG when it decoded it here, so a small one waited drawn portrait and
  // was placed landscape, and a large one was redrawn upright where a small one stayed sideways.
  const file = await drawnAsStored(chosen).catch(() => chosen);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
    throw new UnreadablePhoto(isHeicBytes(head));
  }
  try {
    const turned = await storedTurned(file);
    const size = shrunkSize(bitmap.width, bitmap.height, file.size, turned || convert);
    const unchanged = { blob: file, width: bitmap.width, height: bitmap.height };
    if (!size) return unchanged;
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return unchanged;
    const transparent = (convert || MAY_HAVE_ALPHA.has(file.type)) && hasTransparency(bitmap);
    if (!transparent) {
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, size.width, size.height);
    }
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    // The full-size pixels are let go before encoding: not held while the JPEG is written.
    bitmap.close();
    for (const type of shrunkTypes(transparent)) {
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.85));
      // A browser that cannot encode `type` gives a PNG instead: try the next type.
      // A turned photo is sent redrawn even if larger: as stored it would be drawn squashed.
      if (blob && blob.type === type)
        return turned || convert || blob.size < file.size ? { blob, ...size } : unchanged;
    }
    return unchanged;
  } finally {
    bitmap.close();
  }
}

/**
 * A photo embedded in an imported file (a Carton board file, an Excalidraw drawing), to store:
 * its bytes unchanged (its blob id kept, so a board imported twice stores its photos once),
 * unless it is stored turned or heavier than `maxBytes` — then made as a chosen photo is
 * (upright, smaller). Sent as stored, a phone's sideways JPEG was drawn upright by browsers but
 * sideways in the forum archive's PNG (its drawing ignores EXIF), and one past the server's
 * limit failed the whole import.
 */
export async function importedPhoto(file: Blob, maxBytes: number): Promise<Blob> {
  if (file.size <= maxBytes && !(await storedTurned(file))) return file;
  try {
    return await shrinkPhoto(file);
  } catch {
    // The browser cannot read it: the server says what is wrong with it.
    return file;
  }
}
