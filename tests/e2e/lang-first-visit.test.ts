// An anglophone's phone opens Carton in English on the first visit (it opened in French, the
// language switch hidden among the header's chips); once someone picks a language, that choice
// wins over the browser's, on every page and in every open tab.
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { boardSuite, createForum, territoryBoard, type CreatedForum } from './fixtures';

describe('the language on a first visit', () => {
  const suite = boardSuite({ territory: null });
  // The facilitator's laptop of the first case, its forum page left open beside the board: the
  // projection's case opens the forum's plenary there (a context and a page load less).
  let laptop: { context: BrowserContext; forumPage: Page; forum: CreatedForum } | undefined;

  afterAll(async () => {
    await laptop?.context.close();
  });

  it('follows the browser, then the person’s choice across pages and tabs', async () => {
    const forum = await createForum(suite.server, { territories: ['La Matapédia'] });
    const board = territoryBoard(forum);
    const context = await suite.browser.newContext({
      locale: 'en-CA',
      viewport: { width: 1280, height: 800 },
    });
    await context.addInitScript(() => localStorage.setItem('carton.name', 'Jane'));
    const boardPage = await context.newPage();
    await boardPage.goto(board.edit.url);
    await boardPage.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 15_000,
    });
    expect(await boardPage.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect(boardPage.locator('[data-testid="status"]').textContent()).resolves.toBe(
      'connected',
    );
    // A first visit asks for the typeface and the timer's server time with the page's first
    // code, before the board's code: they went out only after the rest had run (the typeface)
    // or the editor was shown (the time).
    const started = await boardPage.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => ({ path: new URL(entry.name).pathname, at: entry.startTime })),
    );
    const startOf = (pattern: RegExp) => started.find((entry) => pattern.test(entry.path))!.at;
    const boardCode = startOf(/\/BoardPage-[\w-]+\.js$/);
    // (The typeface's latin face: shapes/common/loadFonts.ts.)
    expect(startOf(/atkinson-hyperlegible-latin-400-[\w-]*\.woff2$/)).toBeLessThan(boardCode);
    expect(startOf(/\/api\/time$/)).toBeLessThan(boardCode);

    const forumPage = await context.newPage();
    await forumPage.goto(
      `${suite.server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`,
    );
    await forumPage.getByRole('button', { name: 'Français, FR', exact: true }).waitFor();

    // Switched to French on the board: the facilitator page open beside it follows…
    await boardPage.bringToFront();
    await boardPage.getByRole('button', { name: 'Français, FR', exact: true }).click();
    await forumPage.waitForFunction(() => document.documentElement.lang === 'fr-CA');
    await forumPage.getByRole('button', { name: 'English, EN', exact: true }).waitFor();
    // …and the choice outlives a reload, though the browser still says English.
    await forumPage.reload();
    await forumPage.getByRole('button', { name: 'English, EN', exact: true }).waitFor();
    expect(await forumPage.evaluate(() => document.documentElement.lang)).toBe('fr-CA');
    await boardPage.close();
    laptop = { context, forumPage, forum };
  });

  it('offers the switch on the first screen, where the name is asked', async () => {
    // A francophone whose phone is set to English scans the QR code: the name prompt is in
    // English, and French is one tap away before anything else.
    const forum = await createForum(suite.server, { territories: ['Les Basques'] });
    const context = await suite.browser.newContext({
      locale: 'en-US',
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(territoryBoard(forum).edit.url);
    const prompt = page.getByRole('dialog');
    await prompt.getByRole('heading', { name: 'What should we call you?' }).waitFor();
    await prompt.getByRole('button', { name: 'Français, FR', exact: true }).tap();
    await prompt
      .getByRole('heading', { name: 'Comment voulez-vous qu’on vous appelle ?' })
      .waitFor();
    await context.close();
  });

  it('switches the projection too, on the same slide, when the facilitator switches language', async () => {
    // The projector tab has no language chip: it follows the facilitator page open beside it
    // (the first case's, in French as chosen there).
    if (laptop === undefined) throw new Error('runs after the first case (its laptop)');
    const { context, forumPage, forum } = laptop;
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const projector = await context.newPage();
    await projector.goto(plenary.edit.url.replace('/b/', '/p/'));
    const footer = projector.locator('.projector-footer');
    // Slides are counted as the plenary and the territories arrive: with one slide so far, the
    // arrow has nowhere to go (a loaded machine pressed it at « 1 / 1 » and never saw « 2 / »).
    await projector
      .locator('.projector-footer', { hasText: /^1 \/ (?!1 )\d+ / })
      .waitFor({ timeout: 15_000 });
    await projector.keyboard.press('ArrowRight');
    await projector.locator('.projector-footer', { hasText: /^2 \// }).waitFor();

    expect(await projector.evaluate(() => document.documentElement.lang)).toBe('fr-CA');
    await forumPage.bringToFront();
    await forumPage.getByRole('button', { name: 'English, EN', exact: true }).click();
    await projector.waitForFunction(() => document.documentElement.lang === 'en');
    await projector.locator('.projector-footer', { hasText: 'then leave' }).waitFor();
    expect(await footer.textContent()).toMatch(/^2 \/ \d+ · /);
  });
});
