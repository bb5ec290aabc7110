// Photos as the board draws them, past the small copies (R71): the participant who sent a photo
// draws it from the bytes it sent, fetching nothing back; no object URL is left once a picture
// is drawn (each one held its photo's bytes for as long as the page lived); and a PNG whose EXIF
// block says « turn 90° » is drawn as stored everywhere, as the server sizes its box and makes its
// small copy (R35: only a JPEG's orientation turns a photo), its whole picture too.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { localOrigin } from '@carton/board';
import { boardFileWithPhoto } from '../../apps/server/src/archive/test-board-file';
import { newParticipant, savedDownload } from '../support/browser';
import {
  createForum,
  drawnJpeg,
  openBoard,
  PHONE,
  serverAndBrowser,
  territoryBoard,
  toScreen,
  waitForShapes,
  type BoardLinks,
} from './fixtures';
import { connectSeedClient } from './seed';

/** The photo's pixels as stored: 1600 × 800, its left half red, its right half blue. */
const STORED = { width: 1600, height: 800 };
/** Its size on the board: 1000 × 500 units. */
const SHOWN = { w: 1000, h: 500 };

/** A PNG chunk, with its CRC. */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** The PNG of STORED with an eXIf chunk saying orientation 6 (« turn 90° clockwise »). */
function sidewaysPng(): Buffer {
  const png = new PNG(STORED);
  for (let i = 0; i < png.data.length; i += 4) {
    const left = (i / 4) % STORED.width < STORED.width / 2;
    png.data.set(left ? [255, 0, 0, 255] : [0, 0, 255, 255], i);
  }
  const file = PNG.sync.write(png);
  const tiff = Buffer.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1]);
  const exif = pngChunk('eXIf', Buffer.concat([tiff, Buffer.from([0, 6, 0, 0, 0, 0, 0, 0])]));
  // After the signature and IHDR (8 + 25 bytes), before the pixels.
  return Buffer.concat([file.subarray(0, 33), exif, file.subarray(33)]);
}

/** Counts the page's object URLs of pictures made and not yet revoked (window.__imageUrls). */
async function countImageUrls(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const live = new Set<string>();
    const make = URL.createObjectURL.bind(URL);
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      const url = make(object);
      if (object instanceof Blob && object.type.startsWith('image/')) live.add(url);
      return url;
    };
    URL.revokeObjectURL = (url: string) => {
      live.delete(url);
      revoke(url);
    };
    (window as unknown as { __imageUrls: Set<string> }).__imageUrls = live;
  });
}

const liveImageUrls = (page: Page) =>
  page.evaluate(() => (window as unknown as { __imageUrls: Set<string> }).__imageUrls.size);

/** The photo fetches (GET) a page made: each path under /images/. */
function imageFetches(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() === 'GET' && path.includes('/images/')) seen.push(path);
  });
  return seen;
}

/** The size of the picture the canvas draws its `at`th photo from (0 × 0: none yet). */
function drawnSize(page: Page, at = 0): Promise<{ width: number; height: number }> {
  return page.evaluate((at) => {
    const node = (
      window as unknown as {
        Konva: { stages: { find: (s: string) => { image: () => unknown }[] }[] };
      }
    ).Konva.stages[0]!.find('Image')[at];
    const image = node?.image() as HTMLImageElement | HTMLCanvasElement | undefined;
    if (!image) return { width: 0, height: 0 };
    return image instanceof HTMLImageElement
      ? { width: image.naturalWidth, height: image.naturalHeight }
      : { width: image.width, height: image.height };
  }, at);
}

describe('photos as the board draws them', () => {
  const suite = serverAndBrowser();
  let board: BoardLinks;
  let sideways = '';
  let seeded: { close: () => void } | null = null;

  beforeAll(async () => {
    board = territoryBoard(
      await createForum(suite.server, { territories: ['Kamouraska'], templates: true }),
    );
    const uploaded = await fetch(`${suite.server.url}/api/boards/${board.id}/images`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.edit.token}`, 'Content-Type': 'image/png' },
      body: new Uint8Array(sidewaysPng()),
    });
    expect(uploaded.status).toBe(201);
    const answer = (await uploaded.json()) as { blobId: string; width: number; height: number };
    // R35: the box is the stored pixels' (a PNG's EXIF orientation turns nothing).
    expect([answer.width, answer.height]).toEqual([STORED.width, STORED.height]);
    sideways = answer.blobId;
    const client = await connectSeedClient(suite.server.syncUrl, board.id, board.edit.token);
    seeded = client;
    const carton = client.board.listShapes().find((s) => s.type === 'carton');
    if (!carton || carton.type !== 'carton') throw new Error('the template has a carton');
    client.board.run((tx) => {
      tx.create('image', {
        x: carton.x + carton.w + 60,
        y: carton.y,
        ...SHOWN,
        blobId: sideways,
        mime: 'image/png',
        naturalWidth: STORED.width,
        naturalHeight: STORED.height,
      });
    }, localOrigin('user:seed'));
  });

  afterAll(() => seeded?.close());

  it('a phone draws the sideways PNG unturned, from its small copy and zoomed into from its whole picture; no object URL is left', async () => {
    const phone = await suite.browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      hasTouch: true,
      isMobile: true,
      locale: 'fr-CA',
    });
    try {
      await phone.addInitScript(() => localStorage.setItem('carton.name', 'Ginette'));
      await countImageUrls(phone);
      const page = await phone.newPage();
      const fetched = imageFetches(page);
      await openBoard(page, board.edit.url);
      await page.waitForFunction(() => window.__carton!.shapes().some((s) => s.type === 'image'));
      // Fitted on the phone: the far copy of the small copy (512 × 256, as stored).
      await expect
        .poll(() => drawnSize(page), { timeout: 20_000 })
        .not.toEqual({ width: 0, height: 0 });
      const far = await drawnSize(page);
      expect(far.width).toBeGreaterThan(far.height);
      const image = (await page.evaluate(() => window.__carton!.shapes())).find(
        (s) => s.type === 'image',
      )!;
      const centre = await toScreen(page, image.x + SHOWN.w / 2, image.y + SHOWN.h / 2);
      await page.mouse.move(centre.x, centre.y);
      // Past 640 device pixels: 1000 units at 40 %, at 2×.
      const zoom = () => page.evaluate(() => window.__carton!.camera().zoom);
      for (let i = 0; i < 12 && (await zoom()) < 0.4; i++) await page.mouse.wheel(0, -100);
      expect(await zoom()).toBeGreaterThanOrEqual(0.4);
      // The whole picture, as stored: 1600 × 800 (Chromium turned it to 800 × 1600 by its eXIf
      // chunk, drawn squashed into the 1000 × 500 box).
      await expect
        .poll(() => drawnSize(page), { timeout: 20_000 })
        .toEqual({ width: STORED.width, height: STORED.height });
      // Its left half still red: drawn as stored, not turned (turned, red would be on top).
      const red = await page.evaluate(() => {
        const node = (
          window as unknown as {
            Konva: { stages: { find: (s: string) => { image: () => CanvasImageSource }[] }[] };
          }
        ).Konva.stages[0]!.find('Image')[0]!;
        const canvas = document.createElement('canvas');
        canvas.width = 16;
        canvas.height = 8;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(node.image(), 0, 0, 16, 8);
        return [...ctx.getImageData(2, 6, 1, 1).data.slice(0, 3)];
      });
      expect(red[0]).toBeGreaterThan(200);
      expect(red[2]).toBeLessThan(50);
      await page.waitForLoadState('networkidle');
      expect(fetched.filter((path) => path.includes(sideways))).toHaveLength(2);
      // Both pictures drawn: their object URLs are revoked.
      expect(await liveImageUrls(page)).toBe(0);
    } finally {
      await phone.close();
    }
  });

  it('the projector draws the sideways PNG unturned, its whole picture too', async () => {
    const other = territoryBoard(
      await createForum(suite.server, { territories: ['Les Basques'], templates: false }),
    );
    const uploaded = await fetch(`${suite.server.url}/api/boards/${other.id}/images`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${other.edit.token}`, 'Content-Type': 'image/png' },
      body: new Uint8Array(sidewaysPng()),
    });
    const photoId = ((await uploaded.json()) as { blobId: string }).blobId;
    const client = await connectSeedClient(suite.server.syncUrl, other.id, other.edit.token);
    client.board.run((tx) => {
      const carton = tx.create('carton', { x: 0, y: 0, w: 900, h: 620, title: 'Les Basques' });
      tx.create('image', {
        x: 50,
        y: 100,
        w: 800,
        h: 400,
        parentId: carton,
        blobId: photoId,
        mime: 'image/png',
        naturalWidth: STORED.width,
        naturalHeight: STORED.height,
      });
    }, localOrigin('user:seed'));
    const room = await newParticipant(suite.browser, null, {
      viewport: { width: 1280, height: 720 },
    });
    try {
      await room.page.goto(`${suite.server.url}/p/${other.id}#token=${other.view.token}`);
      const photo = room.page.locator('.projector-slide svg image[data-type="image"]');
      await photo.waitFor({ timeout: 10_000 });
      const drawnFrom = async () => {
        const href = await photo.getAttribute('href');
        return room.page.evaluate(async (url) => {
          const img = new Image();
          img.src = url ?? '';
          await img.decode();
          return [img.naturalWidth, img.naturalHeight];
        }, href);
      };
      // Over 640 pixels wide on the slide: the whole picture, 1600 × 800 as stored.
      await expect.poll(drawnFrom, { timeout: 20_000 }).toEqual([STORED.width, STORED.height]);
    } finally {
      client.close();
      await room.context.close();
    }
  });

  it('a PNG export draws the sideways PNG as the board does', async () => {
    const laptop = await newParticipant(suite.browser, 'Émilie');
    try {
      const page = laptop.page;
      await openBoard(page, board.edit.url);
      const image = (await waitForShapes(page, '(s) => s.some((x) => x.type === "image")')).find(
        (s) => s.type === 'image',
      )!;
      await expect
        .poll(() => drawnSize(page), { timeout: 20_000 })
        .not.toEqual({
          width: 0,
          height: 0,
        });
      // The photo chosen with the select tool, exported alone at 1×.
      const at = await toScreen(page, image.x + SHOWN.w / 2, image.y + SHOWN.h / 2);
      await page.mouse.click(at.x, at.y);
      await page.waitForFunction(() => window.__carton!.selection().length === 1);
      await page.getByRole('button', { name: 'Exporter / Importer' }).click();
      const dialog = page.getByRole('dialog', { name: 'Exporter ou importer' });
      await dialog.waitFor();
      await page.getByLabel('Image PNG').check();
      expect(await dialog.getByLabel('Contenu').inputValue()).toBe('selection');
      await page.getByLabel('Échelle').selectOption('1');
      const [file] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        page.getByRole('button', { name: 'Télécharger' }).click(),
      ]);
      const png = PNG.sync.read(readFileSync(await savedDownload(file)));
      const pad = { x: (png.width - SHOWN.w) / 2, y: (png.height - SHOWN.h) / 2 };
      const rgb = (x: number, y: number) => {
        const i = (png.width * Math.round(pad.y + y) + Math.round(pad.x + x)) * 4;
        return [...png.data.subarray(i, i + 3)];
      };
      // Red on the left, blue on the right, top and bottom alike. Turned by its eXIf chunk, the
      // picture was red above and blue below, squashed into the box.
      for (const y of [SHOWN.h / 4, (SHOWN.h * 3) / 4]) {
        expect(rgb(SHOWN.w / 4, y)).toEqual([255, 0, 0]);
        expect(rgb((SHOWN.w * 3) / 4, y)).toEqual([0, 0, 255]);
      }
    } finally {
      await laptop.context.close();
    }
  });

  it('the participant who sends a photo draws it from its own bytes, fetching nothing back', async () => {
    const laptop = await newParticipant(suite.browser, 'Émilie');
    try {
      await countImageUrls(laptop.context);
      const fetched = imageFetches(laptop.page);
      await openBoard(laptop.page, board.edit.url);
      await laptop.page.waitForFunction(() =>
        window.__carton!.shapes().some((s) => s.type === 'image'),
      );
      await laptop.page.waitForLoadState('networkidle');
      const before = fetched.length;
      // A 1600 × 1200 photo, small enough to be sent as it is.
      const jpeg = await drawnJpeg(laptop.page, {
        width: 1600,
        height: 1200,
        fill: '#8cf',
        edge: { width: 200, fill: '#f00' },
        quality: 0.9,
      });
      const folder = mkdtempSync(join(tmpdir(), 'carton-photo-'));
      try {
        const file = join(folder, 'carton-kamouraska.jpg');
        writeFileSync(file, jpeg);
        await laptop.page.locator('input[type="file"]').setInputFiles(file);
        await waitForShapes(
          laptop.page,
          '(s) => s.filter((x) => x.type === "image").length === 2',
          30_000,
        );
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
      // Drawn (both photos' pictures decoded: a Konva Image each) from the small copy this page
      // made of it, 512 px at most, as everyone's.
      await laptop.page.waitForFunction(
        () =>
          (
            window as unknown as { Konva: { stages: { find: (s: string) => unknown[] }[] } }
          ).Konva.stages[0]!.find('Image').length === 2,
      );
      const small = await drawnSize(laptop.page, 1);
      expect(small.width).toBeGreaterThan(0);
      expect(small.width).toBeLessThanOrEqual(512);
      // Zoomed into, past 640 pixels: the whole picture, the bytes sent.
      const sent = (await laptop.page.evaluate(() => window.__carton!.shapes()))
        .filter((s) => s.type === 'image')
        .at(-1)!;
      const centre = await toScreen(laptop.page, sent.x + sent.w / 2, sent.y + sent.h / 2);
      await laptop.page.mouse.move(centre.x, centre.y);
      const zoom = () => laptop.page.evaluate(() => window.__carton!.camera().zoom);
      for (let i = 0; i < 20 && sent.w * (await zoom()) < 700; i++)
        await laptop.page.mouse.wheel(0, -100);
      expect(sent.w * (await zoom())).toBeGreaterThanOrEqual(700);
      await expect
        .poll(() => drawnSize(laptop.page, 1), { timeout: 20_000 })
        .toEqual({ width: 1600, height: 1200 });
      await laptop.page.waitForLoadState('networkidle');
      // Before: its small copy fetched back from the server (…/<blobId>/small). (The sideways
      // photo beside it, zoomed into too, may have its whole picture fetched.)
      expect(fetched.slice(before).filter((path) => !path.includes(sideways))).toEqual([]);
      expect(await liveImageUrls(laptop.page)).toBe(0);
    } finally {
      await laptop.context.close();
    }
  });

  it('a board file imported into the open board draws its photos from the file, fetching nothing back', async () => {
    // A board of its own: the photo imported stays out of the other tests' board.
    const own = territoryBoard(await createForum(suite.server, { territories: ['La Mitis'] }));
    const laptop = await newParticipant(suite.browser, 'Émilie');
    try {
      const fetched = imageFetches(laptop.page);
      await openBoard(laptop.page, own.edit.url);
      await laptop.page.waitForLoadState('networkidle');
      // A territory's board exported with its photo, 1200 × 900.
      const jpeg = await drawnJpeg(laptop.page, {
        width: 1200,
        height: 900,
        fill: '#8c6',
        edge: { width: 150, fill: '#00f' },
        quality: 0.9,
      });
      const key = createHash('sha256').update(jpeg).digest('hex');
      const file = boardFileWithPhoto(jpeg, key, { title: 'La Mitis', kind: 'territory' });
      Object.assign(file.shapes[0]!, {
        mime: 'image/jpeg',
        naturalWidth: 1200,
        naturalHeight: 900,
      });
      file.images[key]!.mime = 'image/jpeg';
      await laptop.page.getByRole('button', { name: 'Exporter / Importer' }).click();
      await laptop.page.getByLabel('Fichier Carton (.json)').setInputFiles({
        name: 'la-mitis.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(file)),
      });
      await waitForShapes(laptop.page, '(s) => s.some((x) => x.type === "image")', 30_000);
      await laptop.page.keyboard.press('Escape');
      // Drawn from the small copy this page made of the bytes it sent, 512 px at most.
      await expect
        .poll(() => drawnSize(laptop.page), { timeout: 20_000 })
        .not.toEqual({ width: 0, height: 0 });
      expect((await drawnSize(laptop.page)).width).toBeLessThanOrEqual(512);
      await laptop.page.waitForLoadState('networkidle');
      // Before: its small copy fetched back from the server (…/<blobId>/small).
      expect(fetched).toEqual([]);
    } finally {
      await laptop.context.close();
    }
  });

  it('a sideways PNG chosen on the device waits drawn as it will be placed, unturned', async () => {
    const laptop = await newParticipant(suite.browser, 'Émilie');
    try {
      const page = laptop.page;
      await openBoard(page, board.edit.url);
      const before = (await waitForShapes(page, '(s) => s.some((x) => x.type === "image")')).filter(
        (s) => s.type === 'image',
      ).length;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/boards/*/images', async (route) => {
        await held;
        await route.continue();
      });
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'affiche.png', mimeType: 'image/png', buffer: sidewaysPng() });
      // The waiting photo's own layer: its picture as stored, 1600 × 800 (before: 800 × 1600,
      // a portrait box that became a landscape one once placed).
      const waiting = () =>
        page.evaluate(() => {
          // Drawn faded (0.55), as the waiting photos are (board/layers/WaitingPhotos.tsx).
          const node = (
            window as unknown as {
              Konva: {
                stages: {
                  find: (s: string) => { image: () => unknown; opacity: () => number }[];
                }[];
              };
            }
          ).Konva.stages[0]!.find('Image').find((n) => n.opacity() < 1);
          const image = node?.image() as HTMLImageElement | undefined;
          return image ? [image.naturalWidth, image.naturalHeight] : null;
        });
      await expect.poll(waiting, { timeout: 20_000 }).toEqual([STORED.width, STORED.height]);
      release();
      const placed = await waitForShapes(
        page,
        `(s) => s.filter((x) => x.type === "image").length === ${before + 1}`,
        30_000,
      );
      const image = placed.filter((s) => s.type === 'image').at(-1)!;
      expect(image.type === 'image' && [image.naturalWidth, image.naturalHeight]).toEqual([
        STORED.width,
        STORED.height,
      ]);
      expect(image.w).toBeGreaterThan(image.h);
    } finally {
      await laptop.context.close();
    }
  });
});
