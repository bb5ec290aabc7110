import { crc32 as zlibLike } from '../blobs/image-type.ts';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.ts';

describe('crc32', () => {
  it('ARCHIVE: the zip checksum, equal to the byte-by-byte one for every length and content', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    let seed = 7;
    for (const length of [0, 1, 3, 4, 5, 8, 1000, 4097]) {
      const data = new Uint8Array(length).map(
        () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24,
      );
      expect(crc32(data)).toBe(zlibLike(data));
    }
  });
});
