// R35: only a JPEG's EXIF orientation turns a photo; a PNG's or a WebP's EXIF block is left out
// of what the browser is handed (unturned.ts), the rest of the file kept byte for byte.
import { describe, expect, it } from 'vitest';
import { drawnAsStored, withoutOrientationBlock } from './unturned';

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u32le = (n: number) => u32be(n).reverse();

/** A PNG chunk: length, type, data, and a CRC (not checked here: four bytes). */
const pngChunk = (type: string, data: number[]) => [
  ...u32be(data.length),
  ...ascii(type),
  ...data,
  0,
  0,
  0,
  0,
];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A TIFF block saying orientation 6 (« turn 90° clockwise »), big-endian. */
const EXIF_6 = [...ascii('MM'), 0, 42, ...u32be(8), 0, 1, 1, 0x12, 0, 3, ...u32be(1), 0, 6, 0, 0];

const IHDR = pngChunk('IHDR', [...u32be(400), ...u32be(200), 8, 2, 0, 0, 0]);
const IDAT = pngChunk('IDAT', [1, 2, 3]);
const IEND = pngChunk('IEND', []);

/** A RIFF chunk, padded to an even size. */
const riffChunk = (type: string, data: number[]) => [
  ...ascii(type),
  ...u32le(data.length),
  ...data,
  ...(data.length % 2 ? [0] : []),
];
const webp = (...chunks: number[][]) => {
  const body = [...ascii('WEBP'), ...chunks.flat()];
  return new Uint8Array([...ascii('RIFF'), ...u32le(body.length), ...body]);
};
/** VP8X: flags (0x08: an EXIF chunk follows), then the canvas size less one, 24 bits each. */
const vp8x = (flags: number) => riffChunk('VP8X', [flags, 0, 0, 0, 0x3f, 0x06, 0, 0x1f, 0x03, 0]);
const VP8L = riffChunk('VP8L', [0x2f, 1, 2, 3, 4]);

describe('a PNG or WebP saying « turn 90° » is handed to the browser as stored', () => {
  it("a PNG's eXIf chunk is left out, every other chunk kept", () => {
    const png = new Uint8Array([
      ...PNG_SIGNATURE,
      ...IHDR,
      ...pngChunk('eXIf', EXIF_6),
      ...IDAT,
      ...IEND,
    ]);
    expect([...withoutOrientationBlock(png)]).toEqual([
      ...PNG_SIGNATURE,
      ...IHDR,
      ...IDAT,
      ...IEND,
    ]);
  });

  it("a WebP's EXIF chunk is left out, its flag cleared and the RIFF size made smaller", () => {
    const withExif = webp(vp8x(0x08 | 0x10), VP8L, riffChunk('EXIF', EXIF_6));
    expect([...withoutOrientationBlock(withExif)]).toEqual([...webp(vp8x(0x10), VP8L)]);
  });

  it('a file without an EXIF block, and a JPEG, are handed as they are', async () => {
    const png = new Uint8Array([...PNG_SIGNATURE, ...IHDR, ...IDAT, ...IEND]);
    expect(withoutOrientationBlock(png)).toBe(png);
    const plain = new Blob([png], { type: 'image/png' });
    expect(await drawnAsStored(plain)).toBe(plain);
    // A JPEG's orientation is Carton's too (R35): kept, the browser turns it as the server does.
    const jpeg = new Blob(
      [new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0, 8, ...ascii('Exif'), 0, 0])],
      {
        type: 'image/jpeg',
      },
    );
    expect(await drawnAsStored(jpeg)).toBe(jpeg);
  });

  it('drawnAsStored hands a PNG with eXIf over without it, its type kept', async () => {
    const png = new Blob(
      [new Uint8Array([...PNG_SIGNATURE, ...IHDR, ...pngChunk('eXIf', EXIF_6), ...IDAT, ...IEND])],
      { type: 'image/png' },
    );
    const drawn = await drawnAsStored(png);
    expect(drawn.type).toBe('image/png');
    expect([...new Uint8Array(await drawn.arrayBuffer())]).toEqual([
      ...PNG_SIGNATURE,
      ...IHDR,
      ...IDAT,
      ...IEND,
    ]);
  });
});
