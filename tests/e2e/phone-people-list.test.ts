// On a phone, the open people list sits below the board's title band: the title and the
// header's controls (zoom, export, language) stay visible and usable while it is open, and the
// list closes on Escape and on a tap outside it (390 × 844 and 360 × 740).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardSuite, openBoard } from './fixtures';

type Box = { x: number; y: number; width: number; height: number };

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The boxes of the header's title and of each of its buttons. */
function headerBoxes(page: Page): Promise<Box[]> {
  return page.locator('.editor-header .board-title, .editor-header button').evaluateAll((els) =>
    els
      .filter((el) => !el.closest('.people'))
      .map((el) => el.getBoundingClientRect().toJSON() as Box)
      .filter((b) => b.width > 0),
  );
}

function peopleOpen(page: Page): Promise<boolean> {
  return page
    .locator('.people-toggle')
    .evaluate((el) => el.getAttribute('aria-expanded') === 'true');
}

describe('the people list on a phone', () => {
  const suite = boardSuite({ territory: 'Rivière-du-Loup' });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 360, height: 740 },
  ]) {
    it(`leaves the title band visible at ${viewport.width}×${viewport.height}`, async () => {
      const context = await suite.browser.newContext({
        viewport,
        locale: 'fr-CA',
        hasTouch: true,
        isMobile: true,
      });
      await context.addInitScript(() => localStorage.setItem('carton.name', 'Josée'));
      const page = await context.newPage();
      await openBoard(page, suite.board.edit.url);
      expect(await peopleOpen(page)).toBe(false);
      await page.locator('.people-toggle').tap();
      expect(await peopleOpen(page)).toBe(true);

      const list = (await page
        .locator('.people')
        .evaluate((el) => el.getBoundingClientRect().toJSON())) as Box;
      const header = await headerBoxes(page);
      expect(header.length).toBeGreaterThan(1);
      expect(header.filter((box) => overlaps(box, list))).toEqual([]);
      // The title is what a tap there reaches, not the list above it.
      const title = header[0]!;
      const hit = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('.board-title') !== null,
        { x: title.x + title.width / 2, y: title.y + title.height / 2 },
      );
      expect(hit).toBe(true);
      await page.screenshot({
        path: `test-results/screenshots/phone-people-${viewport.width}.png`,
      });

      // Escape closes it; so does a tap on the board outside it.
      await page.keyboard.press('Escape');
      expect(await peopleOpen(page)).toBe(false);
      await page.locator('.people-toggle').tap();
      expect(await peopleOpen(page)).toBe(true);
      await page.touchscreen.tap(viewport.width / 2, viewport.height / 2);
      expect(await peopleOpen(page)).toBe(false);
      await context.close();
    });
  }
});
