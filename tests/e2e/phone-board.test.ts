// Ginette's phone (390 × 844) on a blank territory board, one page for both cases.
//
// On a phone the toolbar and the selection's actions cover the bottom of the canvas. A note
// tapped low on the screen brings its handles above them: the camera pans (never zooms) just
// enough. Dragging a note there, or tapping empty board, leaves the camera alone.
//
// A phone loses the venue's wifi: the board's title stays whole, the badge shows its dot and the
// count of changes kept on the device, and a tap says it in words (a bare red dot made newcomers
// fear their notes were lost), on screen and without pushing the header's buttons off it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { REPO_ROOT } from '../support/server';
import { boardSuite, newPhone, openBoard, shapes, toScreen, waitForShapes } from './fixtures';

function touches(page: Page, cdp: CDPSession) {
  const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }],
    });
  return {
    tap: async (x: number, y: number) => {
      await send('touchStart', x, y);
      await send('touchEnd', x, y);
    },
    drag: async (from: { x: number; y: number }, to: { x: number; y: number }) => {
      await send('touchStart', from.x, from.y);
      for (let i = 1; i <= 10; i++)
        await send(
          'touchMove',
          from.x + ((to.x - from.x) * i) / 10,
          from.y + ((to.y - from.y) * i) / 10,
        );
      await send('touchEnd', to.x, to.y);
    },
    camera: () => page.evaluate(() => window.__carton!.camera()),
  };
}

const suite = boardSuite({ territory: 'La Matanie' });
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ context, page } = await newPhone(suite.browser, 'Ginette'));
  await openBoard(page, suite.board.edit.url);
});

afterAll(async () => {
  await context?.close();
});

describe('a note tapped low on a phone', () => {
  it('pans just enough to show its handles above the bottom panels', async () => {
    const finger = touches(page, await context.newCDPSession(page));
    await page.locator('[data-tool="note"]').tap();
    await finger.tap(195, 300);
    const [created] = await waitForShapes(page, '(s) => s.some((x) => x.type === "note")');
    if (created?.type !== 'note') throw new Error('expected the note');
    await page.waitForFunction(() => window.__carton!.tool() === 'select');
    await page.keyboard.press('Escape');
    const empty = { x: 30, y: 110 };
    await finger.tap(empty.x, empty.y);
    await page.waitForFunction(() => window.__carton!.selection().length === 0);

    // Drag the note down until only its top shows above the toolbar: the camera stays.
    const toolbar = await page.locator('.toolbar').boundingBox();
    if (!toolbar) throw new Error('no toolbar');
    const top = await toScreen(page, created.x + created.w / 2, created.y);
    const camera = await finger.camera();
    await finger.drag({ x: top.x, y: top.y + 20 }, { x: top.x, y: toolbar.y - 140 });
    await waitForShapes(page, `(s) => s.some((x) => x.type === "note" && x.y > ${created.y + 50})`);
    expect(await finger.camera()).toEqual(camera);
    await finger.tap(empty.x, empty.y);
    await page.waitForFunction(() => window.__carton!.selection().length === 0);
    expect(await finger.camera()).toEqual(camera);

    // A tap on its visible top selects it; its bottom handles come up above the panels.
    const note = (await shapes(page)).find((s) => s.id === created.id);
    if (note?.type !== 'note') throw new Error('expected the note');
    const visible = await toScreen(page, note.x + note.w / 2, note.y + 20 / camera.zoom);
    await finger.tap(visible.x, visible.y);
    await page.waitForFunction((id) => window.__carton!.selection()[0] === id, note.id);
    await page.waitForFunction((y) => window.__carton!.camera().y < y, camera.y);
    const moved = await finger.camera();
    expect(moved.zoom).toBe(camera.zoom);
    expect(moved.x).toBe(camera.x);
    const bottom = await toScreen(page, note.x + note.w, note.y + note.h);
    const panel = await page.locator('.style-panel').boundingBox();
    const cover = Math.min(toolbar.y, panel && panel.height > 0 ? panel.y : toolbar.y);
    // The corner handle (9 px square, 22 px finger target) clears the panels, by no more than
    // a few pixels: the camera moved just enough.
    expect(bottom.y + 22).toBeLessThanOrEqual(cover + 1);
    expect(bottom.y + 22).toBeGreaterThan(cover - 4);
  });
});

describe('a phone offline', () => {
  it('says the note written offline is kept on the device', async () => {
    // The case before left a note on the board: its changes confirmed by the server first, so
    // the one written now is the only one kept on the device.
    await page.locator('[data-testid="status"][data-pending="0"]').waitFor({ timeout: 15_000 });
    const notes = (await shapes(page)).filter((x) => x.type === 'note').length;
    await context.setOffline(true);
    await page.waitForFunction(() => window.__carton!.status() === 'offline');
    await page.locator('[data-tool="note"]').tap();
    await page.touchscreen.tap(200, 380);
    await waitForShapes(page, `(s) => s.filter((x) => x.type === "note").length === ${notes + 1}`);
    // The board's title first: whole beside the badge (it was cut to « Conditions … » by
    // « hors ligne / 1 modification gardée… »), the badge its dot and the count kept here.
    const title = await page
      .locator('.editor-header .board-title')
      .evaluate((el) => ({ cut: el.scrollWidth > el.clientWidth + 1, width: el.clientWidth }));
    expect(title).toEqual({ cut: false, width: expect.any(Number) as number });
    expect(title.width).toBeGreaterThan(250);
    const badge = page.locator('[data-testid="status"]');
    await expect(badge.getAttribute('aria-label')).resolves.toMatch(/gardée? sur cet appareil/u);
    await expect(page.locator('.status-count').innerText()).resolves.toBe('1');
    // Under them, small, the word: a red dot and a number alone made a newcomer fear the worst.
    const word = page.locator('.status-label');
    await expect(word.innerText()).resolves.toBe('hors ligne');
    const [wordBox, badgeBox] = await Promise.all([word.boundingBox(), badge.boundingBox()]);
    expect(wordBox && badgeBox && wordBox.width > 0 && wordBox.height > 0).toBe(true);
    expect(wordBox!.x).toBeGreaterThanOrEqual(badgeBox!.x);
    expect(wordBox!.x + wordBox!.width).toBeLessThanOrEqual(badgeBox!.x + badgeBox!.width + 0.5);
    // A tap unfolds the words.
    await badge.tap();
    const detail = page.locator('.status-detail');
    await expect(detail.innerText()).resolves.toBe('1 modification gardée sur cet appareil');
    const box = await detail.boundingBox();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect(box && box.width > 0 && box.height > 0).toBe(true);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    const right = await page
      .locator('.editor-header button')
      .evaluateAll((buttons) => Math.max(...buttons.map((b) => b.getBoundingClientRect().right)));
    expect(right).toBeLessThanOrEqual(390);
    mkdirSync(join(REPO_ROOT, 'test-results/screenshots'), { recursive: true });
    await page.screenshot({
      path: join(REPO_ROOT, 'test-results/screenshots/phone-offline-fr.png'),
    });
    await context.setOffline(false);
    await page.waitForFunction(() => window.__carton!.status() === 'connected', null, {
      timeout: 15_000,
    });
  });
});
