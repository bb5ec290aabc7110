// A view link shows the board read-only: no tools, and nothing typed or dragged there changes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import {
  createTerritoryBoard,
  openBoard,
  shapes,
  toScreen,
  waitForShapes,
  type BoardLinks,
} from './fixtures';

describe('view link', () => {
  let server: CartonServer;
  let browser: Browser;
  let board: BoardLinks;
  let editor: Participant;
  let viewer: Participant;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    board = await createTerritoryBoard(server, 'Kamouraska');
    editor = await newParticipant(browser, 'Émilie');
    viewer = await newParticipant(browser, 'Invité');
    await openBoard(editor.page, board.edit.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('shows the board without tools and ignores typing and dragging', async () => {
    await editor.page.bringToFront();
    await editor.page.keyboard.press('n');
    await editor.page.mouse.click(400, 300);
    await waitForShapes(editor.page, '(s) => s.length === 1');

    await openBoard(viewer.page, board.view.url);
    expect(await viewer.page.evaluate(() => window.__carton!.role())).toBe('view');
    const seen = await waitForShapes(viewer.page, '(s) => s.length === 1');
    expect(seen[0]?.type).toBe('note');
    expect(await viewer.page.locator('.toolbar').count()).toBe(0);
    expect(await viewer.page.getByText('Lecture seule').count()).toBe(1);
    const before = JSON.stringify(await shapes(editor.page));

    // Everything an editor would do: shortcuts, a click to place, a drag, typing, delete, undo.
    await viewer.page.bringToFront();
    const note = seen[0]!;
    const centre = await toScreen(viewer.page, note.x + 100, note.y + 100);
    await viewer.page.keyboard.press('n');
    await viewer.page.mouse.click(700, 500);
    await viewer.page.mouse.dblclick(centre.x, centre.y);
    await viewer.page.keyboard.type('Vandalisme');
    await viewer.page.mouse.move(centre.x, centre.y);
    await viewer.page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await viewer.page.mouse.move(centre.x + i * 20, centre.y + i * 10);
    await viewer.page.mouse.up();
    await viewer.page.keyboard.press('Delete');
    await viewer.page.keyboard.press('Control+z');
    await viewer.page.keyboard.press('Control+d');
    expect(await viewer.page.locator('textarea').count()).toBe(0);

    // A barrier: a later edit reaches the viewer, so anything the viewer sent earlier has been
    // through the server by now.
    await editor.page.bringToFront();
    await editor.page.keyboard.press('n');
    await editor.page.mouse.click(900, 300);
    await waitForShapes(viewer.page, '(s) => s.length === 2');
    const after = await shapes(editor.page);
    expect(JSON.stringify(after.filter((s) => s.id === note.id))).toBe(
      JSON.stringify(JSON.parse(before)),
    );
    expect(after).toHaveLength(2);
    expect((await shapes(viewer.page)).find((s) => s.id === note.id)).toEqual(note);
  });
});
