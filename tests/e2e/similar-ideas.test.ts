// « Les incontournables », C9: the forum page suggests merging ideas that very likely say the
// same thing (« Ces idées se ressemblent »). « Fusionner » merges them; « Non, elles sont
// différentes » removes the suggestion for good: after a reload, and on every facilitator's
// page, since it is kept in the forum document. « Conditions présentes » and « Conditions
// souhaitées » (the carton's two columns, copied onto notes) are never suggested. A second
// facilitator's page, open at the same time, follows both live: it kept showing the merged idea
// and the pair said different until it was reloaded.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { ideaKey } from '@carton/board';
import { launchBrowser } from '../support/browser';
import { REPO_ROOT, startServer, type CartonServer } from '../support/server';
import { createForum, type CreatedForum } from './fixtures';
import { openCompiledList, postcardWall, writeNotes } from './forum-notes';

const NOTES = [
  'Participation citoyenne',
  'Participation citoyenne !',
  'Plaisir !',
  'Conditions présentes',
  'Conditions souhaitées',
  'Du plaisir',
  'La participation citoyenne',
  'Bon leadership',
];

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// The notes' ideas (two say « Participation citoyenne ») and the wall's own template note.
const ITEMS = 7;

describe('suggested merges on the forum page', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;
  let page: Page;
  /** Another facilitator's forum page (the same link, another computer), open all along. */
  let other: Page;
  const compilationUrl = () => `${server.url}/api/forums/${forum.forum.id}/compilation`;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['Kamouraska'], templates: false });
    await writeNotes(server, postcardWall(forum), NOTES, 300);
    // So axe's script may run.
    page = await openCompiledList(browser, server, forum, { bypassCSP: true });
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'fr-CA',
    });
    other = await context.newPage();
    await other.goto(`${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
    await other.locator('.similar-ideas li').nth(1).waitFor({ timeout: 10_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const suggestions = () => page.locator('.similar-ideas li');
  const pairTexts = () =>
    suggestions().evaluateAll((rows) =>
      rows.map((row) => row.querySelector('.similar-pair')!.textContent),
    );

  it('shows the look-alikes, and not « Conditions présentes » / « Conditions souhaitées »', async () => {
    const texts = await page.locator('.compilation-item .item-text').allTextContents();
    expect(texts).toEqual(expect.arrayContaining(['Conditions présentes', 'Du plaisir']));
    expect(texts).toHaveLength(ITEMS);
    const section = page.locator('.similar-ideas');
    expect(await section.locator('h3').textContent()).toBe(
      'Ces idées se ressemblent (2 suggestions)',
    );
    expect(await pairTexts()).toEqual([
      '«\u00a0Participation citoyenne\u00a0» 2 fois ≈ «\u00a0La participation citoyenne\u00a0» 1 fois',
      '«\u00a0Plaisir !\u00a0» 1 fois ≈ «\u00a0Du plaisir\u00a0» 1 fois',
    ]);
    // « Fusionner avec… » on « Du plaisir » offers « Plaisir ! » first.
    const select = page.getByRole('combobox', { name: 'Fusionner «\u00a0Du plaisir\u00a0» avec…' });
    expect(
      await select
        .locator('optgroup')
        .first()
        .evaluate((group) => ({
          label: group.getAttribute('label'),
          options: [...group.querySelectorAll('option')].map((o) => o.textContent),
        })),
    ).toEqual({ label: 'Ces idées se ressemblent', options: ['Plaisir !'] });
    // axe-core, every impact: each button's name begins with its visible words (WCAG 2.5.3).
    await page.addScriptTag({ path: AXE_SOURCE });
    const violations = await page.evaluate(async () => {
      const { axe } = window as unknown as {
        axe: { run: (context: string) => Promise<AxeResults> };
      };
      return (await axe.run('.similar-ideas')).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${REPO_ROOT}test-results/screenshots/similar-ideas.png` });
  });

  it('« Fusionner » merges the second idea into the first', async () => {
    // By the keyboard: the focus then goes on to the next suggestion, not to the page's top.
    await page
      .getByRole('button', {
        name: 'Fusionner «\u00a0La participation citoyenne\u00a0» dans «\u00a0Participation citoyenne\u00a0»',
      })
      .focus();
    await page.keyboard.press('Enter');
    await page
      .locator('.compilation-item .item-text', { hasText: 'La participation citoyenne' })
      .waitFor({ state: 'detached', timeout: 10_000 });
    const merged = page.locator('.compilation-item').filter({
      has: page.locator('.item-text', { hasText: /^Participation citoyenne$/ }),
    });
    expect(await merged.locator('.item-count').textContent()).toBe('3 fois');
    expect(await pairTexts()).toEqual([
      '«\u00a0Plaisir !\u00a0» 1 fois ≈ «\u00a0Du plaisir\u00a0» 1 fois',
    ]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Fusionner «\u00a0Du plaisir\u00a0» dans «\u00a0Plaisir !\u00a0»',
    );
    // The other facilitator's page follows without a reload: the idea merged, its pair gone.
    await other
      .locator('.compilation-item .item-text', { hasText: 'La participation citoyenne' })
      .waitFor({ state: 'detached', timeout: 10_000 });
    expect(await other.locator('.similar-ideas li').count()).toBe(1);
  });

  it('« Non, elles sont différentes » hides the pair, after a reload too, kept by the server', async () => {
    await page
      .getByRole('button', {
        name: 'Non, elles sont différentes\u00a0: «\u00a0Plaisir !\u00a0» et «\u00a0Du plaisir\u00a0»',
      })
      .click();
    await page.locator('.similar-ideas').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.locator('.merge-notice').textContent()).toContain(
      'restent séparées\u00a0: cette paire ne sera plus proposée.',
    );
    // Gone from the other facilitator's page too, live, with both ideas still in its list.
    await other.locator('.similar-ideas').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await other.locator('.compilation-item').count()).toBe(ITEMS - 1);
    await page.reload();
    await page.locator('.compilation-item').first().waitFor({ timeout: 10_000 });
    // Both ideas are still in the list, apart, and no suggestion is left.
    expect(await page.locator('.compilation-item').count()).toBe(ITEMS - 1);
    expect(await page.locator('.similar-ideas').count()).toBe(0);
    const stored = await fetch(compilationUrl(), {
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
    });
    expect(((await stored.json()) as { distinct: string[] }).distinct).toEqual([
      [ideaKey('Du plaisir'), ideaKey('Plaisir !')].sort().join('|'),
    ]);
  });
});
