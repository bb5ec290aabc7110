// Never lose a note: a participant who loses the network keeps working, reloads the page while
// still offline (the app shell comes from the service worker, the board from IndexedDB, the
// role from the last visit), and everything reaches the others when the network returns.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Shape } from '@carton/board';
import { addNote, boardSuite, openBoard, shapes, toScreen, waitForShapes } from './fixtures';

const SHOTS = 'test-results/screenshots';

async function statusOf(page: Page): Promise<{ status: string; text: string; pending: number }> {
  const badge = page.locator('[data-testid="status"]');
  return {
    status: (await badge.getAttribute('data-status')) ?? '',
    text: (await badge.textContent()) ?? '',
    pending: Number(await badge.getAttribute('data-pending')),
  };
}

/** Starts recording every status the badge shows (read back with `recordedStatuses`). */
async function recordStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const badge = document.querySelector('[data-testid="status"]');
    const seen: string[] = [badge?.getAttribute('data-status') ?? ''];
    (window as unknown as { __statuses: string[] }).__statuses = seen;
    new MutationObserver(() => {
      const now = document.querySelector('[data-testid="status"]')?.getAttribute('data-status');
      if (now && now !== seen.at(-1)) seen.push(now);
    }).observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-status'],
    });
  });
}

function recordedStatuses(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __statuses: string[] }).__statuses]);
}

/** The texts of the notes written (the board's template has empty ones). */
const notes = (list: Shape[]) =>
  list
    .map((s) => (s.type === 'note' ? s.text : ''))
    .filter((text) => text !== '')
    .sort();

describe('offline first', () => {
  const suite = boardSuite({
    territory: 'Les Basques',
    participants: { a: 'Émilie', b: { name: 'Pierre', opens: false } },
  });

  beforeAll(async () => {
    // The app shell is on the device once the service worker says so.
    await suite.a.page
      .locator('html[data-offline-ready="true"]')
      .waitFor({ state: 'attached', timeout: 15_000 });
    await openBoard(suite.b.page, suite.board.edit.url);
  });

  it('edits offline, reloads offline, and another participant sees every edit once online', async () => {
    await suite.a.page.bringToFront();
    await addNote(suite.a.page, 400, 300, 'Transport collectif');
    // The server confirms it (the count of unconfirmed changes drops to zero).
    await suite.a.page
      .locator('[data-testid="status"][data-pending="0"]')
      .waitFor({ timeout: 10_000 });
    await waitForShapes(
      suite.b.page,
      `(s) => s.some((x) => x.type === 'note' && x.text === 'Transport collectif')`,
    );

    await suite.a.context.setOffline(true);
    await suite.a.page.locator('[data-testid="status"][data-status="offline"]').waitFor();
    expect((await statusOf(suite.a.page)).text).toContain('hors ligne');
    expect((await statusOf(suite.a.page)).text).toContain('modifications gardées sur cet appareil');
    expect((await statusOf(suite.a.page)).pending).toBe(0);

    // Offline: a new note, and the first note's text changed.
    await addNote(suite.a.page, 700, 300, 'Logement abordable');
    const first = (await shapes(suite.a.page)).find(
      (s) => s.type === 'note' && s.text === 'Transport collectif',
    )!;
    const centre = await toScreen(suite.a.page, first.x + 100, first.y + 100);
    await suite.a.page.mouse.dblclick(centre.x, centre.y);
    await suite.a.page.locator('textarea.text-editor').waitFor();
    await suite.a.page.keyboard.press('End');
    await suite.a.page.keyboard.type(' en région');
    await suite.a.page.keyboard.press('Escape');
    await waitForShapes(
      suite.a.page,
      `(s) => s.some((x) => x.type === 'note' && x.text === 'Transport collectif en région')`,
    );
    const offline = await statusOf(suite.a.page);
    expect(offline.status).toBe('offline');
    expect(offline.pending).toBeGreaterThan(0);
    expect(offline.text).toMatch(/\d+\s+modifications? gardées? sur cet appareil/);
    await suite.a.page.screenshot({ path: `${SHOTS}/offline-editing.png` });
    const expected = notes(await shapes(suite.a.page));
    expect(expected).toEqual(['Logement abordable', 'Transport collectif en région']);

    // B has not seen any of it.
    expect(notes(await shapes(suite.b.page))).toEqual(['Transport collectif']);

    // Reload while still offline: the page, the role and the board come from this device.
    await suite.a.page.reload();
    await suite.a.page.waitForFunction(() => window.__carton?.status() === 'offline', null, {
      timeout: 15_000,
    });
    await waitForShapes(
      suite.a.page,
      `(s) => s.some((x) => x.type === 'note' && x.text === 'Logement abordable')`,
    );
    expect(notes(await shapes(suite.a.page))).toEqual(expected);
    expect(await suite.a.page.evaluate(() => window.__carton!.role())).toBe('edit');
    const reloaded = await statusOf(suite.a.page);
    expect(reloaded.pending).toBeGreaterThan(0);
    expect(reloaded.text).toContain('hors ligne');
    await suite.a.page.screenshot({ path: `${SHOTS}/offline-reloaded.png` });

    // Back online: everything goes out, the status says so, B sees every edit.
    await recordStatuses(suite.a.page);
    await suite.a.context.setOffline(false);
    await suite.a.page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 20_000,
    });
    await suite.a.page
      .locator('[data-testid="status"][data-pending="0"]')
      .waitFor({ timeout: 10_000 });
    expect((await statusOf(suite.a.page)).text).toContain('connecté');
    // hors ligne → synchronisation en cours (until the server confirmed) → connecté.
    expect(await recordedStatuses(suite.a.page)).toEqual(['offline', 'syncing', 'connected']);
    const seen = await waitForShapes(
      suite.b.page,
      `(s) => ${JSON.stringify(expected)}.every((t) => s.some((x) => x.type === 'note' && x.text === t))`,
      20_000,
    );
    expect(notes(seen)).toEqual(expected);
    await suite.b.page.screenshot({ path: `${SHOTS}/offline-synced-other.png` });
  });
});
