// A territory board freshly opened on a phone (390 × 844 and 320 × 640, a finger, device scale 3)
// fits the board below the header and above the toolbar; the folded people pill and « ? » float
// at the screen's right edge under the header. At 320 × 640 « ? » lay over the end of the
// carton's title « Conditions de succès — Kamouraska », and on a board taller than wide (notes
// added under the carton) both lay over the title and the tops of its columns: the participant
// did not see what the carton was about. The fit now goes below them, or beside them, whichever
// shows the board larger; « Tout afficher » fits the same way. The first visit's hint, above the
// toolbar, covered the carton's notes at 320 × 640 until « Compris »: it goes in the band the fit
// leaves above the carton, beside the two, whole and as readable.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newParticipant } from '../support/browser';
import { REPO_ROOT } from '../support/server';
import {
  cameraSettled,
  createForum,
  openBoard,
  serverAndBrowser,
  shapes,
  territoryBoard,
  toScreen,
  waitForShapes,
  type BoardLinks,
} from './fixtures';
import { boxes, overlapsBetween, type Box } from './layout-boxes';

const SCREENSHOTS = join(REPO_ROOT, 'test-results/screenshots');

/** Opens `board` on a fresh phone of `viewport` and waits for its first fit, at rest. */
async function phoneOpening(
  suite: ReturnType<typeof serverAndBrowser>,
  board: BoardLinks,
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await suite.browser.newContext({
    viewport,
    locale: 'fr-CA',
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 3,
  });
  await context.addInitScript(() => localStorage.setItem('carton.name', 'Josée'));
  const page = await context.newPage();
  await openBoard(page, board.edit.url);
  await cameraSettled(page);
  return page;
}

/** The carton's box on the page's screen. */
async function cartonBox(page: Page): Promise<Box> {
  const carton = (await shapes(page)).find((s) => s.type === 'carton');
  if (carton?.type !== 'carton') throw new Error('the territory board has a carton');
  const a = await toScreen(page, carton.x, carton.y);
  const b = await toScreen(page, carton.x + carton.w, carton.y + carton.h);
  return { name: `carton «${carton.title}»`, left: a.x, top: a.y, right: b.x, bottom: b.y };
}

const floating = (page: Page) => boxes(page, '.editor > .people, .editor > .help-floating');

describe('a phone’s first fit leaves the carton clear of the people pill and « ? »', () => {
  const suite = serverAndBrowser();

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 320, height: 640 },
  ]) {
    it(`${viewport.width}×${viewport.height}: the seed’s carton, whole and clear`, async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const board = territoryBoard(
        await createForum(suite.server, { territories: ['Kamouraska'], templates: true }),
      );
      const page = await phoneOpening(suite, board, viewport);
      try {
        const controls = await floating(page);
        expect(controls).toHaveLength(2);
        const carton = await cartonBox(page);
        expect(overlapsBetween([carton], controls)).toEqual([]);
        // Still across the width (not shrunk beside the controls), above the toolbar.
        expect(carton.right - carton.left).toBeGreaterThan(viewport.width * 0.9);
        const [toolbar] = await boxes(page, '.toolbar');
        expect(carton.bottom).toBeLessThanOrEqual(toolbar!.top);
        await page.screenshot({
          path: join(SCREENSHOTS, `phone-fit-clear-${viewport.width}.png`),
        });
      } finally {
        await page.context().close();
      }
    });
  }

  it('390×844: a board taller than wide is fitted beside them; « Tout afficher » the same', async () => {
    const board = territoryBoard(
      await createForum(suite.server, { territories: ['Les Basques'], templates: true }),
    );
    // A note placed under the carton on a laptop, far enough to make the board taller than wide.
    const laptop = await newParticipant(suite.browser, 'Émilie');
    try {
      await openBoard(laptop.page, board.edit.url);
      const carton = (await shapes(laptop.page)).find((s) => s.type === 'carton');
      if (carton?.type !== 'carton') throw new Error('the territory board has a carton');
      const below = { x: carton.x + carton.w / 2, y: carton.y + carton.h * 2.6 };
      const zoomOut = laptop.page.getByRole('button', { name: 'Zoom arrière', exact: true });
      while ((await toScreen(laptop.page, below.x, below.y)).y > 700) await zoomOut.click();
      const at = await toScreen(laptop.page, below.x, below.y);
      const count = (await shapes(laptop.page)).length;
      await laptop.page.keyboard.press('n');
      await laptop.page.mouse.click(at.x, at.y);
      await waitForShapes(laptop.page, `(s) => s.length === ${count + 1}`);
    } finally {
      await laptop.context.close();
    }
    const page = await phoneOpening(suite, board, { width: 390, height: 844 });
    try {
      const controls = await floating(page);
      expect(controls).toHaveLength(2);
      const first = await cartonBox(page);
      expect(overlapsBetween([first], controls)).toEqual([]);
      // Beside them, a board shown larger than below them (its carton ~76 % of the width).
      expect(first.right).toBeLessThanOrEqual(Math.min(...controls.map((c) => c.left)));
      expect(first.right - first.left).toBeGreaterThan(390 * 0.7);
      const fitted = await page.evaluate(() => window.__carton!.camera());
      await page.getByRole('button', { name: 'Zoom avant', exact: true }).tap();
      await page.getByRole('button', { name: 'Tout afficher', exact: true }).tap();
      await cameraSettled(page);
      expect(await page.evaluate(() => window.__carton!.camera())).toEqual(fitted);
      await page.screenshot({ path: join(SCREENSHOTS, 'phone-fit-clear-tall.png') });
    } finally {
      await page.context().close();
    }
  });

  it('320×640, a first visit: the hint reads whole above the carton, covering none of it', async () => {
    const board = territoryBoard(
      await createForum(suite.server, { territories: ['Kamouraska'], templates: true }),
    );
    const page = await phoneOpening(suite, board, { width: 320, height: 640 });
    try {
      const hint = page.getByRole('complementary', { name: 'Premiers pas' });
      await hint.waitFor();
      // Placed once measured (hidden until then), and again as the first fit settles.
      await page.locator('.help-hint:not([style*="hidden"])').waitFor();
      await cameraSettled(page);
      const [box] = await boxes(page, '.help-hint');
      const carton = await cartonBox(page);
      const chrome = await boxes(
        page,
        '.editor-header > *, .toolbar, .editor > .people, .editor > .help-floating',
      );
      await page.screenshot({ path: join(SCREENSHOTS, 'phone-fit-clear-320-hint.png') });
      expect(overlapsBetween([box!], [carton])).toEqual([]);
      expect(overlapsBetween([box!], chrome)).toEqual([]);
      expect(box!.left).toBeGreaterThanOrEqual(0);
      expect(box!.top).toBeGreaterThanOrEqual(0);
      // Whole and readable: its sentence not cut, at least 14 px, « Compris » a finger's target.
      const text = await page.locator('.help-hint p').evaluate((p) => ({
        cut: p.scrollHeight > p.clientHeight + 1 || p.scrollWidth > p.clientWidth + 1,
        size: parseFloat(getComputedStyle(p).fontSize),
      }));
      expect(text.cut).toBe(false);
      expect(text.size).toBeGreaterThanOrEqual(14);
      expect(await hint.textContent()).toContain('Touchez Papillon');
      const [ok] = await boxes(page, '.help-hint .chip.primary');
      expect(ok!.bottom - ok!.top).toBeGreaterThanOrEqual(40);
    } finally {
      await page.context().close();
    }
  });
});
