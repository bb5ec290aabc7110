// Carton as met by people with low vision, many of them older and new to such tools:
// - text at 200 % on a small laptop (browser zoom on 1280 × 720: 640 × 360 CSS px, as Chromium
//   lays the page out at that zoom), where the name prompt's « Entrer » fell below the window
//   with nothing to scroll (WCAG 1.4.4), and at 400 % the forum page's confirmations (1.4.10);
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { createForum, serverAndBrowser, type CreatedForum } from './fixtures';

/** A 1280 × 720 laptop's screen at 200 % zoom, in CSS px. */
const LAPTOP_AT_200 = { width: 640, height: 360 } as const;

/** Whether `target` shows whole in the window and is what a click at its centre reaches. */
async function reachable(target: Locator): Promise<boolean> {
  await target.scrollIntoViewIfNeeded();
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    // Scrolled into view, its edge may sit a fraction of a pixel past the window's.
    const inside =
      r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return inside && hit !== null && el.contains(hit);
  });
}

describe('Carton with low vision', () => {
  const suite = serverAndBrowser();
  let forum: CreatedForum | undefined;
  const theForum = async () =>
    (forum ??= await createForum(suite.server, { territories: ['Témiscouata', 'Kamouraska'] }));

  it('at 200 % on a small laptop, the name prompt scrolls to « Entrer », which enters', async () => {
    const territory = (await theForum()).boards.find((b) => b.kind === 'territory')!;
    const context = await suite.browser.newContext({
      viewport: LAPTOP_AT_200,
      deviceScaleFactor: 2,
      locale: 'fr-CA',
    });
    const page = await context.newPage();
    await page.goto(territory.edit.url);
    const prompt = page.getByRole('dialog');
    await prompt.getByLabel('Votre nom').fill('Gisèle Pelletier');
    const enter = prompt.getByRole('button', { name: 'Entrer' });
    // It lay 13 px past the window's bottom, and the page did not scroll.
    expect(await reachable(enter)).toBe(true);
    await enter.click();
    await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 15_000,
    });
    await context.close();
  });

  it('at 400 % on a 1280 × 1024 screen, the forum page’s confirmations scroll to their buttons', async () => {
    const created = await theForum();
    const context = await suite.browser.newContext({
      viewport: { width: 320, height: 256 },
      deviceScaleFactor: 4,
      locale: 'fr-CA',
    });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/f/${created.forum.id}#token=${created.facilitator.token}`);
    await page.getByRole('button', { name: 'Supprimer le forum…' }).click();
    // The dialog is 380 px tall in a 256 px window: its last button lay below it, out of reach
    // (WCAG 1.4.10). Not pressed here: it would delete the forum.
    const confirm = page.locator('.forum-dialog').getByRole('button', {
      name: 'Supprimer définitivement',
    });
    expect(await reachable(confirm)).toBe(true);
    await context.close();
  });
});
