// A phone's photo is often stored sideways with an EXIF orientation saying how to turn it.
// Browsers turn it when they draw it; resvg (the server's drawing of a board for the forum
// archive) does not: such a photo, imported from a file, was upright on every screen and
// sideways in the archive's PNG. A drawing that wants it (RenderOptions.imageOrientation) turns
// it in the SVG itself; a browser drawing must not, or the photo would be turned twice.
import type { BoardFileImage } from '@carton/board';
import { num } from '../svg/xml.ts';

/**
 * A JPEG's EXIF orientation (1 to 8; 1, as stored, when it has none or the block is unreadable).
 * Only the head of the file is needed: the EXIF block comes before the pixels.
 */
export function jpegOrientation(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (view.getUint16(0) !== 0xffd8) return 1;
    // Segments up to the start of scan (0xDA): the EXIF block (APP1, 0xE1) comes among them.
    for (let at = 2; view.getUint8(at) === 0xff && view.getUint8(at + 1) !== 0xda;) {
      const length = view.getUint16(at + 2);
      const header = String.fromCharCode(...bytes.subarray(at + 4, at + 10));
      if (view.getUint8(at + 1) === 0xe1 && header === 'Exif\0\0') {
        const tiff = at + 10;
        const little = view.getUint16(tiff) === 0x4949; // « II »: Intel byte order
        const ifd = tiff + view.getUint32(tiff + 4, little);
        for (let i = 0, n = view.getUint16(ifd, little); i < n; i++) {
          const entry = ifd + 2 + i * 12;
          if (view.getUint16(entry, little) !== 0x0112) continue;
          const value = view.getUint16(entry + 8, little);
          return value >= 1 && value <= 8 ? value : 1;
        }
        return 1;
      }
      at += 2 + length;
    }
  } catch {
    // Cut short (only the file's head is read) or malformed: drawn as stored.
  }
  return 1;
}

/** Bytes of a JPEG's head read for its orientation (its EXIF block comes first). */
export const ORIENTATION_PROBE_BYTES = 128 * 1024;

/** The orientation of an embedded image (a board file's own `images`): 1 unless a JPEG says. */
export function embeddedOrientation(image: BoardFileImage): number {
  if (image.mime !== 'image/jpeg') return 1;
  // Whole groups of 4 base64 characters: 3 bytes each.
  const head = image.data.slice(0, Math.ceil(ORIENTATION_PROBE_BYTES / 3) * 4);
  try {
    return jpegOrientation(Uint8Array.from(atob(head), (c) => c.charCodeAt(0)));
  } catch {
    return 1;
  }
}

/**
 * How to lay a photo stored with `orientation` into the box x, y, w, h (the box it shows in,
 * upright): the stored picture's size and the SVG matrix that turns it into the box. Null for 1.
 */
export function orientedPlacement(
  orientation: number,
  x: number,
  y: number,
  w: number,
  h: number,
): { width: number; height: number; matrix: string } | null {
  // Each maps the stored picture's (u, v) to the board: x' = a·u + c·v + e, y' = b·u + d·v + f.
  const matrices: Record<number, [number, number, number, number, number, number]> = {
    2: [-1, 0, 0, 1, x + w, y],
    3: [-1, 0, 0, -1, x + w, y + h],
    4: [1, 0, 0, -1, x, y + h],
    5: [0, 1, 1, 0, x, y],
    6: [0, 1, -1, 0, x + w, y],
    7: [0, -1, -1, 0, x + w, y + h],
    8: [0, -1, 1, 0, x, y + h],
  };
  const m = matrices[orientation];
  if (!m) return null;
  // 5 to 8: the stored picture lies across the box.
  const across = orientation >= 5;
  return {
    width: across ? h : w,
    height: across ? w : h,
    matrix: `matrix(${m.map(num).join(' ')})`,
  };
}
