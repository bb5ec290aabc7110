// Photos on a venue's wifi: a photo chosen while the device is offline, or whose upload gets no
// answer, is kept on the device and shown there at once, marked « en attente d'envoi », then
// sent and placed for everyone once the network answers; a reload meanwhile does not lose it.
// Nobody else sees anything of it before its bytes are on the server.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../support/server';
import { inkShare } from './canvas-ink';
import {
  addNote,
  boardSuite,
  createTerritoryBoard,
  drawnJpeg,
  openBoard,
  shapes,
  toScreen,
  waitForShapes,
} from './fixtures';

const suite = boardSuite({
  territory: null,
  participants: { a: { name: 'Émilie', opens: false }, b: { name: 'Pierre', opens: false } },
});

/** A red JPEG of 400 × 300, drawn by the page's own encoder. */
function redPhoto(page: Page): Promise<Buffer> {
  return drawnJpeg(page, { width: 400, height: 300, fill: '#e00', quality: 0.9 });
}

/**
 * Chooses `buffer` as a file named `name` from the device, as a phone's picker does, and waits
 * until the page says it waits to be sent. The file is removed then, as a phone's picker may
 * remove its copy: the photo is sent later all the same.
 */
async function choosePhotoThatWaits(page: Page, name: string, buffer: Buffer): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'carton-photo-'));
  try {
    const file = join(folder, name);
    writeFileSync(file, buffer);
    await page.locator('input[type="file"]').setInputFiles(file);
    // It was refused before: « Hors ligne : la photo n'a pas été envoyée. Choisissez-la de
    // nouveau au retour du réseau. »
    await expect
      .poll(() => page.getByTestId('waiting-photos').textContent())
      .toBe('1 photo en attente d’envoi');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Loads the page anew (openBoard on the same link only moves within it: its token is a hash). */
async function reloadBoard(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
    timeout: 15_000,
  });
}

const images = (page: Page) =>
  shapes(page).then((list) => list.filter((shape) => shape.type === 'image'));

/** Share of red in the middle half of an image shape, on `page`'s canvas. */
async function redShare(page: Page, image: { x: number; y: number; w: number; h: number }) {
  const from = await toScreen(page, image.x + image.w * 0.25, image.y + image.h * 0.25);
  const to = await toScreen(page, image.x + image.w * 0.75, image.y + image.h * 0.75);
  return inkShare(page, [from.x, from.y, to.x, to.y], 'red');
}

describe('a photo chosen on a venue’s wifi that drops', () => {
  it('waits on the device, marked, then reaches everyone once the network is back', async () => {
    const board = await createTerritoryBoard(suite.server, 'La Mitis');
    const { a, b } = suite;
    await openBoard(a.page, board.edit.url);
    await openBoard(b.page, board.edit.url);
    const photo = await redPhoto(a.page);

    // Émilie's wifi drops (Chromium's own offline emulation), and she adds the carton's photo.
    await a.context.setOffline(true);
    await a.page.locator('[data-testid="status"][data-status="offline"]').waitFor({
      timeout: 15_000,
    });
    await a.page.bringToFront();
    await choosePhotoThatWaits(a.page, 'IMG_3101.jpg', photo);
    const notice = a.page.getByTestId('waiting-photos');
    expect(await a.page.evaluate(() => window.__carton!.waitingPhotos())).toEqual([
      { state: 'waiting', width: 400, height: 300 },
    ]);
    await a.page.getByRole('alert').filter({ hasText: 'gardée sur cet appareil' }).waitFor();
    // Nothing of it is in the shared board yet, here or at Pierre's.
    expect(await images(a.page)).toEqual([]);
    const notes = join(REPO_ROOT, 'test-results/screenshots');
    mkdirSync(notes, { recursive: true });
    // Drawn where it will be placed, faded, marked « en attente d'envoi » (see the screenshot).
    await a.page.screenshot({ path: join(notes, 'image-waiting-offline-fr.png') });

    await a.context.setOffline(false);
    const [placed] = await waitForShapes(
      a.page,
      '(s) => s.some((x) => x.type === "image")',
      20_000,
    );
    await expect.poll(() => notice.textContent()).toBe('');
    expect(await a.page.evaluate(() => window.__carton!.waitingPhotos())).toEqual([]);
    const [seen] = await waitForShapes(b.page, '(s) => s.some((x) => x.type === "image")', 20_000);
    if (placed?.type !== 'image' || seen?.type !== 'image') throw new Error('no image');
    expect(seen.blobId).toBe(placed.blobId);
    expect([seen.naturalWidth, seen.naturalHeight]).toEqual([400, 300]);
    // Pierre's screen fetches and draws it.
    await b.page.bringToFront();
    await expect.poll(() => redShare(b.page, seen), { timeout: 20_000 }).toBeGreaterThan(0.9);
  });

  it('keeps a photo whose upload got no answer through a reload, and sends it afterwards', async () => {
    const board = await createTerritoryBoard(suite.server, 'La Matanie');
    const { a, b } = suite;
    await a.context.setOffline(false);
    await openBoard(a.page, board.edit.url);
    await openBoard(b.page, board.edit.url);
    await a.page.bringToFront();
    // The board's socket stays up; the photo's upload never gets through (a venue's proxy
    // dropping large requests, the wifi failing mid-upload).
    const uploads = '**/api/boards/*/images';
    await a.page.route(uploads, (route) => route.abort('internetdisconnected'));
    await choosePhotoThatWaits(a.page, 'IMG_3102.jpg', await redPhoto(a.page));
    const notice = a.page.getByTestId('waiting-photos');

    // The phone reloads the page (the browser dropped it in the background): the photo is still
    // waiting, still not on the board.
    await reloadBoard(a.page);
    await expect.poll(() => notice.textContent()).toBe('1 photo en attente d’envoi');
    expect(await images(a.page)).toEqual([]);
    expect(await images(b.page)).toEqual([]);

    await a.page.unroute(uploads);
    await waitForShapes(b.page, '(s) => s.some((x) => x.type === "image")', 40_000);
    await expect.poll(() => notice.textContent()).toBe('');
    // Placed once, though the page that chose it and the page after the reload both knew it.
    expect(await images(a.page)).toHaveLength(1);
  });

  it('lets the participant take back a waiting photo — chosen and Suppr, or « Retirer » — never sent nor placed', async () => {
    const board = await createTerritoryBoard(suite.server, 'La Haute-Gaspésie');
    const { a, b } = suite;
    await a.context.setOffline(false);
    await openBoard(a.page, board.edit.url);
    await openBoard(b.page, board.edit.url);
    const page = a.page;
    const photo = await redPhoto(page);
    const sent: string[] = [];
    const uploads = '**/api/boards/*/images';
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/images$/.test(request.url())) sent.push(request.url());
    });
    const notice = page.getByTestId('waiting-photos');
    const remove = page.getByRole('button', { name: /^Retirer cette photo/ });

    // Offline, Émilie picks the wrong photo: a click on it chooses it, Suppr takes it back.
    await a.context.setOffline(true);
    await page.locator('[data-testid="status"][data-status="offline"]').waitFor({
      timeout: 15_000,
    });
    await page.bringToFront();
    await choosePhotoThatWaits(page, 'IMG_3103.jpg', photo);
    // Placed around the middle of the view, as a chosen photo is.
    const canvas = await page.locator('.canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-waiting-photo')))
      .toBe(true);
    // Chosen: its « Retirer » ringed (see the screenshot).
    const notes = join(REPO_ROOT, 'test-results/screenshots');
    mkdirSync(notes, { recursive: true });
    await page.screenshot({ path: join(notes, 'image-waiting-remove-fr.png') });
    await page.keyboard.press('Delete');
    await expect.poll(() => notice.textContent()).toBe('');
    expect(await page.evaluate(() => window.__carton!.waitingPhotos())).toEqual([]);
    await remove.waitFor({ state: 'detached' });

    // Again, and this time « Retirer » on it (a finger on a phone).
    await choosePhotoThatWaits(page, 'IMG_3104.jpg', photo);
    await remove.click();
    await expect.poll(() => notice.textContent()).toBe('');
    expect(await page.evaluate(() => window.__carton!.waitingPhotos())).toEqual([]);

    // Online, a photo whose upload is under way when she removes it: the server answers, the
    // board does not get it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(uploads, async (route) => {
      await held;
      await route.continue();
    });
    await a.context.setOffline(false);
    await page.locator('[data-testid="status"][data-status="connected"]').waitFor({
      timeout: 15_000,
    });
    const folder = mkdtempSync(join(tmpdir(), 'carton-photo-'));
    try {
      writeFileSync(join(folder, 'IMG_3105.jpg'), photo);
      await page.locator('input[type="file"]').setInputFiles(join(folder, 'IMG_3105.jpg'));
      await expect.poll(() => page.evaluate(() => window.__carton!.photoUploads())).toBe(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    await remove.click();
    expect(await page.evaluate(() => window.__carton!.waitingPhotos())).toEqual([]);
    const answered = page.waitForResponse((r) => /\/images$/.test(r.url()));
    release();
    expect((await answered).ok()).toBe(true);
    await expect.poll(() => page.evaluate(() => window.__carton!.photoUploads())).toBe(0);
    await page.unroute(uploads);
    expect(await images(page)).toEqual([]);
    // Only that upload went out: the two removed offline were never sent.
    expect(sent).toHaveLength(1);
    // Nothing of them stays on the device (a reload would send them).
    const kept = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('carton-waiting-photos');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('photos').objectStore('photos').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
        }),
    );
    expect(kept).toBe(0);
    // Pierre's board has no photo either: a note written after reaches him, no image before it.
    const note = await addNote(page, canvas.x + 60, canvas.y + 60, 'Photo retirée');
    await waitForShapes(b.page, `(s) => s.some((x) => x.id === ${JSON.stringify(note)})`);
    expect(await images(b.page)).toEqual([]);
  });

  it('forgets on the device a photo waiting for over a week, and refuses one past what a device keeps', async () => {
    const board = await createTerritoryBoard(suite.server, 'La Côte-de-Gaspé');
    const { a } = suite;
    const page = a.page;
    await a.context.setOffline(false);
    await openBoard(page, board.edit.url);
    // Left on this phone by an earlier forum: a photo chosen nine days ago for a board nobody
    // opens any more, and 50 Mo of photos chosen an hour ago for another board.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('carton-waiting-photos');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction('photos', 'readwrite');
      const record = (id: string, bytes: number, daysAgo: number) => ({
        id,
        boardId: 'board:ancien',
        blob: new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }),
        width: 400,
        height: 300,
        centre: { x: 0, y: 0 },
        addedAt: Date.now() - daysAgo * 24 * 60 * 60 * 1000,
      });
      tx.objectStore('photos').put(record('old', 1000, 9));
      tx.objectStore('photos').put(record('recent', 50 * 1024 * 1024, 1 / 24));
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    });
    const keptIds = () =>
      page.evaluate(
        () =>
          new Promise<string[]>((resolve, reject) => {
            const open = indexedDB.open('carton-waiting-photos');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const keys = open.result.transaction('photos').objectStore('photos').getAllKeys();
              keys.onsuccess = () => resolve(keys.result.map(String).sort());
              keys.onerror = () => reject(keys.error);
            };
          }),
      );
    expect(await keptIds()).toEqual(['old', 'recent']);

    // Opening a board forgets the week-old photo, whatever its board. (A reload: a link's token
    // is in its hash, and going to the same link again does not load the page anew.)
    await reloadBoard(page);
    await expect.poll(keptIds).toEqual(['recent']);

    // Offline, a new photo would have to wait beside those 50 Mo: refused, in plain words.
    await a.context.setOffline(true);
    await page.locator('[data-testid="status"][data-status="offline"]').waitFor({
      timeout: 15_000,
    });
    const folder = mkdtempSync(join(tmpdir(), 'carton-photo-'));
    try {
      writeFileSync(join(folder, 'IMG_3106.jpg'), await redPhoto(page));
      await page.locator('input[type="file"]').setInputFiles(join(folder, 'IMG_3106.jpg'));
      await page
        .getByRole('alert')
        .filter({ hasText: 'Cet appareil garde déjà trop de photos en attente d’envoi' })
        .waitFor();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    expect(await page.evaluate(() => window.__carton!.waitingPhotos())).toEqual([]);
    expect(await keptIds()).toEqual(['recent']);
    await a.context.setOffline(false);
  });
});
