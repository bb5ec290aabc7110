// A phone loses the venue's wifi: the board's title stays whole, the badge shows its dot and the
// count of changes kept on the device, and a tap says it in words (a bare red dot made newcomers
// fear their notes were lost), on screen and without pushing the header's buttons off it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/server';
import { boardSuite, newPhone, openBoard, waitForShapes } from './fixtures';

describe('a phone offline', () => {
  const suite = boardSuite({ territory: 'La Matanie' });

  it('says the note written offline is kept on the device', async () => {
    const { context, page } = await newPhone(suite.browser, 'Ginette');
    await openBoard(page, suite.board.edit.url);
    await context.setOffline(true);
    await page.waitForFunction(() => window.__carton!.status() === 'offline');
    await page.locator('[data-tool="note"]').tap();
    await page.touchscreen.tap(200, 380);
    await waitForShapes(page, '(s) => s.some((x) => x.type === "note")');
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
    await context.close();
  });
});
