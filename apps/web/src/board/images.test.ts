import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { photoKind, placedSize, PLACED_MAX_SIDE, PLACED_MIN_SIDE, uploadFailedKey } from './images';
import { WaitingPhotosFull } from './photoSender';
import { UnreadablePhoto } from './shrinkPhoto';
import en from '../i18n/en.json';
import frCA from '../i18n/fr-CA.json';

describe('uploadFailedKey', () => {
  it('tells a photo chosen offline to be chosen again once the network is back', () => {
    expect(uploadFailedKey(new ApiError(0, 'network', 'Failed to fetch'))).toBe('image.offline');
    expect(frCA.image.offline).toMatch(/^Hors ligne/);
    expect(frCA.image.offline).toMatch(/de nouveau/);
  });

  it('says in plain French that the device keeps too many waiting photos, and what to do', () => {
    expect(uploadFailedKey(new WaitingPhotosFull())).toBe('image.deviceFull');
    expect(frCA.image.deviceFull).toMatch(/^Cet appareil garde déjà trop de photos/);
    expect(frCA.image.deviceFull).toContain('d’envoi\u00a0: celle-ci');
    expect(en.image.deviceFull).toMatch(/^This device/);
  });

  it('says what to do for each refusal by the server, not only that the upload failed', () => {
    const refused = (status: number, code: string, file = { type: 'image/jpeg', name: 'a.jpg' }) =>
      uploadFailedKey(new ApiError(status, code, 'refused'), file);
    expect(refused(415, 'unsupported_image_type')).toBe('image.unsupported');
    // A HEIC renamed .jpg the browser could not read, sent as it was.
    expect(
      refused(415, 'unsupported_image_type', { type: 'image/heic', name: 'IMG_0042.HEIC' }),
    ).toBe('image.heic');
    expect(refused(400, 'broken_image')).toBe('image.broken');
    expect(refused(413, 'image_too_large')).toBe('image.tooLarge');
    expect(refused(507, 'image_quota_exceeded')).toBe('image.quota');
    expect(refused(503, 'storage_unavailable')).toBe('image.failed');
    expect(uploadFailedKey(new Error('decode'))).toBe('image.failed');
  });

  it('tells a photo the browser cannot read that it is damaged, or an iPhone HEIC what to do', () => {
    expect(uploadFailedKey(new UnreadablePhoto(), { type: 'image/jpeg', name: 'IMG_1.jpg' })).toBe(
      'image.broken',
    );
    expect(uploadFailedKey(new UnreadablePhoto(), { type: '', name: 'IMG_0042.HEIC' })).toBe(
      'image.heic',
    );
    // A HEIC renamed .jpg: told by its bytes.
    expect(uploadFailedKey(new UnreadablePhoto(true), { type: 'image/jpeg', name: 'a.jpg' })).toBe(
      'image.heic',
    );
  });

  it('has one sentence for each, saying what to do, in both languages', () => {
    const keys = [
      'failed',
      'unsupported',
      'heic',
      'broken',
      'tooLarge',
      'quota',
      'readOnly',
    ] as const;
    for (const key of keys) {
      // What went wrong, then after « : » what to do; one sentence.
      expect(frCA.image[key]).toMatch(/^[^.:]+\u00a0: [^:]+\.$/);
      expect(en.image[key]).toMatch(/^[^:]+: [^:]+\.$/);
    }
  });
});

describe('photoKind', () => {
  it('sends PNG, JPEG and WebP, converts other pictures, refuses the rest', () => {
    expect(photoKind({ type: 'image/jpeg', name: 'IMG_2041.jpg' })).toBe('photo');
    expect(photoKind({ type: 'image/webp' })).toBe('photo');
    expect(photoKind({ type: 'image/gif', name: 'merci.gif' })).toBe('convert');
    expect(photoKind({ type: 'image/heic', name: 'IMG_0042.HEIC' })).toBe('convert');
    expect(photoKind({ type: '', name: 'IMG_0042.heic' })).toBe('convert');
    expect(photoKind({ type: 'image/avif' })).toBe('convert');
    expect(photoKind({ type: 'image/svg+xml', name: 'logo.svg' })).toBe('refuse');
    expect(photoKind({ type: 'application/pdf', name: 'ordre-du-jour.pdf' })).toBe('refuse');
    expect(photoKind({ type: 'text/plain', name: 'notes.txt' })).toBe('refuse');
  });
});

describe('placedSize', () => {
  it('places a phone’s photo 480 × 360, and a small one at its own size', () => {
    expect(placedSize(2560, 1920)).toEqual({ w: 480, h: 360 });
    expect(placedSize(1920, 2560)).toEqual({ w: 360, h: 480 });
    expect(placedSize(300, 400)).toEqual({ w: 300, h: 400 });
  });

  it('places a panorama as large as a photo, long enough to read', () => {
    // 6271 × 784, as a 12000 × 1500 panorama is sent: placed 480 × 60 before.
    const { w, h } = placedSize(6271, 784);
    expect(h).toBeGreaterThan(140);
    expect(w / h).toBeCloseTo(6271 / 784, 5);
    expect(w * h).toBeLessThanOrEqual(480 * 360 + 1);
    // A very long strip stops at PLACED_MAX_SIDE.
    expect(placedSize(8192, 205).w).toBeCloseTo(PLACED_MAX_SIDE, 5);
  });

  it('places a tiny picture large enough to see and grab', () => {
    // A 1 × 1 image was placed one board unit wide: nobody could see or select it.
    expect(placedSize(1, 1)).toEqual({ w: PLACED_MIN_SIDE, h: PLACED_MIN_SIDE });
    expect(placedSize(16, 8)).toEqual({ w: PLACED_MIN_SIDE, h: PLACED_MIN_SIDE / 2 });
    // A thin strip keeps its shape, at least a unit thick.
    expect(placedSize(4000, 1).h).toBeGreaterThanOrEqual(1);
  });
});
