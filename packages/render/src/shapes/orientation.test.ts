import { describe, expect, it } from 'vitest';
import { embeddedOrientation, jpegOrientation, orientedPlacement } from './orientation.ts';

/** Where the matrix of `orientation` sends the stored picture's point (u, v) in the box. */
function mapped(orientation: number, u: number, v: number) {
  const placed = orientedPlacement(orientation, 100, 200, 30, 40)!;
  const [a, b, c, d, e, f] = /matrix\(([^)]*)\)/.exec(placed.matrix)![1]!.split(' ').map(Number);
  return [a! * u + c! * v + e!, b! * u + d! * v + f!];
}

describe('orientedPlacement', () => {
  it('draws a photo stored upright as it is', () => {
    expect(orientedPlacement(1, 100, 200, 30, 40)).toBeNull();
  });

  it('turns a phone’s sideways photo (6, 8) into its upright box, its stored top where EXIF says', () => {
    // The box is 30 × 40 at (100, 200); stored, the picture is 40 × 30.
    expect(orientedPlacement(6, 100, 200, 30, 40)).toMatchObject({ width: 40, height: 30 });
    // 6: the stored top row is the right side, its first pixel at the top right.
    expect(mapped(6, 0, 0)).toEqual([130, 200]);
    expect(mapped(6, 40, 30)).toEqual([100, 240]);
    // 8: the stored top row is the left side, its first pixel at the bottom left.
    expect(mapped(8, 0, 0)).toEqual([100, 240]);
    expect(mapped(8, 40, 30)).toEqual([130, 200]);
  });

  it('fills the box exactly for each of the 7 turns and mirrors', () => {
    for (let orientation = 2; orientation <= 8; orientation++) {
      const { width, height } = orientedPlacement(orientation, 100, 200, 30, 40)!;
      const corners = [mapped(orientation, 0, 0), mapped(orientation, width, height)];
      const xs = corners.map(([x]) => x).sort((p, q) => p! - q!);
      const ys = corners.map(([, y]) => y).sort((p, q) => p! - q!);
      expect([xs, ys], `orientation ${orientation}`).toEqual([
        [100, 130],
        [200, 240],
      ]);
    }
  });
});

describe('embeddedOrientation', () => {
  it('reads an embedded JPEG’s orientation from its base64, 1 for a PNG or bad data', () => {
    const tiff = [0x49, 0x49, 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 8, 0, 0, 0];
    const body = [...'Exif\0\0'].map((c) => c.charCodeAt(0)).concat(tiff, [0, 0, 0, 0]);
    const head = [0xff, 0xd8, 0xff, 0xe1, 0, body.length + 2, ...body, 0xff, 0xda, 0, 2];
    const data = Buffer.from(head).toString('base64');
    expect(jpegOrientation(new Uint8Array(head))).toBe(8);
    expect(embeddedOrientation({ mime: 'image/jpeg', data })).toBe(8);
    expect(embeddedOrientation({ mime: 'image/png', data })).toBe(1);
    expect(embeddedOrientation({ mime: 'image/jpeg', data: '!!' })).toBe(1);
  });
});
