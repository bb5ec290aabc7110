// What a phone shows first, on the 360 px and 390 px phones of a forum's participants: the
// people list folded to a small pill (it covered ~150×55 px of the board), − and + beside the
// zoom level (a newcomer who does not pinch had no way in), and nothing wider than the screen.
// Another participant's name stays on screen near its edge. An upright tablet shows the carton
// across its width, under the people's panel (beside it, the carton had a third of the width).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newParticipant } from '../support/browser';
import { REPO_ROOT } from '../support/server';
import { boardSuite, createForum, openBoard, territoryBoard, toScreen } from './fixtures';
import { sharedPages } from './shared-pages';

const PHONES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
] as const;

describe('a phone’s first view of a territory board', () => {
  beforeAll(() => {
    mkdirSync(join(REPO_ROOT, 'test-results/screenshots'), { recursive: true });
  });
  const suite = boardSuite({ territory: 'La Mitis' });
  // Josée's phone, loaded once at its first size and resized for the next (each case leaves the
  // people list folded): every case reads it.
  const shared = sharedPages();
  const phone = (viewport: { width: number; height: number }): Promise<Page> =>
    shared.at('phone', viewport, async () => {
      const { page } = await newParticipant(suite.browser, 'Josée Tremblay', {
        viewport,
        hasTouch: true,
      });
      await openBoard(page, suite.board.edit.url);
      return page;
    });

  afterAll(async () => {
    await shared.closeAll();
  });

  for (const viewport of PHONES) {
    it(`${viewport.width}×${viewport.height}: a people pill, − and + to zoom, all on screen`, async () => {
      const page = await phone(viewport);

      // The folded list is a pill: the count, named for a screen reader, a finger-sized target.
      const pill = page.getByRole('button', { name: 'Personnes présentes\u00a0: 1' });
      await expect(pill.count()).resolves.toBe(1);
      const folded = await page.locator('.people').boundingBox();
      if (!folded) throw new Error('no people list');
      expect(folded.height).toBeGreaterThanOrEqual(44);
      expect(folded.height).toBeLessThanOrEqual(52);
      expect(folded.width).toBeLessThanOrEqual(90);
      expect(folded.x + folded.width).toBeLessThanOrEqual(viewport.width);
      await expect(pill.getAttribute('aria-expanded')).resolves.toBe('false');
      // A tap opens the list, with the participant's own name.
      await pill.tap();
      await expect(pill.getAttribute('aria-expanded')).resolves.toBe('true');
      await page.getByText('Josée Tremblay (vous)').waitFor();
      await page.screenshot({
        path: join(REPO_ROOT, `test-results/screenshots/phone-first-view-${viewport.width}.png`),
      });
      await pill.tap();
      await expect(pill.getAttribute('aria-expanded')).resolves.toBe('false');

      // − and + beside the zoom level, finger-sized, inside the screen; + zooms in, − out.
      const zoomIn = page.getByRole('button', { name: 'Zoom avant', exact: true });
      const zoomOut = page.getByRole('button', { name: 'Zoom arrière', exact: true });
      for (const button of [zoomIn, zoomOut]) {
        const box = await button.boundingBox();
        if (!box) throw new Error('zoom button not shown');
        expect(box.width).toBeGreaterThanOrEqual(44);
        expect(box.height).toBeGreaterThanOrEqual(44);
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      }
      const before = await page.evaluate(() => window.__carton!.camera().zoom);
      await zoomIn.tap();
      const zoomed = await page.evaluate(() => window.__carton!.camera().zoom);
      expect(zoomed).toBeGreaterThan(before);
      await zoomOut.tap();
      const back = await page.evaluate(() => window.__carton!.camera().zoom);
      expect(back).toBeLessThan(zoomed);

      // Nothing of the header runs past the screen's right edge, nor scrolls the page sideways.
      const rights = await page
        .locator('.editor-header button, .editor-header .status')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
      for (const right of rights) expect(right).toBeLessThanOrEqual(viewport.width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(viewport.width);
    });
  }

  it('another participant’s name near the right edge stays on screen', async () => {
    const viewport = PHONES[0];
    const phonePage = await phone(viewport);
    const laptop = await newParticipant(suite.browser, 'Marc-André Bélanger-Desjardins');
    await openBoard(laptop.page, suite.board.edit.url);
    // The world point 12 px from the phone's right edge, halfway down, under the laptop's mouse.
    const camera = await phonePage.evaluate(() => window.__carton!.camera());
    const world = {
      x: (viewport.width - 12 - camera.x) / camera.zoom,
      y: (viewport.height / 2 - camera.y) / camera.zoom,
    };
    const there = await toScreen(laptop.page, world.x, world.y);
    await laptop.page.bringToFront();
    await laptop.page.mouse.move(there.x - 40, there.y);
    await laptop.page.mouse.move(there.x, there.y, { steps: 4 });
    const label = phonePage.locator('.cursor-name');
    await label.waitFor();
    // The cursor arrives where it was sent, and its name is drawn to its left, whole.
    await phonePage.waitForFunction((x) => {
      const cursor = document.querySelector('.cursor')?.getBoundingClientRect();
      return !!cursor && Math.abs(cursor.left - x) < 2;
    }, viewport.width - 12);
    const box = await label.boundingBox();
    if (!box) throw new Error('no name label');
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    await phonePage.screenshot({
      path: join(REPO_ROOT, 'test-results/screenshots/phone-first-view-cursor.png'),
    });
    await laptop.context.close();
  });

  it('an upright tablet (810 × 1080): the carton across the width, under the people’s panel', async () => {
    const viewport = { width: 810, height: 1080 };
    const tablet = await newParticipant(suite.browser, 'Hélène Gagnon', {
      viewport,
      hasTouch: true,
      isMobile: true,
    });
    try {
      const board = territoryBoard(
        await createForum(suite.server, { territories: ['La Matanie'], templates: true }),
      );
      await openBoard(tablet.page, board.edit.url);
      const carton = (await tablet.page.evaluate(() => window.__carton!.shapes())).find(
        (shape) => shape.type === 'carton',
      );
      if (carton?.type !== 'carton') throw new Error('the territory board has a carton');
      // Beside the open panel it was fitted to 550 px of the width, the top half left empty.
      await expect
        .poll(async () => {
          const left = await toScreen(tablet.page, carton.x, carton.y);
          const right = await toScreen(tablet.page, carton.x + carton.w, carton.y);
          return (right.x - left.x) / viewport.width;
        })
        .toBeGreaterThan(0.85);
      const top = await toScreen(tablet.page, carton.x, carton.y);
      const panel = await tablet.page.locator('.people').boundingBox();
      expect(panel && panel.height > 0).toBe(true);
      expect(top.y).toBeGreaterThanOrEqual(panel!.y + panel!.height - 1);
      await tablet.page.screenshot({
        path: join(REPO_ROOT, 'test-results/screenshots/tablet-upright-first-view.png'),
      });
    } finally {
      await tablet.context.close();
    }
  });
});
