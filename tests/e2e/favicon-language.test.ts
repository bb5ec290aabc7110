// Émilie's laptop on a blank board, loaded once for both cases.
//
// Every page has Carton's own icon (served by Carton, allowed by its CSP): no 404 in the console.
//
// Switching language mid-session keeps the board session: the view stays where it was and the
// participant's undo history still undoes what they did before the switch.
import { describe, expect, it } from 'vitest';
import { boardSuite, openBoard, waitForShapes } from './fixtures';

describe('a board page on a laptop', () => {
  // Opened by the first case, which listens to its load.
  const suite = boardSuite({
    territory: 'Les Basques',
    participants: { a: { name: 'Émilie', opens: false } },
  });

  it('loads its icon from Carton with no 404 and no CSP complaint', async () => {
    const { page, errors } = suite.a;
    const missing: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
    });
    await openBoard(page, suite.board.edit.url);
    // The icon a browser's tab shows: the page names it, and it is served. (The tests' headless
    // shell has no tab, so it never asks for an icon on its own.)
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
    const response = await page.evaluate(async () => {
      const answer = await fetch('/favicon.svg');
      return { status: answer.status, type: answer.headers.get('content-type') };
    });
    expect(response.status).toBe(200);
    expect(response.type).toBe('image/svg+xml');
    // The icon is a picture the page may show under its own CSP (img-src 'self').
    const shown = await page.evaluate(async () => {
      const img = new Image();
      img.src = '/favicon.svg';
      await img.decode();
      return img.naturalWidth > 0;
    });
    expect(shown).toBe(true);
    expect(missing).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('switching language keeps the zoom and the undo history', async () => {
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
