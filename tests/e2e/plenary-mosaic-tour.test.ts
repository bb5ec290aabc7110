// The plenary board's own « Mosaïque » on the whole screen (« Plein écran », the laptop plugged
// into the TV across the room, no projector tab) tours the territories as the projector does
// (ProjectorTour): T shows each territory large in turn with a countdown under it, the next one
// when it runs out, P pauses, + and − change the time, the arrows move by hand, Escape goes back
// to the tiles and ends it. The tour takes T, P, + and − before the editor behind, whose text
// tool, pen and zoom they are; off the whole screen they stay the editor's. The page's clock is
// driven by the test.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newParticipant } from '../support/browser';
import { createForum, openBoard, serverAndBrowser } from './fixtures';
import { SHOTS } from '../support/server';

const suite = serverAndBrowser();

describe('the tour on the plenary board’s full-screen mosaic', () => {
  it('T, the countdown, the next territory, P, +, the arrows and Escape', async () => {
    const { server, browser } = suite;
    const forum = await createForum(server, {
      territories: ['Kamouraska', 'La Mitis', 'Témiscouata'],
    });
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const { page, context } = await newParticipant(browser, 'Marie-Anne', {
      viewport: { width: 1280, height: 720 },
    });
    try {
      await page.clock.install();
      await openBoard(page, `${server.url}/b/${plenary.id}#token=${forum.facilitator.token}`);
      await page.getByRole('button', { name: 'Mosaïque' }).click();
      const mosaic = page.locator('section.mosaic');
      await mosaic.locator('li.mosaic-tile').nth(2).waitFor({ timeout: 15_000 });
      const ids = await mosaic
        .locator('li.mosaic-tile')
        .evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-board-id')));
      const tool = () => page.evaluate(() => window.__carton!.tool());
      const countdown = mosaic.locator('.mosaic-foot .projector-tour');

      // Not on the whole screen: T is the editor's text tool, no tour.
      expect(await tool()).toBe('select');
      await page.keyboard.press('t');
      await expect.poll(tool).toBe('text');
      expect(await mosaic.getAttribute('data-focused')).toBeNull();
      await page.keyboard.press('v');
      await expect.poll(tool).toBe('select');

      await mosaic.getByRole('button', { name: 'Plein écran' }).click();
      await page.locator('section.mosaic[data-full]').waitFor();
      await page.clock.pauseAt(Date.now() + 1_000);
      await page.keyboard.press('t');
      await page.locator(`section.mosaic[data-focused="${ids[0]}"]`).waitFor();
      await countdown.filter({ hasText: 'Territoire suivant dans 30\u00a0s' }).waitFor();
      await page.screenshot({ path: join(SHOTS, 'mosaic-tour.png') });

      // Its time up: the next territory, its whole time.
      await page.clock.runFor(30_500);
      await page.locator(`section.mosaic[data-focused="${ids[1]}"]`).waitFor();
      await countdown.filter({ hasText: 'dans 30\u00a0s' }).waitFor();

      // P pauses, + gives more time; the editor hears neither (pen, zoom).
      await page.keyboard.press('p');
      await page.locator('.mosaic-foot .projector-tour[data-phase="paused"]').waitFor();
      await page.keyboard.press('+');
      await countdown.and(page.locator('[data-dwell="45"]')).waitFor();
      expect(await tool()).toBe('select');
      // Paused, the time goes by and the territory stays.
      await page.clock.runFor(60_000);
      expect(await mosaic.getAttribute('data-focused')).toBe(ids[1]);
      // By hand: the next one, still paused, its whole time.
      await page.keyboard.press('ArrowRight');
      await page.locator(`section.mosaic[data-focused="${ids[2]}"]`).waitFor();
      await countdown.filter({ hasText: 'Visite en pause' }).waitFor();

      // Escape: back to the tiles, the tour ended; T again starts from the first territory.
      await page.keyboard.press('Escape');
      await page.locator('section.mosaic:not([data-focused])').waitFor();
      expect(await countdown.count()).toBe(0);
      expect(await page.locator('section.mosaic[data-full]').count()).toBe(1);
      await page.keyboard.press('t');
      await page.locator(`section.mosaic[data-focused="${ids[0]}"]`).waitFor();
      await countdown.filter({ hasText: 'dans 45\u00a0s' }).waitFor();
      // T stops it: the territory stays up, the keys' line is back.
      await page.keyboard.press('t');
      await mosaic.locator('.mosaic-keys').filter({ hasText: 'T\u00a0: visite' }).waitFor();
      expect(await countdown.count()).toBe(0);
      expect(await mosaic.getAttribute('data-focused')).toBe(ids[0]);
      expect(await tool()).toBe('select');
    } finally {
      await context.close();
    }
  });
});
