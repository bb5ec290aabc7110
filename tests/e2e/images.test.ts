// Photos: a PNG chosen from the device is uploaded, placed as an image shape, and shown to
// another participant (fetched with their own token); unsupported files change nothing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { boardFileWithPhoto } from '../../apps/server/src/archive/test-board-file';
import { REPO_ROOT } from '../support/server';
import type { Page } from 'playwright-core';
import { inkShare } from './canvas-ink';
import { withOrientation } from '../integration/fixtures/images';
import { boardSuite, drawnJpeg, shapes, toScreen, waitForShapes } from './fixtures';

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

/** Chooses `buffer` (its type from `name`'s extension) from the device and returns the image shape it becomes. */
async function placePhoto(page: Page, name: string, buffer: Buffer) {
  const before = (await shapes(page)).filter((s) => s.type === 'image').length;
  // Chosen from a file on disk, as a device does: Playwright hands Chromium the path. A 14 Mo
  // buffer sent through the DevTools protocol instead passed setInputFiles' 30 s on a loaded CI
  // machine (stop 18). Chromium takes the type from the name's extension.
  const folder = mkdtempSync(join(tmpdir(), 'carton-photo-'));
  const file = join(folder, name);
  writeFileSync(file, buffer);
  let list: Awaited<ReturnType<typeof shapes>>;
  try {
    await page.locator('input[type="file"]').setInputFiles(file);
    list = await waitForShapes(
      page,
      `(s) => s.filter((x) => x.type === "image").length === ${before + 1}`,
      // A 3200 × 2400 photo is shrunk on the device: ~18 s alone, past 30 s beside other files
      // on a slow CI machine; the test's own limit is 60 s.
      50_000,
    );
  } finally {
    // The page reads the file from disk once chosen: removed only once it is placed (up to
    // 26 Mo a run were left in /tmp).
    rmSync(folder, { recursive: true, force: true });
  }
  const image = list.filter((s) => s.type === 'image').at(-1);
  if (image?.type !== 'image') throw new Error('no image');
  return image;
}

/**
 * A phone's portrait photo as stored: 160 × 120, its left edge red, with EXIF orientation 6 —
 * upright it is 120 × 160, red on top. Drawn by the page's canvas (a real JPEG encoder).
 */
async function sidewaysPhoto(page: Page): Promise<Buffer> {
  const jpeg = await drawnJpeg(page, {
    width: 160,
    height: 120,
    fill: '#8cf',
    edge: { width: 30, fill: '#f00' },
    quality: 0.95,
  });
  return withOrientation(jpeg, 6);
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
    // Chosen once placed, as a new note is: its handles show where it landed.
    await expect
      .poll(() => suite.a.page.evaluate(() => window.__carton!.selection()))
      .toEqual([image.id]);

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
    await suite.a.page.getByRole('alert').filter({ hasText: 'n’est pas une photo' }).waitFor();
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

  it('stands a small portrait photo from a phone upright, in a portrait box', async () => {
    const page = suite.a.page;
    // Stored sideways (160 × 120, its left edge red) with EXIF orientation 6, as a phone held
    // upright takes it: turned, it is 120 × 160 with red on top. It was placed 160 × 120, squashed.
    const photo = await sidewaysPhoto(page);
    const image = await placePhoto(page, 'IMG_2041.jpg', photo);
    expect([image.naturalWidth, image.naturalHeight]).toEqual([120, 160]);
    expect(image.h / image.w).toBeCloseTo(160 / 120, 2);
    // The stored picture is upright for every reader: red along its top, blue at its bottom.
    const [top, bottom] = await page.evaluate(
      async ([url, token]) => {
        const response = await fetch(url!, { headers: { Authorization: `Bearer ${token}` } });
        const bitmap = await createImageBitmap(await response.blob());
        const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return [ctx.getImageData(60, 10, 1, 1).data[0], ctx.getImageData(60, 150, 1, 1).data[0]];
      },
      [
        `${suite.server.url}/api/boards/${suite.board.id}/images/${image.blobId}`,
        suite.board.edit.token,
      ],
    );
    expect(top).toBeGreaterThan(200);
    expect(bottom).toBeLessThan(200);
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

  it('refuses a damaged photo or a HEIC the browser cannot read, saying what to do', async () => {
    const page = suite.a.page;
    // A phone's photo cut short (a copy interrupted): its header is whole, so the server took
    // it, and it showed as a grey box on every screen.
    const whole = await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(1600, 1200);
      const ctx = canvas.getContext('2d')!;
      const pixels = ctx.createImageData(1600, 1200);
      for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = (i * 2654435761) >>> 24;
      ctx.putImageData(pixels, 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
      Buffer.alloc(4000, 0x5a),
    ]);
    const cases = [
      {
        name: 'IMG_2050.jpg',
        bytes: Buffer.from(whole).subarray(0, whole.length / 3),
        says: 'abîmée ou incomplète',
      },
      { name: 'IMG_2051.jpg', bytes: Buffer.alloc(0), says: 'abîmée ou incomplète' },
      { name: 'IMG_0042.HEIC', bytes: heic, says: 'depuis l’iPhone lui-même' },
      // Renamed .jpg on the way (a messaging app): told by its bytes.
      { name: 'IMG_0043.jpg', bytes: heic, says: 'depuis l’iPhone lui-même' },
    ];
    const folder = mkdtempSync(join(tmpdir(), 'carton-photo-'));
    try {
      for (const { name, bytes, says } of cases) {
        const before = (await shapes(page)).length;
        const file = join(folder, name);
        writeFileSync(file, bytes);
        await page.locator('input[type="file"]').setInputFiles(file);
        await page.getByRole('alert').filter({ hasText: says }).waitFor();
        expect((await shapes(page)).length, name).toBe(before);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('turns a GIF into a photo the server takes, and places a tiny one large enough to grab', async () => {
    // An animated GIF of one pixel (two frames): refused before as « Format non pris en charge ».
    const gif = Buffer.from(
      '47494638396101000100800000000000ffffff21ff0b4e45545343415045322e300301000000' +
        '21f904040a0000002c0000000001000100000201440021f904040a0000002c00000000010001000002014c003b',
      'hex',
    );
    const image = await placePhoto(suite.a.page, 'merci.gif', gif);
    expect(['image/png', 'image/jpeg', 'image/webp']).toContain(image.mime);
    expect([image.naturalWidth, image.naturalHeight]).toEqual([1, 1]);
    // Placed 1 unit wide before: nobody could see or select it.
    expect([image.w, image.h]).toEqual([120, 120]);
  });

  it('keeps a panorama of flipcharts tall enough to read', async () => {
    const page = suite.a.page;
    // 12000 × 1500, as a phone's panorama of a wall: sent 2560 × 320 before.
    const panorama = await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(12000, 1500);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 12000, 1500);
      ctx.fillStyle = '#222';
      ctx.font = '120px sans-serif';
      for (let x = 0; x < 12000; x += 1500) ctx.fillText('Transport collectif', x + 40, 700);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    const image = await placePhoto(page, 'PANO_0007.jpg', Buffer.from(panorama));
    expect(image.naturalHeight).toBeGreaterThan(700);
    expect(image.naturalWidth / image.naturalHeight).toBeCloseTo(8, 1);
    // Placed as large as a photo (480 × 360 units): 480 × 60 before.
    expect(image.h).toBeGreaterThan(140);
  });

  it('shows a photo on a screen whose first fetches of it failed, once the network answers', async () => {
    // Pierre's wifi drops as the photo arrives: his first two fetches of it fail. It stayed a
    // grey block on his screen until he reloaded the page.
    const viewer = suite.b.page;
    let refused = 0;
    // The photo and its small copy (…/small) alike.
    await viewer.route('**/api/boards/*/images/**', (route) =>
      refused++ < 2 ? route.abort('internetdisconnected') : route.continue(),
    );
    const red = await suite.a.page.evaluate(async () => {
      const canvas = new OffscreenCanvas(200, 150);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#e00';
      ctx.fillRect(0, 0, 200, 150);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    const image = await placePhoto(suite.a.page, 'affiche-rouge.jpg', Buffer.from(red));
    await waitForShapes(viewer, `(s) => s.some((x) => x.id === ${JSON.stringify(image.id)})`);
    const from = await toScreen(viewer, image.x + image.w * 0.25, image.y + image.h * 0.25);
    const to = await toScreen(viewer, image.x + image.w * 0.75, image.y + image.h * 0.75);
    await expect
      .poll(() => inkShare(viewer, [from.x, from.y, to.x, to.y], 'red'), { timeout: 20_000 })
      .toBeGreaterThan(0.9);
    expect(refused).toBeGreaterThan(2);
    await viewer.unroute('**/api/boards/*/images/**');
  });

  it('stands a sideways photo from an imported file upright, as a chosen one is', async () => {
    const page = suite.a.page;
    // A drawing's photo stored sideways with EXIF orientation 6 (160 × 120, 120 × 160 upright),
    // shown upright in its 300 × 400 box. Stored as it was, browsers drew it upright but the
    // forum archive's PNG sideways (its drawing ignores EXIF).
    const photo = await sidewaysPhoto(page);
    const key = createHash('sha256').update(photo).digest('hex');
    const file = boardFileWithPhoto(photo, key, { title: 'Cartes postales', kind: 'territory' });
    Object.assign(file.shapes[0]!, {
      mime: 'image/jpeg',
      w: 300,
      h: 400,
      naturalWidth: 160,
      naturalHeight: 120,
    });
    file.images[key]!.mime = 'image/jpeg';
    const before = (await shapes(page)).filter((s) => s.type === 'image').length;
    await page.getByRole('button', { name: 'Exporter / Importer' }).click();
    await page.getByLabel('Fichier Carton (.json)').setInputFiles({
      name: 'cartes-postales.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    const list = await waitForShapes(
      page,
      `(s) => s.filter((x) => x.type === "image").length === ${before + 1}`,
    );
    const image = list.filter((s) => s.type === 'image').at(-1);
    if (image?.type !== 'image') throw new Error('no image');
    // The server measured the stored pixels: upright, 120 × 160 (160 × 120 before).
    expect([image.naturalWidth, image.naturalHeight]).toEqual([120, 160]);
    expect([image.w, image.h]).toEqual([300, 400]);
    await page.keyboard.press('Escape');
  });

  it('says a view link cannot add a photo dropped on it, and keeps the board open', async () => {
    const viewer = suite.b.page;
    const url = viewer.url();
    // Every shape Émilie's page holds has reached Pierre's first: the tests before write on her
    // page and wait there only, so the photo imported just before could still be on its way to
    // his screen, and land after the count below (9 shapes where 8 were counted, on a loaded
    // machine). Nobody writes on the board from here on.
    const written = (await shapes(suite.a.page)).map((shape) => shape.id).sort();
    await waitForShapes(
      viewer,
      `(s) => ${JSON.stringify(written)}.every((id) => s.some((x) => x.id === id))`,
      20_000,
    );
    const before = (await shapes(viewer)).map((shape) => shape.id).sort();
    expect(before).toEqual(written);
    // Pierre drags a photo from his desktop onto the board he only views: nothing happened (or
    // the browser opened the photo in place of the board), and he dropped it again.
    const dataTransfer = await viewer.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File([new Uint8Array([0x89, 0x50])], 'affiche.png', { type: 'image/png' }),
      );
      return transfer;
    });
    await viewer.dispatchEvent('.canvas', 'dragover', { dataTransfer });
    await viewer.dispatchEvent('.canvas', 'drop', { dataTransfer });
    await viewer.getByRole('alert').filter({ hasText: 'seulement de regarder' }).waitFor();
    expect(viewer.url()).toBe(url);
    expect((await shapes(viewer)).map((shape) => shape.id).sort()).toEqual(before);
  });
});
