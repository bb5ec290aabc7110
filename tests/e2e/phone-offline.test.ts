// A phone loses the venue's wifi: beside « hors ligne » it still says the changes are kept on
// the device (the laptop did; the phone hid it, leaving a red dot that made newcomers fear their
// notes were lost), on screen and without pushing the header's buttons off it.
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
    const detail = page.locator('.status-detail');
    await expect(detail.textContent()).resolves.toMatch(/gardée? sur cet appareil/u);
    const box = await detail.boundingBox();
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
