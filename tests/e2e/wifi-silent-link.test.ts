// Venue wifi that stays « connected » but forwards nothing: the server is frozen (SIGSTOP), so
// the sockets stay open and silent. A phone that adds a note, or wakes up, must say « hors
// ligne » with its change kept within seconds — the stock client waited 30 s of silence, showing
// « connecté » over a note going nowhere — and everything arrives once, when the link is back.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardSuite, newPhone, openBoard, waitForShapes } from './fixtures';

/** Well under the stock client's 30 s of silence plus its 3 s check. */
const NOTICED_WITHIN_MS = 20_000;

function waitForStatus(page: Page, status: string, timeout: number): Promise<unknown> {
  return page.waitForFunction((s) => window.__carton?.status() === s, status, { timeout });
}

describe('a silent link on a phone', () => {
  const suite = boardSuite({ territory: 'La Mitis', participants: { other: 'Pierre' } });

  afterEach(() => {
    // Never leave the server frozen for the next test (SIGCONT on a running process is a no-op).
    void suite.server.kill('SIGCONT');
  });

  it('says « hors ligne » with the note kept, then delivers it once', async () => {
    const { context, page } = await newPhone(suite.browser, 'Ginette');
    await openBoard(page, suite.board.edit.url);
    void suite.server.kill('SIGSTOP');

    await page.locator('[data-tool="note"]').tap();
    await page.touchscreen.tap(200, 420);
    await waitForShapes(page, '(s) => s.filter((x) => x.type === "note").length === 1');
    await waitForStatus(page, 'offline', NOTICED_WITHIN_MS);
    await expect(page.locator('.status-detail').textContent()).resolves.toMatch(
      /^1\s+modification gardée sur cet appareil$/u,
    );

    void suite.server.kill('SIGCONT');
    await waitForStatus(page, 'connected', 20_000);
    await page.locator('[data-testid="status"][data-pending="0"]').waitFor({ timeout: 15_000 });
    const seen = await waitForShapes(
      suite.other.page,
      '(s) => s.some((x) => x.type === "note")',
      20_000,
    );
    expect(seen.filter((s) => s.type === 'note')).toHaveLength(1);
    await context.close();
  });

  it('notices a dead link on waking up, and reconnects when it is back', async () => {
    const { context, page } = await newPhone(suite.browser, 'Ginette');
    await openBoard(page, suite.board.edit.url);
    void suite.server.kill('SIGSTOP');
    // The screen comes back on (headless pages are always visible: the event is what counts).
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await waitForStatus(page, 'offline', NOTICED_WITHIN_MS);

    void suite.server.kill('SIGCONT');
    await waitForStatus(page, 'connected', 20_000);
    await context.close();
  });
});
