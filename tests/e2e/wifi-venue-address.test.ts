// At the venue the phones reach Carton at the laptop's plain-http LAN address, where browsers
// refuse service workers: a reload offline cannot open the page (the browser's « no internet »
// page), though the notes stay in IndexedDB. The page must say so calmly — keep it open, nothing
// is lost — and the browser must ask before leaving it while offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { boardSuite, newPhone, waitForShapes } from './fixtures';

describe('offline at a venue address', () => {
  // A name is needed here (an IP literal of this machine is a secure context), so the server
  // is told to answer it (R33b refuses names it was not given).
  const suite = boardSuite({
    territory: 'Témiscouata',
    server: { env: { CARTON_ALLOWED_HOSTS: 'carton.venue' } },
  });
  let venue: Browser;

  beforeAll(async () => {
    // Not localhost, so not a secure context: like http://192.168.1.10:8787 at the venue.
    venue = await launchBrowser(['--host-resolver-rules=MAP carton.venue localhost']);
  });
  afterAll(async () => {
    await venue?.close();
  });

  it('asks to keep the page open, guards a reload, and syncs when the wifi is back', async () => {
    const { context, page } = await newPhone(venue, 'Ginette');
    await page.goto(suite.board.edit.url.replace('//localhost:', '//carton.venue:'));
    await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 15_000,
    });
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    const notice = page.locator('[data-testid="keep-page-open"]');
    expect(await notice.count()).toBe(0);

    await context.setOffline(true);
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('Gardez cette page ouverte');
    await expect(notice.textContent()).resolves.toContain('rien n’est perdu');
    await page.locator('[data-tool="note"]').tap();
    await page.touchscreen.tap(200, 500);
    await waitForShapes(page, '(s) => s.some((x) => x.type === "note")');

    // Leaving the page (a reload, a closed tab) is asked first; staying keeps everything.
    const asked = page.waitForEvent('dialog', { timeout: 5_000 });
    await page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    expect(page.isClosed()).toBe(false);

    await page.getByRole('button', { name: 'Compris' }).tap();
    await notice.waitFor({ state: 'detached' });

    await context.setOffline(false);
    await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 15_000,
    });
    await page.locator('[data-testid="status"][data-pending="0"]').waitFor({ timeout: 15_000 });
    await context.close();
  });
});
