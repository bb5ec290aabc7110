// Every page has Carton's own icon (served by Carton, allowed by its CSP): no 404 in the console.
import { describe, expect, it } from 'vitest';
import { newParticipant } from '../support/browser';
import { boardSuite, createTerritoryBoard, openBoard } from './fixtures';

describe('favicon', () => {
  const suite = boardSuite({ territory: null });

  it('a board page loads its icon from Carton with no 404 and no CSP complaint', async () => {
    const board = await createTerritoryBoard(suite.server, 'La Matanie');
    const { page, errors } = await newParticipant(suite.browser, 'Émilie');
    const missing: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
    });
    const icon = page.waitForResponse((r) => new URL(r.url()).pathname === '/favicon.svg', {
      timeout: 10_000,
    });
    await openBoard(page, board.edit.url);
    const response = await icon;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/svg+xml');
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
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
});
