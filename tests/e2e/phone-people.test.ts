// On a phone, the open people list sits below the board's title band: the title and the
// header's controls (zoom, export, language) stay visible and usable while it is open, and the
// list closes on Escape and on a tap outside it (390 × 844 and 360 × 740).
//
// Following someone from a phone: the list of names says « Suivre » (a finger has no hover to
// show the tooltip), and once following, the folded list no longer hides why the view moves by
// itself: « Vous suivez Jocelyn » and « Arrêter de suivre » stay whole, on screen, under a finger.
//
// One phone for every case, turned from one size to the next, and Jocelyn's laptop on the board.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardSuite } from './fixtures';
import { resized } from './shared-pages';

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
  const suite = boardSuite({
    territory: 'Rivière-du-Loup',
    participants: {
      laptop: 'Jocelyn',
      phone: {
        name: 'Mélanie',
        viewport: { width: 390, height: 844 },
        hasTouch: true,
        isMobile: true,
      },
    },
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 360, height: 740 },
  ]) {
    it(`leaves the title band visible at ${viewport.width}×${viewport.height}`, async () => {
      const { page } = suite.phone;
      await resized(page, viewport);
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
    });
  }

  it('says how to follow, then how to stop, in sight', async () => {
    const { page } = suite.phone;
    await resized(page, { width: 360, height: 640 });
    await page.locator('.people-toggle').tap();
    const jocelyn = page.locator('.person', { hasText: 'Jocelyn' });
    await jocelyn.waitFor();
    await expect(jocelyn.innerText()).resolves.toMatch(/Jocelyn\s+Suivre/u);
    await jocelyn.tap();
    await page.waitForFunction(() => window.__carton!.following() === 'Jocelyn');
    await expect(jocelyn.innerText()).resolves.toMatch(/Jocelyn\s+Arrêter/u);

    // Folded again (a tap outside the list), as a phone leaves it to see the board.
    await page.locator('.editor-header .board-title').tap();
    await page.waitForFunction(
      () => document.querySelector('.people-toggle')?.getAttribute('aria-expanded') === 'false',
    );
    const notice = page.locator('.following');
    await expect(notice.innerText()).resolves.toContain('Vous suivez Jocelyn');
    const whole = await notice.evaluate((el) => ({
      box: el.getBoundingClientRect().toJSON() as Box,
      clipped: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
      // What a finger there reaches: the notice, not the pill or a panel above it.
      onTop: (() => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.x + 8, r.y + r.height / 2));
      })(),
    }));
    expect(whole.clipped).toBe(false);
    expect(whole.onTop).toBe(true);
    expect(whole.box.x).toBeGreaterThanOrEqual(0);
    expect(whole.box.x + whole.box.width).toBeLessThanOrEqual(360);
    const pill = (await page
      .locator('.people')
      .evaluate((el) => el.getBoundingClientRect().toJSON())) as Box;
    expect(whole.box.x + whole.box.width).toBeLessThanOrEqual(pill.x);

    const stop = page.getByRole('button', { name: 'Arrêter de suivre', exact: true });
    const stopBox = (await stop.boundingBox())!;
    expect(stopBox.height).toBeGreaterThanOrEqual(44);
    expect(stopBox.x + stopBox.width).toBeLessThanOrEqual(360);
    await stop.tap();
    await page.waitForFunction(() => window.__carton!.following() === null);
    expect(await notice.count()).toBe(0);
  });
});
