// Switching language mid-session keeps the board session: the view stays where it was and the
// participant's undo history still undoes what they did before the switch.
import { describe, expect, it } from 'vitest';
import { boardSuite, waitForShapes } from './fixtures';

describe('switching language', () => {
  const suite = boardSuite({ territory: 'Les Basques', participants: { a: 'Émilie' } });

  it('keeps the zoom and the undo history', async () => {
    const { page } = suite.a;
    await page.keyboard.press('Control+Equal');
    await page.waitForFunction(() => window.__carton!.camera().zoom > 1.2);
    await page.keyboard.press('n');
    await page.mouse.click(500, 400);
    await waitForShapes(page, '(s) => s.filter((x) => x.type === "note").length === 1');
    await page.waitForFunction(() => window.__carton!.canUndo());
    const before = await page.evaluate(() => window.__carton!.camera());
    expect(before.zoom).toBeCloseTo(1.25, 5);

    await page.getByRole('button', { name: 'English, EN', exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    // The board is drawn again in English (its session kept, not rebuilt).
    await page.waitForFunction(() => window.__carton?.status() === 'connected');
    await page.getByRole('button', { name: 'Français, FR', exact: true }).waitFor();

    expect(await page.evaluate(() => window.__carton!.camera())).toEqual(before);
    expect(await page.evaluate(() => window.__carton!.canUndo())).toBe(true);
    await page.keyboard.press('Control+z');
    await waitForShapes(page, '(s) => s.length === 0');
  });
});
