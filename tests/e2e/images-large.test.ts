// Large phone photos dropped together: decoded one after the other (each holds its full size
// while it is shrunk: bench/photo/README.md), and each still placed upright at its shrunk size.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardSuite, waitForShapes } from './fixtures';

const suite = boardSuite({ territory: 'Les Basques', participants: { a: 'Émilie' } });

/** `jpeg` with an EXIF block (APP1, big-endian) right after its start giving `orientation`. */
function withOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1];
  const body = Buffer.from([...Buffer.from('Exif\0\0'), ...tiff, 0, orientation, 0, 0, 0, 0, 0, 0]);
  const header = Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255]);
  return Buffer.concat([jpeg.subarray(0, 2), header, body, jpeg.subarray(2)]);
}

/** A 12 MP photo as a phone held upright stores it: 4000 × 3000 sideways, its left edge red. */
async function sidewaysPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(4000, 3000);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#8cf';
    ctx.fillRect(0, 0, 4000, 3000);
    ctx.fillStyle = '#e00';
    ctx.fillRect(0, 0, 600, 3000);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  });
  return withOrientation(Buffer.from(base64, 'base64'), 6);
}

describe('large phone photos dropped together', () => {
  it('are all placed, upright, at their shrunk size', async () => {
    const page = suite.a.page;
    const photo = await sidewaysPhoto(page);
    // Three photos dropped at once from a laptop's folder (their bytes differ; redrawn smaller,
    // they are one picture, which the server stores once).
    const transfer = await page.evaluateHandle((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      for (let i = 0; i < 3; i++)
        data.items.add(
          new File([bytes, new Uint8Array([i])], `IMG_41${i}.jpg`, { type: 'image/jpeg' }),
        );
      return data;
    }, photo.toString('base64'));
    await page.dispatchEvent('.canvas', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('.canvas', 'drop', { dataTransfer: transfer });
    const list = await waitForShapes(
      page,
      '(s) => s.filter((x) => x.type === "image").length === 3',
      50_000,
    );
    const images = list.flatMap((shape) => (shape.type === 'image' ? [shape] : []));
    // Upright (3000 × 4000) brought to 2560 × 1920's pixels: 1920 × 2560, in a portrait box.
    for (const image of images) {
      expect([image.naturalWidth, image.naturalHeight]).toEqual([1920, 2560]);
      expect(image.mime).toBe('image/jpeg');
      expect(image.h / image.w).toBeCloseTo(2560 / 1920, 2);
    }
    // The stored picture is upright: the red edge along its top, blue at its bottom.
    const [top, bottom] = await page.evaluate(
      async ([url, token]) => {
        const response = await fetch(url!, { headers: { Authorization: `Bearer ${token}` } });
        const bitmap = await createImageBitmap(await response.blob());
        const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return [
          ctx.getImageData(960, 100, 1, 1).data[0],
          ctx.getImageData(960, 2400, 1, 1).data[0],
        ];
      },
      [
        `${suite.server.url}/api/boards/${suite.board.id}/images/${images[0]!.blobId}`,
        suite.board.edit.token,
      ],
    );
    expect(top).toBeGreaterThan(200);
    expect(bottom).toBeLessThan(200);
  });
});
