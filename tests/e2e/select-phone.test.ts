// On a phone, a territory board (one carton, from the forum's template) opens fitted to the
// room between the header and the toolbar: the carton fills the width instead of floating in
// margins. Far out, the carton's title is still drawn big enough to read, just above the carton
// so its headings and notes stay in sight.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { REPO_ROOT, startServer, type CartonServer } from '../support/server';
import { createForum, openBoard, shapes, territoryBoard, toScreen } from './fixtures';
import { inkShare } from './canvas-ink';

describe('a one-carton board on a phone', () => {
  let server: CartonServer;
  let browser: Browser;
  let phone: Participant;

  beforeAll(async () => {
    mkdirSync(join(REPO_ROOT, 'test-results/screenshots'), { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    const board = territoryBoard(
      await createForum(server, { territories: ['La Mitis'], templates: true }),
    );
    phone = await newParticipant(browser, 'Pierre', {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
    });
    await openBoard(phone.page, board.edit.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('zoom to fit fills the phone’s width with the carton', async () => {
    const page = phone.page;
    const carton = (await shapes(page)).find((s) => s.type === 'carton');
    if (carton?.type !== 'carton') throw new Error('expected the territory carton');
    await page.waitForFunction(() => window.__carton!.camera().zoom < 1);
    const left = await toScreen(page, carton.x, carton.y);
    const right = await toScreen(page, carton.x + carton.w, carton.y + carton.h);
    await page.screenshot({
      path: join(REPO_ROOT, 'test-results/screenshots/select-phone-fit.png'),
    });
    // At most a few pixels of margin on each side, and the whole carton on screen.
    expect(left.x).toBeGreaterThanOrEqual(0);
    expect(right.x).toBeLessThanOrEqual(390);
    expect(right.x - left.x).toBeGreaterThan(390 - 40);
    const header = await page.locator('.editor-header').boundingBox();
    const toolbar = await page.locator('.toolbar').boundingBox();
    expect(left.y).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0));
    expect(right.y).toBeLessThanOrEqual(toolbar?.y ?? 844);
  });

  it('far out, the carton title is drawn big just above the carton, its headings in sight', async () => {
    const page = phone.page;
    const zoom = await page.evaluate(() => window.__carton!.camera().zoom);
    expect(zoom).toBeLessThan(0.25); // the low level of detail (LOW_DETAIL_ZOOM)
    const carton = (await shapes(page)).find((s) => s.type === 'carton');
    if (carton?.type !== 'carton') throw new Error('expected the territory carton');
    const header = await page.locator('.editor-header').boundingBox();
    const top = await toScreen(page, carton.x, carton.y);
    const right = await toScreen(page, carton.x + carton.w, carton.y);
    const share = (rect: number[], ink: 'dark' | 'red') => inkShare(page, rect, ink);
    // Dark title ink in the 28 px above the carton's frame, below the header (the full-detail
    // title inside the carton would leave that strip empty).
    const strip = [top.x + 10, top.y - 28, right.x - 10, top.y - 2];
    expect(strip[1]!).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0));
    expect(await share(strip, 'dark')).toBeGreaterThan(0.08);
    // The red heart and « Conditions présentes » show at the carton's top, not veiled by a band.
    const a = await toScreen(page, carton.x + 40, carton.y + 70);
    const b = await toScreen(page, carton.x + 740, carton.y + 150);
    expect(await share([a.x, a.y, b.x, b.y], 'red')).toBeGreaterThan(0.02);
    await page.screenshot({
      path: join(REPO_ROOT, 'test-results/screenshots/select-phone-far-title.png'),
    });
  });

  it('a finger turns the carton by its rotate handle (a 44 px target), contents included', async () => {
    const page = phone.page;
    const cdp = await phone.context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }],
      });
    const list = await shapes(page);
    const carton = list.find((s) => s.type === 'carton');
    if (carton?.type !== 'carton') throw new Error('expected the territory carton');
    // The title band, clear of the headings and the divider (a finger's tolerance is wide).
    const title = await toScreen(page, carton.x + 400, carton.y + 12);
    // The template's carton is locked (T1, M33): a long-press chooses it, « Déverrouiller »
    // frees it (its headings and divider stay locked, and turn with it).
    await touch('touchStart', title.x, title.y);
    await page.waitForFunction((id) => window.__carton!.selection()[0] === id, carton.id);
    await touch('touchEnd', title.x, title.y);
    await page.locator('.style-panel [data-lock="unlock"]').click();
    await page.waitForFunction(
      (id) => !window.__carton!.shapes().find((s) => s.id === id)?.locked,
      carton.id,
    );
    // The handle is 40 px above the top middle on touch; the finger lands 18 px off its centre.
    const top = await toScreen(page, carton.x + carton.w / 2, carton.y);
    const centre = await toScreen(page, carton.x + carton.w / 2, carton.y + carton.h / 2);
    await touch('touchStart', top.x + 18, top.y - 40);
    for (let i = 1; i <= 8; i++)
      await touch('touchMove', top.x + 18 + (i * 100) / 8, top.y - 40 + (i * 40) / 8);
    await touch('touchEnd', 0, 0);
    const after = await shapes(page);
    const turned = after.find((s) => s.id === carton.id);
    expect(Math.abs(turned?.rotation ?? 0)).toBeGreaterThan(0.1);
    const children = after.filter((s) => s.parentId === carton.id);
    expect(children.length).toBeGreaterThan(0);
    for (const child of children) expect(child.rotation).toBeCloseTo(turned?.rotation ?? 0, 6);
    expect(centre.x).toBeGreaterThan(0);
    await page.screenshot({
      path: join(REPO_ROOT, 'test-results/screenshots/select-phone-rotated-carton.png'),
    });
  });
});
