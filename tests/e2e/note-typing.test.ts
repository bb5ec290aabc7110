// A newcomer places a note and starts typing: the words go into the note (its « Écrivez ici… »
// invites them), in one undo step, instead of each letter switching tools. A bare tool letter on
// an empty note still picks its tool, as the toolbar's tooltips teach.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createTerritoryBoard, openBoard, shapes, waitForShapes } from './fixtures';

describe('typing right after placing a note', () => {
  let server: CartonServer;
  let browser: Browser;
  let a: Participant;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const board = await createTerritoryBoard(server, 'Rimouski-Neigette');
    a = await newParticipant(browser, 'Émilie');
    await openBoard(a.page, board.edit.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('writes the typed words into the new note, as one undo step', async () => {
    const page = a.page;
    await page.keyboard.press('n');
    await page.mouse.click(400, 300);
    await waitForShapes(page, '(s) => s.some((x) => x.type === "note")');
    const text = 'Logement abordable : « incontournable » !';
    await page.keyboard.type(text);
    await page.keyboard.press('Escape');
    const [note] = await waitForShapes(
      page,
      '(s) => s.some((x) => x.type === "note" && x.text.length > 10)',
    );
    expect(note?.type === 'note' && note.text).toBe(text);
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('select');

    await page.keyboard.press('Control+z');
    const after = await waitForShapes(page, '(s) => s.some((x) => x.type === "note" && !x.text)');
    expect(after).toHaveLength(1);
  });

  it('a bare tool letter on an empty note still picks that tool', async () => {
    const page = a.page;
    expect(await page.evaluate(() => window.__carton!.selection())).toHaveLength(1);
    await page.keyboard.press('p');
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('pen');
    const [note] = await shapes(page);
    expect(note?.type === 'note' && note.text).toBe('');
  });
});
