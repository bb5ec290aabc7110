// Following someone from a phone: the list of names says « Suivre » (a finger has no hover to
// show the tooltip), and once following, the folded list no longer hides why the view moves by
// itself: « Vous suivez Jocelyn » and « Arrêter de suivre » stay whole, on screen, under a finger.
import { describe, expect, it } from 'vitest';
import { boardSuite } from './fixtures';

type Box = { x: number; y: number; width: number; height: number };

describe('following someone from a phone', () => {
  const suite = boardSuite({
    territory: 'Les Basques',
    participants: {
      laptop: 'Jocelyn',
      phone: {
        name: 'Mélanie',
        viewport: { width: 360, height: 640 },
        hasTouch: true,
        isMobile: true,
      },
    },
  });

  it('says how to follow, then how to stop, in sight', async () => {
    const { page } = suite.phone;
    await page.locator('.people-toggle').tap();
    const jocelyn = page.locator('.person', { hasText: 'Jocelyn' });
    await jocelyn.waitFor();
    await expect(jocelyn.innerText()).resolves.toMatch(/Jocelyn\s+Suivre/u);
    await jocelyn.tap();
    await page.waitForFunction(() => window.__carton!.following() === 'Jocelyn');
    await expect(jocelyn.innerText()).resolves.toMatch(/Jocelyn\s+Arrêter/u);

    // Folded again (a tap outside the list), as a phone leaves it to see the board.
    await page.locator('.editor-header .board-title').tap();
    await page.waitForFunction(
      () => document.querySelector('.people-toggle')?.getAttribute('aria-expanded') === 'false',
    );
    const notice = page.locator('.following');
    await expect(notice.innerText()).resolves.toContain('Vous suivez Jocelyn');
    const whole = await notice.evaluate((el) => ({
      box: el.getBoundingClientRect().toJSON() as Box,
      clipped: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
      // What a finger there reaches: the notice, not the pill or a panel above it.
      onTop: (() => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.x + 8, r.y + r.height / 2));
      })(),
    }));
    expect(whole.clipped).toBe(false);
    expect(whole.onTop).toBe(true);
    expect(whole.box.x).toBeGreaterThanOrEqual(0);
    expect(whole.box.x + whole.box.width).toBeLessThanOrEqual(360);
    const pill = (await page
      .locator('.people')
      .evaluate((el) => el.getBoundingClientRect().toJSON())) as Box;
    expect(whole.box.x + whole.box.width).toBeLessThanOrEqual(pill.x);

    const stop = page.getByRole('button', { name: 'Arrêter de suivre', exact: true });
    const stopBox = (await stop.boundingBox())!;
    expect(stopBox.height).toBeGreaterThanOrEqual(44);
    expect(stopBox.x + stopBox.width).toBeLessThanOrEqual(360);
    await stop.tap();
    await page.waitForFunction(() => window.__carton!.following() === null);
    expect(await notice.count()).toBe(0);
  });
});
