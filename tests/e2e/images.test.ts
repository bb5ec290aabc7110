// Photos: a PNG chosen from the device is uploaded, placed as an image shape, and shown to
// another participant (fetched with their own token); unsupported files change nothing.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { REPO_ROOT } from '../support/server';
import type { Page } from 'playwright-core';
import { boardSuite, shapes, waitForShapes } from './fixtures';

/** A PNG of random colours (no compressor shrinks it), opaque where `opaque(x, y)`. */
function noisePng(width: number, height: number, opaque: (x: number, y: number) => boolean) {
  const png = new PNG({ width, height });
  let seed = 7;
  for (let i = 0; i < png.data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      png.data[i + c] = seed >> 16;
    }
    const pixel = i / 4;
    png.data[i + 3] = opaque(pixel % width, Math.floor(pixel / width)) ? 255 : 0;
  }
  return PNG.sync.write(png);
}

/** Chooses `buffer` as a PNG from the device and returns the image shape it becomes. */
async function placePhoto(page: Page, name: string, buffer: Buffer) {
  const before = (await shapes(page)).filter((s) => s.type === 'image').length;
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'image/png', buffer });
  const list = await waitForShapes(
    page,
    `(s) => s.filter((x) => x.type === "image").length === ${before + 1}`,
    30_000,
  );
  const image = list.filter((s) => s.type === 'image').at(-1);
  if (image?.type !== 'image') throw new Error('no image');
  return image;
}

describe('images', () => {
  const suite = boardSuite({
    territory: 'Rivière-du-Loup',
    participants: { a: 'Émilie', b: { name: 'Pierre', opens: 'view' } },
  });

  it('uploads a PNG and places it; a viewer sees it too', async () => {
    // A real PNG: a picture of the empty board's header.
    const png = await suite.a.page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 200 } });
    await suite.a.page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'affiche.png', mimeType: 'image/png', buffer: png });
    const [image] = await waitForShapes(suite.a.page, '(s) => s.some((x) => x.type === "image")');
    expect(image?.type).toBe('image');
    if (image?.type !== 'image') return;
    expect([image.naturalWidth, image.naturalHeight]).toEqual([320, 200]);
    expect(image.w / image.h).toBeCloseTo(1.6, 2);

    await waitForShapes(suite.b.page, '(s) => s.some((x) => x.type === "image")');
    await suite.b.page.waitForLoadState('networkidle');
    mkdirSync(join(REPO_ROOT, 'test-results/screenshots'), { recursive: true });
    await suite.b.page.screenshot({
      path: join(REPO_ROOT, 'test-results/screenshots/image-view-fr.png'),
    });
    const response = await fetch(
      `${suite.server.url}/api/boards/${suite.board.id}/images/${image.blobId}`,
      {
        headers: { Authorization: `Bearer ${suite.board.view.token}` },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
  });

  it('refuses a file that is not a photo, with a message', async () => {
    const before = (await shapes(suite.a.page)).length;
    await suite.a.page.locator('input[type="file"]').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Conditions présentes'),
    });
    await suite.a.page.getByRole('alert').filter({ hasText: 'PNG, JPEG ou WebP' }).waitFor();
    expect((await shapes(suite.a.page)).length).toBe(before);
  });

  it('says the photo is on its way while it uploads, and stops saying it once placed', async () => {
    const page = suite.a.page;
    const before = (await shapes(page)).filter((s) => s.type === 'image').length;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/boards/*/images', async (route) => {
      await held;
      await route.continue();
    });
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: 200, height: 120 } });
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'depliant.png', mimeType: 'image/png', buffer: png });
    const pending = page.getByRole('alert').filter({ hasText: 'Envoi de l’image…' });
    await pending.waitFor();
    release();
    await waitForShapes(
      page,
      `(s) => s.filter((x) => x.type === "image").length === ${before + 1}`,
    );
    await pending.waitFor({ state: 'detached' });
    await page.unroute('**/api/boards/*/images');
  });

  it('makes a photo over 10 Mo smaller on the device instead of refusing it', async () => {
    // 3200 × 2400 of noise: a PNG no compressor can bring under the server's 10 Mo.
    const buffer = noisePng(3200, 2400, () => true);
    expect(buffer.length).toBeGreaterThan(10 * 1024 * 1024);
    const image = await placePhoto(suite.a.page, 'photo-depliant.png', buffer);
    expect([image.naturalWidth, image.naturalHeight]).toEqual([2560, 1920]);
    expect(image.mime).toBe('image/jpeg');
  });

  it('keeps the transparent parts of a large cut-out drawing instead of putting them on white', async () => {
    const page = suite.a.page;
    // 3200 × 2400: noise in a disc, fully transparent around it (a cut-out), over 1.5 Mo.
    const buffer = noisePng(3200, 2400, (x, y) => (x - 1600) ** 2 + (y - 1200) ** 2 < 1100 ** 2);
    expect(buffer.length).toBeGreaterThan(1.5 * 1024 * 1024);
    const image = await placePhoto(page, 'logo-alliance.png', buffer);
    expect([image.naturalWidth, image.naturalHeight]).toEqual([2560, 1920]);
    expect(image.mime).toBe('image/webp');
    // The corner of the stored picture is still transparent.
    const alpha = await page.evaluate(
      async ([url, token]) => {
        const response = await fetch(url!, { headers: { Authorization: `Bearer ${token}` } });
        const blob = await response.blob();
        const bitmap = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return [ctx.getImageData(5, 5, 1, 1).data[3], ctx.getImageData(1280, 960, 1, 1).data[3]];
      },
      [
        `${suite.server.url}/api/boards/${suite.board.id}/images/${image.blobId}`,
        suite.board.edit.token,
      ],
    );
    expect(alpha).toEqual([0, 255]);
  });
});
