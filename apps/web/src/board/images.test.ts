import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { uploadFailedKey } from './images';
import frCA from '../i18n/fr-CA.json';

describe('uploadFailedKey', () => {
  it('tells a photo chosen offline to be chosen again once the network is back', () => {
    expect(uploadFailedKey(new ApiError(0, 'network', 'Failed to fetch'))).toBe('image.offline');
    expect(frCA.image.offline).toMatch(/^Hors ligne/);
    expect(frCA.image.offline).toMatch(/de nouveau/);
  });

  it('says the upload failed for a refusal by the server or anything else', () => {
    expect(uploadFailedKey(new ApiError(413, 'too_large', 'Payload Too Large'))).toBe(
      'image.failed',
    );
    expect(uploadFailedKey(new Error('decode'))).toBe('image.failed');
  });
});
