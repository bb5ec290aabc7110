// « Contenu » in the keyboard's order, with its focus in sight: Tab from its header button goes
// into the open panel, Shift+Tab from the panel's first control back to the button, Tab past its
// last line on to the header's next control (the panel is drawn at the end of the page, which the
// browser's own order followed); a line reached by the arrows and « Aligner » reached by Tab show
// the focus ring (a line's inside it, where the list's scrolling edge cannot cut it). On a Témiscouata carton of the 2023 forum.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../support/server';
import { boardSuite, openBoard, waitForShapes } from './fixtures';
import { seedTemiscouata } from './seed';

const SHOTS = join(REPO_ROOT, 'test-results/screenshots');

/** The focused element's accessible name (or class), and whether its focus ring shows. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const style = el ? getComputedStyle(el) : null;
    return {
      name: el?.getAttribute('aria-label') ?? el?.className ?? '',
      ring: style !== null && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      /** The ring drawn inside the element's box, where a scrolling edge cannot cut it. */
      inside:
        style !== null && parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) <= 0,
    };
  });
}

const suite = boardSuite({
  territory: 'Témiscouata',
  participants: { a: { name: 'Émilie', opens: false } },
});

it('Tab and Shift+Tab read « Contenu » where its button stands, the focus in sight', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const { page } = suite.a;
  const total = await seedTemiscouata(suite.server.syncUrl, suite.board.id, suite.board.edit.token);
  await openBoard(page, suite.board.edit.url);
  await waitForShapes(page, `(s) => s.length === ${total}`);
  const look = () =>
    page.locator('.outline-button').evaluate((el) => getComputedStyle(el).backgroundColor);
  const closed = await look();
  await page.locator('.canvas').focus();
  await page.keyboard.press('Control+f');
  await expect.poll(async () => (await focused(page)).name).toBe('Rechercher dans le tableau');
  // The header button shows that the panel is open.
  expect(await look()).not.toBe(closed);

  // Back: the panel's first control, then its button in the header.
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).name).toBe('Fermer le contenu');
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).name).toBe('Contenu');
  expect(await page.locator('.outline-button').getAttribute('aria-expanded')).toBe('true');
  // On from the button: into the panel.
  await page.keyboard.press('Tab');
  expect((await focused(page)).name).toBe('Fermer le contenu');

  // A line reached by the arrows shows the focus ring.
  await page.getByRole('searchbox', { name: 'Rechercher dans le tableau' }).focus();
  await page.keyboard.press('ArrowDown');
  const line = await focused(page);
  expect(line.name).toMatch(/^Carton\u00a0: Témiscouata/u);
  expect(line.ring).toBe(true);
  expect(line.inside).toBe(true);
  await page.screenshot({ path: join(SHOTS, 'panels-focus-line.png') });

  // Past the last line: on to the header's control after « Contenu » (zoom out).
  await page.keyboard.press('End');
  await page.keyboard.press('Tab');
  expect((await focused(page)).name).toBe('Zoom arrière');

  // « Aligner », reached by Tab in the chosen shapes' panel, shows its ring too.
  await page.locator('.canvas').focus();
  await page.keyboard.press('Control+a');
  await page.locator('.style-panel [data-lock="lock"]').focus();
  await page.keyboard.press('Tab');
  const align = await focused(page);
  expect(align.ring).toBe(true);
  expect(
    await page.evaluate(() => document.activeElement?.hasAttribute('data-arrange-toggle')),
  ).toBe(true);
});
