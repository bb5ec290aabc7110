// An English-speaking facilitator's day: every word Carton writes on its pages is English —
// only the forum's own content (board titles, the templates' headings, the territories) stays
// French. Before, a restored board's list said « Avant la restauration de la version 2 » (the
// name the server gives it) on an English page.
import { BSL_TERRITORIES } from '@carton/board';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardSuite, createForum } from './fixtures';

/** French in what Carton wrote: accents, guillemets, French spacing, common French words. */
const FRENCH =
  /[àâçéèêëîïôûùœ«»\u00a0\u202f]|\b(?:le|la|les|des|du|une|pour|avec|dans|tableau|papillon|fermer|annuler)\b/iu;

/** Every text, label, tooltip, alt and placeholder on the page, less the forum's content. */
async function frenchOn(page: Page, content: readonly string[]): Promise<string[]> {
  const strings = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) out.push(walker.currentNode.textContent ?? '');
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt]'))
      for (const name of ['aria-label', 'title', 'placeholder', 'alt'])
        out.push(el.getAttribute(name) ?? '');
    out.push(document.title);
    return out;
  });
  return strings
    .map((text) => content.reduce((rest, word) => rest.split(word).join(''), text).trim())
    .filter((text) => FRENCH.test(text) && !/^Français(, FR)?$/u.test(text));
}

describe('Carton in English', () => {
  const suite = boardSuite({ territory: null });

  it('says everything in English but the forum’s own words, a restore point included', async () => {
    const forum = await createForum(suite.server, { territories: ['Témiscouata'] });
    const content = [
      ...forum.boards.map((board) => board.title),
      ...BSL_TERRITORIES,
      'Conditions présentes',
      'Conditions souhaitées',
      'Forum de l’Alliance pour la solidarité BSL',
    ].sort((a, b) => b.length - a.length);
    const context = await suite.browser.newContext({
      locale: 'en-CA',
      viewport: { width: 1366, height: 768 },
    });
    await context.addInitScript(() => localStorage.setItem('carton.name', 'Jane'));
    const page = await context.newPage();
    const origin = suite.server.url;
    try {
      await page.goto(`${origin}/`);
      await page.getByRole('button', { name: 'Create the forum' }).waitFor();
      expect(await frenchOn(page, content)).toEqual([]);

      await page.goto(`${origin}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
      await page.getByRole('heading', { name: 'Boards and links' }).waitFor();
      expect(await frenchOn(page, content)).toEqual([]);

      const postcards = forum.boards.find((board) => board.kind === 'postcards')!;
      await page.goto(`${origin}/b/${postcards.id}#token=${forum.facilitator.token}`);
      await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
        timeout: 15_000,
      });
      await page.getByRole('button', { name: 'Versions' }).click();
      await page.getByLabel('Name of the new version').fill('Before the plenary');
      await page.getByRole('button', { name: 'Save version' }).click();
      const saved = page.locator('[data-testid="history-item"]', { hasText: 'Before the plenary' });
      await saved.getByRole('button', { name: 'Restore' }).click();
      await page.getByRole('button', { name: 'Yes, restore' }).click();
      await page
        .locator('[data-testid="history-item"]', { hasText: /^Before restoring version \d+/ })
        .waitFor({ timeout: 10_000 });
      expect(await frenchOn(page, content)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
