// The smallest phone participants bring: 320 × 568 (iPhone SE, first generation). On a territory
// board with a dot vote open, the toolbar keeps two rows of finger targets (≥ 40 px) and what
// stands above its two rows (the vote's banner, the selection's panel, the first visit's hint)
// covers none of its tools; nothing runs off the screen sideways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, newPhone, openBoard, shapes, territoryBoard, toScreen } from './fixtures';
import { boxes, offScreen, overlapsBetween, rowsOf } from './layout-boxes';

const SIZE = { width: 320, height: 568 };

describe('a 320 × 568 phone', () => {
  let server: CartonServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('keeps the toolbar in two rows of finger targets, clear of the vote’s banner; « Exporter » too', async () => {
    const forum = await createForum(server, { territories: ['Témiscouata'] });
    const board = territoryBoard(forum);
    const opened = await fetch(`${server.url}/api/forums/${forum.forum.id}/votes`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${forum.facilitator.token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        title: 'Les incontournables de l’Alliance au Témiscouata',
        boardIds: [board.id],
        dotsPerParticipant: 3,
      }),
    });
    expect(opened.status).toBe(201);
    const { context, page } = await newPhone(browser, 'Maëlle');
    try {
      await page.setViewportSize(SIZE);
      await openBoard(page, board.edit.url);
      await page.locator('.vote-banner').waitFor();
      const tools = await boxes(page, '.toolbar button');
      expect(tools.length).toBeGreaterThan(10);
      expect(rowsOf(tools)).toBe(2);
      for (const tool of tools) {
        expect(tool.right - tool.left, tool.name).toBeGreaterThanOrEqual(40);
        expect(tool.bottom - tool.top, tool.name).toBeGreaterThanOrEqual(40);
      }
      // The banner has just come: its place in the stack follows at its next resize callback.
      await expect
        .poll(async () => overlapsBetween(await boxes(page, '.vote-banner'), tools))
        .toEqual([]);
      // The question reads whole without « ? » (it was cut to « Nos incont… »).
      const question = await page
        .locator('.vote-banner strong')
        .evaluate((el) => ({ cut: el.scrollWidth > el.clientWidth + 1, width: el.clientWidth }));
      expect(question.cut).toBe(false);
      expect(question.width).toBeGreaterThan(200);
      const header = await boxes(page, '.editor-header button, .people, .help-button');
      expect(offScreen([...tools, ...header], SIZE.width, SIZE.height)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(SIZE.width);
      // A chosen note, out of vote mode: its panel wraps ~330 px tall, up to the header, where the
      // people's pill and « ? » sat over « Derrière » and a colour. They give way while it shows.
      await page.getByRole('button', { name: 'Terminer le vote' }).tap();
      const note = (await shapes(page)).find((s) => s.type === 'note');
      if (!note) throw new Error('the template carton has notes');
      const at = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
      await page.touchscreen.tap(at.x, at.y);
      await page.locator('.style-panel .action').first().waitFor();
      const actions = await boxes(page, '.style-panel button');
      expect(actions.length).toBeGreaterThan(8);
      // The panel has just come: the stack takes its height at its next resize callback.
      const around = '.people, .help-button, .toolbar, .vote-banner';
      await expect
        .poll(async () =>
          overlapsBetween(await boxes(page, '.style-panel button'), await boxes(page, around)),
        )
        .toEqual([]);
      await page.touchscreen.tap(at.x, at.y - note.h);
      // « Exporter »: its choices and lists are finger targets too (its lists were 19 px tall).
      await page.getByRole('button', { name: /^Exporter/ }).click();
      await page.locator('.export-dialog select').first().waitFor();
      const choices = await boxes(page, '.export-dialog select, .export-formats label');
      expect(choices.length).toBeGreaterThan(4);
      for (const choice of choices)
        expect(choice.bottom - choice.top, choice.name).toBeGreaterThanOrEqual(40);
      expect(offScreen(await boxes(page, '.export-dialog'), SIZE.width)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
