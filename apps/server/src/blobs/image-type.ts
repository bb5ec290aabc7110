// CRC-32 is zlib's (native, the one PNG uses; Node ≥ 20.15), not a table written here.
import { crc32 } from 'node:zlib';

/**
 * R35: what an uploaded file really is, read from its bytes (never from Content-Type or a file
 * name): PNG, JPEG or WebP, with the width and height from its header. Anything else (SVG,
 * HTML, GIF, a PNG signature followed by garbage) is refused. The pixels are not decoded: the
 * browser does that, and the checks below make sure it gets a well-formed container.
 */
export type ImageMime = 'image/png' | 'image/jpeg' | 'image/webp';

export type SniffResult =
  | { ok: true; mime: ImageMime; width: number; height: number }
  | { ok: false; reason: 'unsupported_type' | 'broken_image'; message: string };

/** Browsers refuse or choke on larger canvases; a photo of a flyer is far smaller. */
export const MAX_IMAGE_SIDE = 16_384;

/**
 * Most pixels of an uploaded photo (R35): a 48 Mpx camera's full photo passes, and the web
 * client sends at most 2560 on a side. Sides alone let a 261 kB PNG of 16 384 × 16 384 zeros
 * through: every browser showing the board decoded it (Chromium took 3.5 GB for one) — one
 * participant's upload took down the phones on the board and the plenary's mosaic. Archive
 * imports keep the side check only: an older forum's photos must come back.
 */
export const MAX_UPLOAD_PIXELS = 50_000_000;

const unsupported: SniffResult = {
  ok: false,
  reason: 'unsupported_type',
  message: 'Only PNG, JPEG and WebP images are accepted.',
};
const broken = (message: string): SniffResult => ({ ok: false, reason: 'broken_image', message });

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffImage(bytes: Uint8Array): SniffResult {
  if (startsWith(bytes, PNG_SIGNATURE)) return sized('image/png', readPng(bytes));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return sized('image/jpeg', readJpeg(bytes));
  }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    return sized('image/webp', readWebp(bytes));
  }
  return unsupported;
}

type Size = { width: number; height: number } | string;

function sized(mime: ImageMime, size: Size): SniffResult {
  if (typeof size === 'string') return broken(size);
  const { width, height } = size;
  if (width < 1 || height < 1) return broken('The image has no pixels.');
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    return broken(`The image is larger than ${MAX_IMAGE_SIDE} pixels on a side.`);
  }
  return { ok: true, mime, width, height };
}

/** PNG: IHDR first (checked with its CRC), then well-formed chunks up to IEND, with image data. */
function readPng(bytes: Uint8Array): Size {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let size: { width: number; height: number } | null = null;
  let sawData = false;
  for (let chunks = 0; chunks < 100_000; chunks++) {
    if (offset + 12 > bytes.length) return 'The PNG file is truncated.';
    const length = view.getUint32(offset);
    const type = ascii(bytes, offset + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) return 'The PNG file has a broken chunk.';
    const end = offset + 12 + length;
    if (end > bytes.length) return 'The PNG file is truncated.';
    if (chunks === 0) {
      if (type !== 'IHDR' || length !== 13) return 'The PNG file has no header.';
      if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(end - 4)) {
        return 'The PNG header is damaged.';
      }
      size = { width: view.getUint32(offset + 8), height: view.getUint32(offset + 12) };
    }
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') {
      if (!sawData || size === null) return 'The PNG file has no image data.';
      return size;
    }
    offset = end;
  }
  return 'The PNG file has too many chunks.';
}

/** JPEG: segments from SOI up to the frame header (SOFn) that holds the size. */
function readJpeg(bytes: Uint8Array): Size {
  let offset = 2;
  for (let segments = 0; segments < 10_000; segments++) {
    // Markers may be padded with 0xFF bytes.
    while (offset < bytes.length && bytes[offset] === 0xff && bytes[offset + 1] === 0xff) offset++;
    if (offset + 4 > bytes.length) return 'The JPEG file is truncated.';
    if (bytes[offset] !== 0xff) return 'The JPEG file has a broken segment.';
    const marker = bytes[offset + 1]!;
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (length < 2 || offset + 2 + length > bytes.length) return 'The JPEG file is truncated.';
    const isFrame =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (length < 8) return 'The JPEG frame header is broken.';
      const height = (bytes[offset + 5]! << 8) | bytes[offset + 6]!;
      const width = (bytes[offset + 7]! << 8) | bytes[offset + 8]!;
      return { width, height };
    }
    if (marker === 0xda || marker === 0xd9) return 'The JPEG file has no frame header.';
    offset += 2 + length;
  }
  return 'The JPEG file has too many segments.';
}

/** WebP: a RIFF container whose size matches, and a VP8, VP8L or VP8X first chunk. */
function readWebp(bytes: Uint8Array): Size {
  if (bytes.length < 30) return 'The WebP file is truncated.';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const riffSize = view.getUint32(4, true);
  if (riffSize + 8 > bytes.length || riffSize + 8 < 30) return 'The WebP file is truncated.';
  const chunk = ascii(bytes, 12, 4);
  const chunkSize = view.getUint32(16, true);
  if (20 + chunkSize > riffSize + 8) return 'The WebP file is truncated.';
  const data = 20;
  if (chunk === 'VP8 ') {
    // Frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height.
    if (bytes[data + 3] !== 0x9d || bytes[data + 4] !== 0x01 || bytes[data + 5] !== 0x2a) {
      return 'The WebP image data is broken.';
    }
    return {
      width: view.getUint16(data + 6, true) & 0x3fff,
      height: view.getUint16(data + 8, true) & 0x3fff,
    };
  }
  if (chunk === 'VP8L') {
    if (bytes[data] !== 0x2f) return 'The WebP image data is broken.';
    const bits = view.getUint32(data + 1, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    const width = 1 + (bytes[data + 4]! | (bytes[data + 5]! << 8) | (bytes[data + 6]! << 16));
    const height = 1 + (bytes[data + 7]! | (bytes[data + 8]! << 8) | (bytes[data + 9]! << 16));
    return { width, height };
  }
  return 'The WebP file has no image data.';
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  if (offset + length > bytes.length) return '';
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}
