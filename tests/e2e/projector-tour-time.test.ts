// The territories' tour on the projector (T) gives each territory 30 s by default: a room that
// reads slowly, or a short plenary, wants more or less. While touring, + and − step the time per
// territory (10 s to 2 min), the carton shown getting the new time whole; it shows a moment in
// the countdown, and the projector keeps it on the device: reloaded, the next tour takes it.
import { beforeAll, describe, expect, it } from 'vitest';
import { createForum, onProjector, serverAndBrowser, type CreatedForum } from './fixtures';

const suite = serverAndBrowser();

describe('the projector’s tour, its time per territory', () => {
  let forum: CreatedForum;

  beforeAll(async () => {
    forum = await createForum(suite.server, { territories: ['Kamouraska', 'La Mitis'] });
  });

  it('+ and − change it while touring, shown a moment, and it stays across a reload', async () => {
    await onProjector(suite.browser, suite.server, forum, { clock: true }, async (page) => {
      const footer = page.locator('main.projector .projector-footer');
      // The footer says the keys, the tour's time among them.
      await footer
        .filter({ hasText: 'T\u00a0: visite des territoires (+\u00a0−\u00a0: sa durée)' })
        .waitFor({ timeout: 15_000 });
      // Time stands still from here: what shows a moment is read before it goes.
      await page.clock.pauseAt(Date.now() + 1_000);
      const countdown = page.locator('.projector-tour');

      await page.keyboard.press('t');
      await countdown.filter({ hasText: 'Territoire suivant dans 30\u00a0s' }).waitFor();
      await countdown.filter({ hasText: '+\u00a0−\u00a0: durée' }).waitFor();

      await page.keyboard.press('+');
      await countdown
        .filter({ hasText: 'Territoire suivant dans 45\u00a0s' })
        .waitFor({ timeout: 5_000 });
      await page.getByRole('status').filter({ hasText: '45\u00a0s par territoire' }).waitFor();
      await page.keyboard.press('+');
      await countdown.filter({ hasText: 'dans 60\u00a0s' }).waitFor();
      await page.keyboard.press('-');
      await countdown.filter({ hasText: 'dans 45\u00a0s' }).waitFor();
      expect(await countdown.getAttribute('data-dwell')).toBe('45');
      // The moment passed, the keys come back.
      await page.clock.runFor(3_000);
      await countdown.filter({ hasText: 'P\u00a0: pause' }).waitFor();
      expect(await page.locator('.projector-tour-dwell').count()).toBe(0);

      // The projector reloaded (a cable pulled, the laptop woken): the next tour takes 45 s.
      await page.clock.resume();
      await page.reload();
      await footer.waitFor({ timeout: 15_000 });
      await page.keyboard.press('t');
      await countdown.waitFor();
      expect(await countdown.getAttribute('data-dwell')).toBe('45');
      await countdown.filter({ hasText: /Territoire suivant dans (45|44)\u00a0s/ }).waitFor();
    });
  });
});
