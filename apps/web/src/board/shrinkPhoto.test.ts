import { describe, expect, it } from 'vitest';
import { PHOTO_KEEP_BYTES, PHOTO_MAX_SIDE, shrunkSize, shrunkTypes } from './shrinkPhoto';

describe('shrunkSize', () => {
  it('sends a small photo as it is', () => {
    expect(shrunkSize(1600, 1200, 800_000)).toBeNull();
  });

  it("brings a phone's 12 Mo, 8000 px photo down to 2560 px on its long side", () => {
    expect(shrunkSize(8000, 6000, 12 * 1024 * 1024)).toEqual({
      width: PHOTO_MAX_SIDE,
      height: 1920,
    });
    expect(shrunkSize(3000, 4000, 500_000)).toEqual({ width: 1920, height: PHOTO_MAX_SIDE });
  });

  it('re-encodes a heavy photo that is already narrow enough, at its own size', () => {
    expect(shrunkSize(2000, 1500, PHOTO_KEEP_BYTES + 1)).toEqual({ width: 2000, height: 1500 });
  });
});

describe('shrunkTypes', () => {
  it('keeps transparent parts transparent (WebP, else PNG) and makes other photos JPEG', () => {
    expect(shrunkTypes(true)).toEqual(['image/webp', 'image/png']);
    expect(shrunkTypes(false)).toEqual(['image/jpeg']);
  });
});
