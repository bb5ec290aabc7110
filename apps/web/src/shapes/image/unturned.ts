// Only a JPEG's EXIF orientation turns a photo in Carton (R35): the server sizes the photo's box
// from a JPEG's upright size and turns its small copy (R71), but measures a PNG or a WebP as its
// pixels are stored, whatever orientation its EXIF block says, and so does the forum archive's
// drawing (resvg). Chromium turns a PNG by its eXIf chunk when it decodes it (an <img>, an SVG
// <image>, createImageBitmap, whose imageOrientation 'none' now means 'from-image' too), so a PNG
// saying « turn 90° » was drawn portrait, squashed into its landscape box, once a participant
// zoomed into it and its whole picture replaced the small copy. The browser is handed the picture
// without that block: drawn as stored, as everywhere else. A WebP's EXIF block goes too (Chromium
// ignores it; another browser may not).

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const fourCC = (bytes: Uint8Array, at: number): string =>
  String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);

/** The [start, end) byte ranges of a PNG's eXIf chunks (length, type, data and CRC). */
function pngExifChunks(bytes: Uint8Array): Array<[number, number]> {
  if (!PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: Array<[number, number]> = [];
  for (let at = 8; at + 12 <= bytes.length;) {
    const end = at + 12 + view.getUint32(at);
    const type = fourCC(bytes, at + 4);
    if (type === 'eXIf') found.push([at, end]);
    if (type === 'IEND') break;
    at = end;
  }
  return found;
}

/**
 * A WebP without its EXIF chunk: the chunk left out, the VP8X header's EXIF flag cleared and the
 * RIFF size made smaller by as much. Null when it has none.
 */
function webpWithoutExif(bytes: Uint8Array): Uint8Array | null {
  if (fourCC(bytes, 0) !== 'RIFF' || fourCC(bytes, 8) !== 'WEBP') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 12; at + 8 <= bytes.length;) {
    const size = view.getUint32(at + 4, true);
    const end = Math.min(bytes.length, at + 8 + size + (size % 2));
    if (fourCC(bytes, at) === 'EXIF') {
      const out = new Uint8Array(bytes.length - (end - at));
      out.set(bytes.subarray(0, at));
      out.set(bytes.subarray(end), at);
      const outView = new DataView(out.buffer);
      outView.setUint32(4, view.getUint32(4, true) - (end - at), true);
      // VP8X, when first: its flags byte's bit 3 says an EXIF chunk follows.
      if (fourCC(out, 12) === 'VP8X') out[20] = out[20]! & ~0x08;
      return out;
    }
    at = end;
  }
  return null;
}

/** `bytes` as a browser should draw them: a PNG's or a WebP's EXIF block left out. */
export function withoutOrientationBlock(bytes: Uint8Array): Uint8Array {
  const chunks = pngExifChunks(bytes);
  if (chunks.length > 0) {
    const kept: Uint8Array[] = [];
    let from = 0;
    for (const [start, end] of chunks) {
      kept.push(bytes.subarray(from, start));
      from = end;
    }
    kept.push(bytes.subarray(from));
    const out = new Uint8Array(kept.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of kept) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
  return webpWithoutExif(bytes) ?? bytes;
}

/**
 * The picture to hand the browser for `blob`: itself, unless a PNG or a WebP carries an EXIF
 * block (see above). A JPEG is handed as it is: its orientation is Carton's too.
 */
export async function drawnAsStored(blob: Blob): Promise<Blob> {
  const head = new Uint8Array(await blob.slice(0, 12).arrayBuffer());
  const png = PNG_SIGNATURE.every((byte, i) => head[i] === byte);
  const webp = head.length === 12 && fourCC(head, 0) === 'RIFF' && fourCC(head, 8) === 'WEBP';
  if (!png && !webp) return blob;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const drawn = withoutOrientationBlock(bytes);
  return drawn === bytes ? blob : new Blob([drawn as Uint8Array<ArrayBuffer>], { type: blob.type });
}
