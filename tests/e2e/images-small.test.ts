// A phone on a venue's bad wifi draws a board's photos from the server's small copies (R71,
// `…/images/:blobId/small`): at 1.6 Mbps a board of 8 photos fetched whole was 7.8 MB and showed
// ~45 s after the board. The whole picture is fetched only once a photo is zoomed into, and a PNG
// export still draws the whole picture, sharp for print.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { localOrigin } from '@carton/board';
import { newParticipant, savedDownload } from '../support/browser';
import {
  createForum,
  openBoard,
  PHONE,
  serverAndBrowser,
  territoryBoard,
  toScreen,
  type BoardLinks,
} from './fixtures';
import { connectSeedClient } from './seed';

/** The photo's pixels, and the stripes only its whole picture shows (4 px each, black first). */
const PHOTO = { width: 4000, height: 3000 };
const STRIPES = { from: 1600, to: 2400, width: 4 };
/** The photo's size on the board: 1000 × 750 units, beside the template's carton. */
const SHOWN = { w: 1000, h: 750 };

/**
 * A 12 MP phone photo drawn by the page's canvas (a real JPEG encoder): a pale blue wall, and a
 * band of black and white stripes 4 px wide that a 512 px copy (1 px for 4) cannot hold.
 */
async function stripedPhoto(page: Page, quality = 0.95): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ photo, stripes, quality }) => {
      const canvas = new OffscreenCanvas(photo.width, photo.height);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#8cf';
      ctx.fillRect(0, 0, photo.width, photo.height);
      for (let x = stripes.from; x < stripes.to; x += stripes.width) {
        ctx.fillStyle = ((x - stripes.from) / stripes.width) % 2 === 0 ? '#000' : '#fff';
        ctx.fillRect(x, 0, stripes.width, photo.height);
      }
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    },
    { photo: PHOTO, stripes: STRIPES, quality },
  );
  return Buffer.from(base64, 'base64');
}

/** The photo's requests a page made: its small copy's and its whole picture's. */
function photoRequests(page: Page, blobId: () => string) {
  const seen = { small: 0, full: 0 };
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith(`/images/${blobId()}/small`)) seen.small++;
    else if (path.endsWith(`/images/${blobId()}`)) seen.full++;
  });
  return seen;
}

/** Sends a photo to the board's forum as a laptop's browser could (not shrunk: 12 MP kept). */
async function upload(server: { url: string }, board: BoardLinks, jpeg: Buffer): Promise<string> {
  const uploaded = await fetch(`${server.url}/api/boards/${board.id}/images`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${board.edit.token}`, 'Content-Type': 'image/jpeg' },
    body: new Uint8Array(jpeg),
  });
  expect(uploaded.status).toBe(201);
  return ((await uploaded.json()) as { blobId: string }).blobId;
}

/** How many photos the canvas draws (on the screen and in its margin). */
function drawnImages(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (
        window as unknown as { Konva: { stages: { find: (s: string) => unknown[] }[] } }
      ).Konva.stages[0]!.find('Image').length,
  );
}

/** The picture the canvas draws the photo from: its pixels' width (a far copy: a canvas). */
function drawnWidth(page: Page): Promise<number> {
  return page.evaluate(() => {
    const node = (
      window as unknown as {
        Konva: { stages: { find: (s: string) => { image: () => unknown }[] }[] };
      }
    ).Konva.stages[0]!.find('Image')[0];
    const image = node?.image() as HTMLImageElement | HTMLCanvasElement | undefined;
    if (!image) return 0;
    return image instanceof HTMLImageElement ? image.naturalWidth : image.width;
  });
}

describe('photos on a phone: the small copy first, the whole picture when zoomed into', () => {
  const suite = serverAndBrowser();
  let board: BoardLinks;
  let blobId = '';
  /** A second photo beside the first, off the screen once the first is zoomed into. */
  let besideId = '';
  let seeded: { close: () => void } | null = null;
  let phone: BrowserContext;
  let page: Page;
  let requests: { small: number; full: number };
  let besideRequests: { small: number; full: number };
  let jpeg: Buffer;

  beforeAll(async () => {
    board = territoryBoard(
      await createForum(suite.server, { territories: ['Kamouraska'], templates: true }),
    );
    // A phone of 2 device pixels per CSS pixel, as most at a forum's tables.
    phone = await suite.browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      hasTouch: true,
      isMobile: true,
      locale: 'fr-CA',
    });
    await phone.addInitScript(() => localStorage.setItem('carton.name', 'Ginette'));
    page = await phone.newPage();
    jpeg = await stripedPhoto(page);
    blobId = await upload(suite.server, board, jpeg);
    besideId = await upload(suite.server, board, await stripedPhoto(page, 0.9));
    // Placed beside the template's carton by another participant, 40 units apart.
    const client = await connectSeedClient(suite.server.syncUrl, board.id, board.edit.token);
    seeded = client;
    const carton = client.board.listShapes().find((s) => s.type === 'carton');
    if (!carton || carton.type !== 'carton') throw new Error('the template has a carton');
    client.board.run((tx) => {
      for (const [i, id] of [blobId, besideId].entries())
        tx.create('image', {
          x: carton.x + carton.w + 60 + i * (SHOWN.w + 40),
          y: carton.y,
          ...SHOWN,
          blobId: id,
          mime: 'image/jpeg',
          naturalWidth: PHOTO.width,
          naturalHeight: PHOTO.height,
        });
    }, localOrigin('user:seed'));
    requests = photoRequests(page, () => blobId);
    besideRequests = photoRequests(page, () => besideId);
  });

  afterAll(async () => {
    seeded?.close();
    await phone?.close();
  });

  it('the board fitted on the phone fetches the small copy only, never the whole picture', async () => {
    await openBoard(page, board.edit.url);
    await page.waitForFunction(
      () => window.__carton!.shapes().some((s) => s.type === 'image'),
      null,
      { timeout: 10_000 },
    );
    // Drawn from a picture (not the grey block): the far copy, made from the small copy.
    await expect.poll(() => drawnWidth(page), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(requests).toEqual({ small: 1, full: 0 });
    expect(besideRequests).toEqual({ small: 1, full: 0 });
    expect(await drawnWidth(page)).toBeLessThanOrEqual(512);
  });

  it('zoomed into, the photo is drawn from its whole picture, fetched once', async () => {
    const [image, beside] = (await page.evaluate(() => window.__carton!.shapes())).filter(
      (s) => s.type === 'image',
    );
    const centre = await toScreen(page, image!.x + SHOWN.w / 2, image!.y + SHOWN.h / 2);
    await page.mouse.move(centre.x, centre.y);
    // Past 640 device pixels (the small copy's 512 and a quarter): 1000 units at 40 %, at 2×.
    const zoom = () => page.evaluate(() => window.__carton!.camera().zoom);
    for (let i = 0; i < 12 && (await zoom()) < 0.4; i++) await page.mouse.wheel(0, -100);
    expect(await zoom()).toBeGreaterThanOrEqual(0.4);
    // The photo beside brought just past the screen's right edge (390 px), in the margin the
    // canvas draws around it for panning (98 px on this phone): drawn, not seen.
    const besideLeft = async () => (await toScreen(page, beside!.x, beside!.y)).x;
    for (let i = 0; i < 5 && Math.abs((await besideLeft()) - 420) > 4; i++)
      await page.mouse.wheel((await besideLeft()) - 420, 0);
    expect(await besideLeft()).toBeGreaterThan(400);
    expect(await besideLeft()).toBeLessThan(440);
    await expect.poll(() => drawnImages(page)).toBe(2);
    await expect.poll(() => drawnWidth(page), { timeout: 20_000 }).toBe(PHOTO.width);
    await page.waitForLoadState('networkidle');
    expect(requests).toEqual({ small: 1, full: 1 });
    expect(besideRequests).toEqual({ small: 1, full: 0 });
  });

  it('a PNG export from a laptop that drew only the small copy holds the whole picture', async () => {
    const laptop = await newParticipant(suite.browser, 'Émilie');
    try {
      const seen = photoRequests(laptop.page, () => blobId);
      await openBoard(laptop.page, board.edit.url);
      await expect.poll(() => drawnWidth(laptop.page), { timeout: 20_000 }).toBeGreaterThan(0);
      await laptop.page.waitForLoadState('networkidle');
      expect(seen.full).toBe(0);
      // The photo chosen with the select tool, exported alone at 2×: drawn 2000 px wide.
      const image = (await laptop.page.evaluate(() => window.__carton!.shapes())).find(
        (s) => s.type === 'image',
      )!;
      const at = await toScreen(laptop.page, image.x + SHOWN.w / 2, image.y + SHOWN.h / 2);
      await laptop.page.mouse.click(at.x, at.y);
      await laptop.page.waitForFunction(() => window.__carton!.selection().length === 1);
      await laptop.page.getByRole('button', { name: 'Exporter / Importer' }).click();
      const dialog = laptop.page.getByRole('dialog', { name: 'Exporter ou importer' });
      await dialog.waitFor();
      await laptop.page.getByLabel('Image PNG').check();
      expect(await dialog.getByLabel('Contenu').inputValue()).toBe('selection');
      await laptop.page.getByLabel('Échelle').selectOption('2');
      const [file] = await Promise.all([
        laptop.page.waitForEvent('download', { timeout: 30_000 }),
        laptop.page.getByRole('button', { name: 'Télécharger' }).click(),
      ]);
      const png = PNG.sync.read(readFileSync(await savedDownload(file)));
      expect(seen.full).toBe(1);
      // The photo, 2000 × 1500, in the middle of its padding.
      const pad = { x: (png.width - 2 * SHOWN.w) / 2, y: (png.height - 2 * SHOWN.h) / 2 };
      expect(pad.x).toBeGreaterThanOrEqual(0);
      // Along one row of the stripes (2 px each at 2×): dark and light pixels in turn, as in the
      // photo. Drawn from a 512 px copy, the band is an even grey.
      let dark = 0;
      let light = 0;
      const y = pad.y + 750;
      for (let x = pad.x + STRIPES.from / 2 + 8; x < pad.x + STRIPES.to / 2 - 8; x++) {
        const at = (png.width * y + x) * 4;
        const red = png.data[at]!;
        if (red < 64) dark++;
        else if (red > 192) light++;
      }
      expect(dark).toBeGreaterThan(150);
      expect(light).toBeGreaterThan(150);
    } finally {
      await laptop.context.close();
    }
  });

  it('the projector draws a carton’s photo, large on the room’s screen, from its whole picture', async () => {
    const other = territoryBoard(
      await createForum(suite.server, { territories: ['Les Basques'], templates: false }),
    );
    const uploaded = await fetch(`${suite.server.url}/api/boards/${other.id}/images`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${other.edit.token}`, 'Content-Type': 'image/jpeg' },
      body: new Uint8Array(jpeg),
    });
    const photoId = ((await uploaded.json()) as { blobId: string }).blobId;
    const client = await connectSeedClient(suite.server.syncUrl, other.id, other.edit.token);
    client.board.run((tx) => {
      const carton = tx.create('carton', { x: 0, y: 0, w: 900, h: 720, title: 'Les Basques' });
      tx.create('image', {
        x: 50,
        y: 100,
        w: 800,
        h: 600,
        parentId: carton,
        blobId: photoId,
        mime: 'image/jpeg',
        naturalWidth: PHOTO.width,
        naturalHeight: PHOTO.height,
      });
    }, localOrigin('user:seed'));
    const room = await newParticipant(suite.browser, null, {
      viewport: { width: 1280, height: 720 },
    });
    try {
      const seen = photoRequests(room.page, () => photoId);
      await room.page.goto(`${suite.server.url}/p/${other.id}#token=${other.view.token}`);
      const photo = room.page.locator('.projector-slide svg image[data-type="image"]');
      await photo.waitFor({ timeout: 10_000 });
      // Over 640 pixels wide on the slide: more than the small copy shows sharply.
      expect((await photo.boundingBox())!.width).toBeGreaterThan(640);
      await expect.poll(() => seen.full, { timeout: 20_000 }).toBe(1);
      expect(seen.small).toBe(1);
      // The slide's photo is drawn again, from the whole picture (an object URL of its own).
      const drawnFrom = async () => {
        const href = await photo.getAttribute('href');
        return room.page.evaluate(async (url) => {
          const img = new Image();
          img.src = url ?? '';
          await img.decode();
          return img.naturalWidth;
        }, href);
      };
      await expect.poll(drawnFrom, { timeout: 20_000 }).toBe(PHOTO.width);
    } finally {
      client.close();
      await room.context.close();
    }
  });
});
