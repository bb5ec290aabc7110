// A participant handed a new link (the plenary's) while the wifi is down: the page cannot know
// that board yet. It said « Erreur : Failed to fetch » — a browser's words, in English — and
// stayed so after the wifi came back. It must say, in plain French, that the board will open
// when the network returns, and then open by itself.
import { describe, expect, it } from 'vitest';
import { boardSuite, createForum, newPhone, openBoard } from './fixtures';

describe('a link never opened on this device, offline', () => {
  const suite = boardSuite({ territory: null });

  it('waits calmly for the network, then opens the board by itself', async () => {
    const forum = await createForum(suite.server, { territories: ['Kamouraska'] });
    const territory = forum.boards.find((b) => b.kind === 'territory')!;
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const { context, page } = await newPhone(suite.browser, 'Ginette');
    await openBoard(page, territory.edit.url);
    // The app shell is on the device, so the new link's page itself can open offline.
    await page
      .locator('html[data-offline-ready="true"]')
      .waitFor({ state: 'attached', timeout: 15_000 });

    await context.setOffline(true);
    await page.goto(plenary.edit.url);
    const waiting = page.locator('[data-testid="board-waiting"]');
    await waiting.waitFor({ timeout: 15_000 });
    await expect(waiting.textContent()).resolves.toMatch(
      /^Hors ligne\u00a0: ce tableau n’a pas encore été ouvert sur cet appareil\. Il s’ouvrira dès le retour du réseau\.$/u,
    );

    await context.setOffline(false);
    await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 15_000,
    });
    expect(await page.evaluate(() => document.title)).toContain('Plénière');
    await context.close();
  });
});
