import { describe, expect, it } from 'vitest';
import { FAR_PICTURE_PX, farPictureSize, pictureChoice } from './farPicture';

describe('what an image shape draws', () => {
  it('far out: the small copy of the photo, the block until it is made or while it loads', () => {
    expect(pictureChoice('low', true, true)).toBe('far');
    expect(pictureChoice('low', true, false)).toBe('block');
    expect(pictureChoice('low', false, false)).toBe('block');
  });
  it('close: the picture itself, the block while it loads or when it failed', () => {
    expect(pictureChoice('full', true, true)).toBe('picture');
    expect(pictureChoice('full', true, false)).toBe('picture');
    expect(pictureChoice('full', false, false)).toBe('block');
  });
});

describe('the far copy’s size', () => {
  it('a phone photo of a carton (4032 × 3024) fits the far size, proportions kept', () => {
    expect(farPictureSize(4032, 3024)).toEqual({ width: FAR_PICTURE_PX, height: 288 });
    expect(farPictureSize(1080, 1920)).toEqual({ width: 216, height: FAR_PICTURE_PX });
  });
  it('a picture already small is its own far copy (never scaled up)', () => {
    expect(farPictureSize(40, 30)).toBeNull();
    expect(farPictureSize(FAR_PICTURE_PX, 10)).toBeNull();
  });
  it('a sliver keeps at least one pixel', () => {
    expect(farPictureSize(10_000, 2)).toEqual({ width: FAR_PICTURE_PX, height: 1 });
  });
});
