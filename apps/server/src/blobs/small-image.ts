// R71: a small copy of a board's photo, for the phones that draw it at ~120 × 90 px. On a
// venue's bad wifi each phone downloaded every photo whole (~1 MB each, up to 10 MiB): a board
// of 8 photos was 7.8 MB, shown ~45 s after the board at 1.6 Mbps.
import type { Metadata } from 'sharp';
import type SharpModule from 'sharp';
import { MAX_UPLOAD_PIXELS, type ImageMime } from './image-type.ts';

/** The longer side of a small copy at most, in pixels (never enlarged). */
export const SMALL_IMAGE_SIDE = 512;

/** JPEG quality of an opaque photo's copy (mozjpeg: ~25 % fewer bytes than libjpeg's at 80). */
export const SMALL_JPEG_QUALITY = 80;

/**
 * Most bytes a decoder may hold for the whole picture at once. A progressive JPEG is decoded
 * from all its coefficients (2 bytes each, every component at its sampling) and an interlaced
 * PNG from all its pixels: within R35's 50 MP, a 381 kB interlaced 16-bit PNG of 7000 × 7000
 * zeros took the server from 120 to 569 MB, a progressive CMYK JPEG of 50 MP from 138 to 538 MB.
 * Other photos are decoded a few lines at a time, shrunk as they are read. 128 MiB holds every
 * photo the web client sends (2560 px on a side at most) and a 12 MP camera's progressive JPEG;
 * a photo past it is answered whole, as R36 answers it.
 */
export const MAX_WHOLE_DECODE_BYTES = 128 * 1024 * 1024;

let loading: Promise<typeof SharpModule> | null = null;

/**
 * sharp (libvips), loaded on the first copy: ~60–90 ms and ~20 MB that a server start and the
 * command line need not pay. libvips works on one thread per image and keeps no cache of
 * operations: the copies share two cores with the relay, and each is made once per process
 * (small-images.ts keeps them).
 */
function loadSharp(): Promise<typeof SharpModule> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    sharp.concurrency(1);
    sharp.cache(false);
    return sharp;
  });
  return loading;
}

export type SmallImage =
  /** A copy made here, upright, without metadata. */
  | { kind: 'made'; data: Uint8Array; mime: ImageMime }
  /** The stored bytes: already small, upright, and no bigger than a copy would be. */
  | { kind: 'stored'; data: Uint8Array; mime: ImageMime }
  /** The stored image could not be decoded (a truncated JPEG that passed R35's sniffing). */
  | { kind: 'failed'; error: string };

/**
 * The photo upright (a JPEG's EXIF orientation applied, no EXIF left), its longer side at most
 * SMALL_IMAGE_SIDE: JPEG if opaque, PNG if it has transparent pixels. The stored bytes themselves
 * when they are already that small, need no turning and are no bigger than the copy.
 */
export async function makeSmallImage(stored: {
  data: Uint8Array;
  mime: ImageMime;
}): Promise<SmallImage> {
  // `failOn: 'warning'` (sharp's default, said here): a truncated or damaged photo fails rather
  // than answering a grey half; the route then answers the full bytes, as R36.
  const options = { limitInputPixels: MAX_UPLOAD_PIXELS, failOn: 'warning' } as const;
  try {
    const sharp = await loadSharp();
    const input = Buffer.from(stored.data.buffer, stored.data.byteOffset, stored.data.byteLength);
    const meta = await sharp(input, options).metadata();
    const whole = wholeDecodeBytes(meta);
    if (whole > MAX_WHOLE_DECODE_BYTES) {
      const megabytes = Math.round(whole / 1e6);
      return { kind: 'failed', error: `decoding it would hold ${megabytes} MB at once` };
    }
    // Turned as R35's upright size says (uprightSize: a JPEG's EXIF orientation only), the size
    // every client gives the photo's box: a WebP saying 6 came back portrait for a landscape
    // box (Chromium draws the whole WebP unturned), squashed on every phone.
    const turns = stored.mime === 'image/jpeg' && (meta.orientation ?? 1) !== 1;
    const pipeline = sharp(input, { ...options, autoOrient: turns }).resize(
      SMALL_IMAGE_SIDE,
      SMALL_IMAGE_SIDE,
      { fit: 'inside', withoutEnlargement: true },
    );
    // Drawn small first: whether it is transparent is read from the copy's pixels. A phone's
    // screenshot is a PNG with an alpha channel that is opaque everywhere: a JPEG, ~10× lighter.
    const { data: pixels, info } = await pipeline
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const drawn = sharp(pixels, {
      raw: { width: info.width, height: info.height, channels: info.channels },
    });
    const made = hasTransparency(pixels, info.channels)
      ? { data: await drawn.png({ compressionLevel: 9 }).toBuffer(), mime: 'image/png' as const }
      : {
          data: await drawn
            .removeAlpha()
            .jpeg({ quality: SMALL_JPEG_QUALITY, mozjpeg: true })
            .toBuffer(),
          mime: 'image/jpeg' as const,
        };
    const small = meta.width <= SMALL_IMAGE_SIDE && meta.height <= SMALL_IMAGE_SIDE;
    if (small && !turns && stored.data.byteLength <= made.data.byteLength) {
      return { kind: 'stored', data: stored.data, mime: stored.mime };
    }
    return { kind: 'made', data: made.data, mime: made.mime };
  } catch (error) {
    return { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The bytes held at once by a decoder that needs the whole picture before its first line: a
 * progressive JPEG's coefficients, an interlaced PNG's pixels (libvips reads it whole); 0 for
 * photos decoded line by line.
 */
function wholeDecodeBytes(meta: Metadata): number {
  if (!meta.isProgressive) return 0;
  const pixels = meta.width * meta.height;
  if (meta.format === 'jpeg') {
    const components = JPEG_COMPONENTS_A_PIXEL[meta.chromaSubsampling ?? ''] ?? meta.channels;
    return pixels * components * 2;
  }
  if (meta.format === 'png') return pixels * meta.channels * (meta.depth === 'ushort' ? 2 : 1);
  return 0;
}

/** Components a pixel when chroma is sampled less: 4:2:0's two are at a quarter each. */
const JPEG_COMPONENTS_A_PIXEL: Record<string, number> = { '4:2:0': 1.5, '4:2:2': 2 };

/** Whether any pixel is not fully opaque (grey + alpha, or RGBA; 8 bits a channel). */
function hasTransparency(pixels: Uint8Array, channels: 1 | 2 | 3 | 4): boolean {
  if (channels !== 2 && channels !== 4) return false;
  for (let alpha = channels - 1; alpha < pixels.length; alpha += channels) {
    if (pixels[alpha] !== 255) return true;
  }
  return false;
}
