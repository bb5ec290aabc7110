// « Contenu » on a long board: 400 of the forum's « incontournables » written by another
// participant. The list is drawn a page at a time (apps/web/src/outline/window.ts): at first only
// its first lines, more as its end is scrolled into sight; Shift+Enter to the last of 400 matches
// draws that far and shows the line, and the view goes to its note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { localOrigin } from '@carton/board';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createTerritoryBoard, openBoard, waitForShapes, type BoardLinks } from './fixtures';
import { connectSeedClient } from './seed';

const NOTES = 400;
const items = (page: Page) => page.locator('.outline-panel .outline-item');

describe('« Contenu » on a board of 400 notes', () => {
  let server: CartonServer;
  let browser: Browser;
  let board: BoardLinks;
  let editor: Participant;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    board = await createTerritoryBoard(server, 'Rimouski-Neigette');
    const { board: model, close } = await connectSeedClient(
      server.syncUrl,
      board.id,
      board.edit.token,
    );
    model.run((tx) => {
      for (let i = 0; i < NOTES; i++) {
        tx.create('note', {
          x: (i % 20) * 240,
          y: Math.floor(i / 20) * 240,
          text: `Incontournable nº ${i + 1}\u00a0: participation citoyenne`,
        });
      }
    }, localOrigin('user:seed'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    close();
    editor = await newParticipant(browser, 'Émilie');
    await openBoard(editor.page, board.edit.url);
    await waitForShapes(editor.page, `(s) => s.length === ${NOTES}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('draws a page of lines, and more as the end of the list comes into sight', async () => {
    const { page } = editor;
    await page.locator('.canvas').focus();
    await page.keyboard.press('Control+f');
    await page.locator('.outline-panel').waitFor();
    const first = await items(page).count();
    expect(first).toBeGreaterThan(50);
    expect(first).toBeLessThan(NOTES);
    const more = page.locator('.outline-more-button');
    expect(await more.textContent()).toMatch(/^Afficher la suite \(encore \d+ lignes\)$/u);
    await page.locator('.outline-list').evaluate((list) => (list.scrollTop = list.scrollHeight));
    await expect.poll(() => items(page).count()).toBeGreaterThan(first);
    // « Afficher la suite » draws the rest, a page at a time. Pressed from the page: a locator's
    // click scrolls the button into sight, which can draw the last page and remove the button
    // while the click waits for it.
    const pressMore = () =>
      page.evaluate(() =>
        document.querySelector<HTMLButtonElement>('.outline-more-button')?.click(),
      );
    for (let n = 0; n < 5 && (await more.count()) > 0; n++) await pressMore();
    await expect.poll(() => items(page).count()).toBe(NOTES);
    expect(await more.count()).toBe(0);
  });

  it('Shift+Enter to the last of 400 matches draws its line, shows it and goes to its note', async () => {
    const { page } = editor;
    const field = page.getByRole('searchbox', { name: 'Rechercher dans le tableau' });
    await field.fill('incontournable');
    await expect.poll(() => page.locator('.outline-count').textContent()).toBe('400 résultats');
    expect(await items(page).count()).toBeLessThan(NOTES);
    await page.keyboard.press('Shift+Enter');
    const current = page.locator('.outline-item[aria-current="true"]');
    await expect.poll(() => current.getAttribute('aria-label')).toMatch(/nº 400 /u);
    const [line, list] = await Promise.all([
      current.boundingBox(),
      page.locator('.outline-list').boundingBox(),
    ]);
    expect(line!.y).toBeGreaterThanOrEqual(list!.y - 1);
    expect(line!.y + line!.height).toBeLessThanOrEqual(list!.y + list!.height + 1);
    const chosen = await page.evaluate(() => window.__carton!.selection());
    const shapes = await page.evaluate(() => window.__carton!.shapes());
    expect(shapes.find((s) => s.id === chosen[0])).toMatchObject({
      text: 'Incontournable nº 400\u00a0: participation citoyenne',
    });
  });
});
