// What comes while a person reading the screen enlarged is scrolled away from where it shows:
// - a notice of the board page (the link changed, …) at the top of a page taller than the window
//   (data-tall: 400 % on a 1280 × 1024 screen, a phone at 200 %), the person scrolled down to the
//   tools: said to screen readers (role alert), never seen;
// - the versions panel's refusal at its top, the facilitator scrolled down a long list to the
//   version restored.
// Each is now scrolled to as it comes, the focus left where it was. Reduced motion makes the
// scroll instant, so it is read as soon as the notice is in the page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { keptVersions } from './board-versions';
import { enlargedPage } from './enlarged-pages';
import { createForum, forumRequest, openBoard, serverAndBrowser } from './fixtures';

/** Two frames: what follows an arrival (the page's stacks, a scroll) has happened. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

/** The window into CARTON_SHOTS as `file`, when a screenshot directory is given. */
async function shotIfAsked(page: Page, file: string): Promise<void> {
  if (!process.env.CARTON_SHOTS) return;
  await page.screenshot({ path: `${process.env.CARTON_SHOTS}/${file.replace(/\W+/g, '-')}.png` });
}

const SIZES = [
  { name: '1280 × 1024 at 400 %', viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 },
  {
    name: 'phone at 200 %',
    viewport: { width: 195, height: 422 },
    deviceScaleFactor: 6,
    isMobile: true,
    hasTouch: true,
  },
] as const;

describe('what comes while the page is scrolled away from it, text enlarged', () => {
  const suite = serverAndBrowser();

  it('a notice of the board page is scrolled to as it comes, the focus kept on the tool', async () => {
    const found: Record<string, unknown> = {};
    for (const { name, ...size } of SIZES) {
      const created = await createForum(suite.server, { territories: ['Kamouraska'] });
      const board = created.boards.find((b) => b.kind === 'territory')!;
      const page = await enlargedPage(suite.browser, size);
      await openBoard(page, board.edit.url);
      await page.locator('.editor[data-tall]').waitFor();
      // Down at the tools, « Papillon » chosen by the keyboard.
      const tool = page.getByRole('button', { name: /Papillon/ });
      await tool.focus();
      await tool.evaluate((el) => el.setAttribute('data-focused-before', ''));
      await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight }));
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
      // The facilitator gives the territory a new link: this page is told so (4403).
      const rotated = await forumRequest(
        suite.server,
        created,
        `/boards/${board.id}/links/edit/rotate`,
      );
      expect(rotated.status).toBe(200);
      const notice = page.locator('body > .limit-banner[data-code="4403"]');
      await notice.waitFor();
      await settled(page);
      const seen = await notice.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return {
          // Its top and title in the window (it may be taller than the window at 400 %).
          start: r.top >= 0 && r.top < innerHeight - 20,
          focusKept: document.activeElement?.hasAttribute('data-focused-before') ?? false,
        };
      });
      if (!seen.start || !seen.focusKept) found[name] = seen;
      await shotIfAsked(page, `notice ${name}`);
      await page.context().close();
    }
    expect(found).toEqual({});
  });

  it('a notice that comes during a drag waits for the release to scroll the page', async () => {
    // Scrolled under a note being carried, the canvas moved under the still pointer and the
    // note was dropped a scroll's height away from where it was carried.
    const created = await createForum(suite.server, { territories: ['Rimouski'] });
    const board = created.boards.find((b) => b.kind === 'territory')!;
    const { name: _name, ...size } = SIZES[0];
    const page = await enlargedPage(suite.browser, size);
    await openBoard(page, board.edit.url);
    await page.locator('.editor[data-tall]').waitFor();
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight }));
    const bottom = await page.evaluate(() => scrollY);
    expect(bottom).toBeGreaterThan(0);
    // A press on the canvas where it shows, and a drag begun.
    const at = await page.locator('.canvas').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: Math.max(r.top, 0) + 10 };
    });
    expect(at.y).toBeLessThan(256);
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 10, at.y + 5, { steps: 3 });
    const rotated = await forumRequest(
      suite.server,
      created,
      `/boards/${board.id}/links/edit/rotate`,
    );
    expect(rotated.status).toBe(200);
    const notice = page.locator('body > .limit-banner[data-code="4403"]');
    await notice.waitFor();
    await settled(page);
    // Still where the person is dragging.
    expect(await page.evaluate(() => scrollY)).toBe(bottom);
    await page.mouse.up();
    // Released: scrolled to the notice.
    await page.waitForFunction(() => {
      const el = document.querySelector('body > .limit-banner');
      return (
        el !== null &&
        el.getBoundingClientRect().top >= 0 &&
        el.getBoundingClientRect().top < innerHeight - 20
      );
    });
    await page.context().close();
  }, 60_000);

  it('the versions panel’s refusal shows at its top, the list scrolled down to the version restored', async () => {
    const created = await createForum(suite.server, { territories: ['Témiscouata'] });
    const board = created.boards.find((b) => b.kind === 'territory')!;
    const { restore, oldestAuto } = await keptVersions(suite.server, created, board);
    // Each restore keeps the board as it was as an automatic version: a long list.
    await restore(12);
    const oldest = await oldestAuto();

    // A 1366 × 768 laptop at 300 %.
    const page = await enlargedPage(
      suite.browser,
      { viewport: { width: 455, height: 256 }, deviceScaleFactor: 3 },
      'Marie-Anne',
    );
    await openBoard(page, `${suite.server.url}/b/${board.id}#token=${created.facilitator.token}`);
    await page.getByRole('button', { name: 'Versions' }).click();
    const panel = page.locator('[data-testid="history-panel"]');
    const row = panel.locator(`[data-testid="history-item"][data-version="${oldest.id}"]`);
    await row.scrollIntoViewIfNeeded();
    expect(await panel.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    // Meanwhile 50 more restores: the board keeps 50 automatic versions, the oldest is gone.
    await restore(50);
    await row.getByRole('button', { name: 'Restaurer' }).click();
    await page.getByRole('button', { name: 'Oui, restaurer' }).click();
    const problem = panel.locator('.history-problem[role="alert"]');
    await problem.waitFor();
    await settled(page);
    const shown = await problem.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const box = el.closest('.history-panel')!.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      // In the panel's scrolled view, and under nothing (the forum kit lay over the panel).
      return r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 && hit === el;
    });
    await shotIfAsked(page, 'versions refused');
    // It lay above the panel's scrolled view, and the panel under the forum kit.
    expect(shown).toBe(true);
    await page.context().close();
  }, 60_000);
});
