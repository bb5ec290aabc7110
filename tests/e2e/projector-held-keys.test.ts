// The projector's keys held down. A presenter's key pressed firmly, or a wireless keyboard that
// lags, repeats it: T started the territories' tour on its first event and stopped it on the
// repeat, so the room saw the countdown flash and nothing happen; P paused and resumed it the
// same way. A repeat does nothing: T starts the tour once, P pauses it once.
import { beforeAll, describe, expect, it } from 'vitest';
import { createForum, onProjector, serverAndBrowser, type CreatedForum } from './fixtures';

const suite = serverAndBrowser();

describe('the projector’s keys held down', () => {
  let forum: CreatedForum;

  beforeAll(async () => {
    forum = await createForum(suite.server, { territories: ['Kamouraska', 'La Mitis'] });
  });

  it('T held starts the tour, P held pauses it', async () => {
    await onProjector(suite.browser, suite.server, forum, { clock: true }, async (page) => {
      await page
        .locator('main.projector .projector-footer', { hasText: 'T\u00a0: visite' })
        .waitFor({ timeout: 15_000 });
      const countdown = page.locator('.projector-tour');

      // T held: its first event and a repeat (Playwright sends a second keydown as a repeat).
      await page.keyboard.down('t');
      await page.keyboard.down('t');
      await page.keyboard.up('t');
      // One P: the tour it pauses is there, or nothing happens.
      await page.keyboard.press('p');
      await countdown.filter({ hasText: 'Visite en pause' }).waitFor({ timeout: 5_000 });

      // P held: paused once, not paused and resumed.
      await page.keyboard.press('p');
      await countdown.filter({ hasText: 'Territoire suivant dans 30\u00a0s' }).waitFor();
      await page.keyboard.down('p');
      await page.keyboard.down('p');
      await page.keyboard.up('p');
      const phase = await countdown.getAttribute('data-phase');
      expect(phase).toBe('paused');
    });
  });

  it('Escape held leaves the full screen and stays on the projection; F held stays in it', async () => {
    await onProjector(suite.browser, suite.server, forum, {}, async (page, plenary) => {
      await page.locator('main.projector .projector-footer').waitFor({ timeout: 15_000 });
      const boardPages: string[] = [];
      page.on('request', (r) => {
        if (r.isNavigationRequest() && new URL(r.url()).pathname.startsWith('/b/'))
          boardPages.push(r.url());
      });
      /** What the page does with a key is done: a later request of its own, then a frame. */
      const settled = () =>
        page.evaluate(async () => {
          await fetch('/healthz').catch(() => undefined);
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        });

      // F held: in full screen, not in and out again.
      await page.keyboard.down('f');
      await page.waitForFunction(() => document.fullscreenElement !== null);
      await page.keyboard.down('f');
      await page.keyboard.up('f');
      await settled();
      expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);

      // Escape held: out of the full screen, and its repeats do not close the projection.
      await page.keyboard.down('Escape');
      await page.waitForFunction(() => document.fullscreenElement === null);
      await page.keyboard.down('Escape');
      await page.keyboard.down('Escape');
      await page.keyboard.up('Escape');
      await settled();
      expect(boardPages).toEqual([]);
      expect(new URL(page.url()).pathname).toBe(`/p/${plenary.id}`);
      // A new press leaves the projection, as before.
      await page.keyboard.press('Escape');
      await page.waitForURL((url) => url.pathname === `/b/${plenary.id}`);
    });
  });
});
