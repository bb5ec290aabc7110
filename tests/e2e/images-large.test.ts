// Large phone photos dropped together: decoded one after the other (each holds its full size
// while it is shrunk: bench/photo/README.md), and each still placed upright at its shrunk size.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { withOrientation } from '../integration/fixtures/images';
import { boardSuite, drawnJpeg, waitForShapes } from './fixtures';

const suite = boardSuite({ territory: 'Les Basques', participants: { a: 'Émilie' } });

/** A 12 MP photo as a phone held upright stores it: 4000 × 3000 sideways, its left edge red. */
async function sidewaysPhoto(page: Page): Promise<Buffer> {
  const jpeg = await drawnJpeg(page, {
    width: 4000,
    height: 3000,
    fill: '#8cf',
    edge: { width: 600, fill: '#e00' },
    quality: 0.9,
  });
  return withOrientation(jpeg, 6);
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
