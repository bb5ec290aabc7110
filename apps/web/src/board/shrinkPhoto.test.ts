import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  isHeicBytes,
  jpegOrientation,
  preparePhoto,
  PHOTO_KEEP_BYTES,
  PHOTO_MAX_PIXELS,
  PHOTO_MAX_SIDE,
  shrunkSize,
  shrunkTypes,
  UnreadablePhoto,
} from './shrinkPhoto';

/** An EXIF block (APP1) whose first directory holds `tags` ([tag, short value]), in that order. */
function exifSegment(tags: [number, number][], little: boolean): number[] {
  const u16 = (v: number) => (little ? [v & 255, v >> 8] : [v >> 8, v & 255]);
  const u32 = (v: number) => (little ? [...u16(v & 0xffff), 0, 0] : [0, 0, ...u16(v & 0xffff)]);
  const tiff = [
    ...(little ? [0x49, 0x49] : [0x4d, 0x4d]),
    ...u16(42),
    ...u32(8),
    ...u16(tags.length),
    // Each entry: tag, type 3 (short), count 1, the value left-aligned in four bytes.
    ...tags.flatMap(([tag, value]) => [...u16(tag), ...u16(3), ...u32(1), ...u16(value), 0, 0]),
    ...u32(0),
  ];
  const body = [...'Exif\0\0'].map((c) => c.charCodeAt(0)).concat(tiff);
  return [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
}

/** A JPEG's head: start of image, a JFIF block, then `segments`, then the start of scan. */
function jpegHead(...segments: number[][]): Uint8Array {
  const jfif = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  return new Uint8Array([0xff, 0xd8, ...jfif, ...segments.flat(), 0xff, 0xda, 0, 8, 1, 2, 3]);
}

describe('shrunkSize', () => {
  it('sends a small photo as it is', () => {
    expect(shrunkSize(1600, 1200, 800_000)).toBeNull();
  });

  it("brings a phone's 12 Mo, 8000 px photo down to 2560 px on its long side", () => {
    expect(shrunkSize(8000, 6000, 12 * 1024 * 1024)).toEqual({ width: 2560, height: 1920 });
    expect(shrunkSize(3000, 4000, 500_000)).toEqual({ width: 1920, height: 2560 });
  });

  it('re-encodes a heavy photo that is already narrow enough, at its own size', () => {
    expect(shrunkSize(2000, 1500, PHOTO_KEEP_BYTES + 1)).toEqual({ width: 2000, height: 1500 });
  });

  it('redraws a small photo stored turned, at its upright size', () => {
    // A phone's portrait photo, 1200 × 1600 once turned, 800 Ko: sent as stored, the server
    // measured 1600 × 1200 and the board drew it squashed into a landscape box.
    expect(shrunkSize(1200, 1600, 800_000, true)).toEqual({ width: 1200, height: 1600 });
    expect(shrunkSize(3000, 4000, 500_000, true)).toEqual({ width: 1920, height: 2560 });
  });

  it('keeps a panorama of flipcharts as many pixels as a photo, not 2560 px on its long side', () => {
    // 12000 × 1500 (a phone's panorama of a wall): brought to 2560 × 320 before, its writing
    // unreadable. Now about as many pixels as a 2560 × 1920 photo, the same shape.
    const size = shrunkSize(12000, 1500, 5_000_000)!;
    expect(size.height).toBeGreaterThan(700);
    expect(size.width / size.height).toBeCloseTo(8, 1);
    expect(size.width * size.height).toBeLessThanOrEqual(PHOTO_MAX_PIXELS * 1.001);
    // A very long one stops at PHOTO_MAX_SIDE, well under the server's 16 384.
    expect(shrunkSize(40000, 1000, 5_000_000)).toEqual({ width: PHOTO_MAX_SIDE, height: 205 });
    // A small panorama is sent as it is.
    expect(shrunkSize(4000, 500, 900_000)).toBeNull();
  });
});

describe('jpegOrientation', () => {
  it('reads a phone’s portrait photo (6) in either byte order, after other tags', () => {
    expect(jpegOrientation(jpegHead(exifSegment([[0x0112, 6]], false)))).toBe(6);
    const tagged: [number, number][] = [
      [0x010f, 1],
      [0x0112, 8],
    ];
    expect(jpegOrientation(jpegHead(exifSegment(tagged, true)))).toBe(8);
    expect(jpegOrientation(jpegHead(exifSegment([[0x0112, 1]], true)))).toBe(1);
  });

  it('is 1 (as stored) without EXIF, without the tag, or when unreadable', () => {
    expect(jpegOrientation(jpegHead())).toBe(1);
    expect(jpegOrientation(jpegHead(exifSegment([[0x010f, 6]], false)))).toBe(1);
    expect(jpegOrientation(jpegHead(exifSegment([[0x0112, 42]], false)))).toBe(1);
    // Only the head of the file is read: an EXIF block cut short is not a crash.
    expect(jpegOrientation(jpegHead(exifSegment([[0x0112, 6]], false)).subarray(0, 40))).toBe(1);
    // A PNG's bytes.
    expect(jpegOrientation(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe(1);
  });
});

describe('shrunkTypes', () => {
  it('keeps transparent parts transparent (WebP, else PNG) and makes other photos JPEG', () => {
    expect(shrunkTypes(true)).toEqual(['image/webp', 'image/png']);
    expect(shrunkTypes(false)).toEqual(['image/jpeg']);
  });
});

describe('isHeicBytes', () => {
  it('tells an iPhone’s HEIC by its ftyp box, whatever its name', () => {
    const box = (brand: string) =>
      new Uint8Array([0, 0, 0, 0x18, ...[...`ftyp${brand}`].map((c) => c.charCodeAt(0))]);
    expect(isHeicBytes(box('heic'))).toBe(true);
    expect(isHeicBytes(box('mif1'))).toBe(true);
    // An MP4 video, a JPEG, nothing.
    expect(isHeicBytes(box('isom'))).toBe(false);
    expect(
      isHeicBytes(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])),
    ).toBe(false);
    expect(isHeicBytes(new Uint8Array(0))).toBe(false);
  });
});

describe('preparePhoto: photos dropped together', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('are decoded one after the other, a failed one not holding up the next', async () => {
    // Each decode of a 48 MP photo holds 183 MiB: three at once took the tab up by 576 MiB.
    let decoding = 0;
    let most = 0;
    vi.stubGlobal('createImageBitmap', async () => {
      most = Math.max(most, ++decoding);
      await new Promise((resolve) => setTimeout(resolve, 5));
      decoding--;
      throw new DOMException('The source image could not be decoded.', 'InvalidStateError');
    });
    const photos = [1, 2, 3].map(
      (i) => new Blob([new Uint8Array(40).fill(i)], { type: 'image/jpeg' }),
    );
    const outcomes = await Promise.allSettled(photos.map((photo) => preparePhoto(photo)));
    expect(most).toBe(1);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(UnreadablePhoto);
    }
  });

  it('sends a PNG without its EXIF block: its orientation turns nothing in Carton (R35)', async () => {
    const decoded: Uint8Array[] = [];
    vi.stubGlobal('createImageBitmap', async (blob: Blob) => {
      decoded.push(new Uint8Array(await blob.arrayBuffer()));
      return { width: 400, height: 200, close: () => undefined };
    });
    const chunk = (type: string, data: number[]) => [
      0,
      0,
      0,
      data.length,
      ...[...type].map((c) => c.charCodeAt(0)),
      ...data,
      0,
      0,
      0,
      0,
    ];
    const head = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk('IHDR', [0, 1, 2])];
    const tail = [...chunk('IDAT', [7, 8]), ...chunk('IEND', [])];
    const sideways = new Blob(
      [new Uint8Array([...head, ...chunk('eXIf', [0x4d, 0x4d, 0, 42]), ...tail])],
      { type: 'image/png' },
    );
    const prepared = await preparePhoto(sideways);
    expect([prepared.width, prepared.height]).toEqual([400, 200]);
    expect(prepared.blob.type).toBe('image/png');
    expect([...new Uint8Array(await prepared.blob.arrayBuffer())]).toEqual([...head, ...tail]);
    expect(decoded.map((bytes) => [...bytes])).toEqual([[...head, ...tail]]);
  });
});
