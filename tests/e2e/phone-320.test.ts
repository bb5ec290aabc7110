// The smallest phone participants bring: 320 × 568 (iPhone SE, first generation). On a territory
// board with a dot vote open, the toolbar keeps two rows of finger targets (≥ 40 px) and what
// stands above its two rows (the vote's banner, the selection's panel, the first visit's hint)
// covers none of its tools; nothing runs off the screen sideways. On a first visit the hint and
// the tools are in the window (not below a page grown tall for them). Far out (its zoom-to-fit draws
// a note ~38 px wide, too narrow to read), a written note shows grey lines where its text is, and
// an empty one none: the two were drawn alike.
import { describe, expect, it } from 'vitest';
import { newParticipant } from '../support/browser';
import {
  addNote,
  createForum,
  newPhone,
  openBoard,
  shapes,
  territoryBoard,
  toScreen,
  serverAndBrowser,
  phoneForVote,
} from './fixtures';
import { boxes, offScreen, overlapsBetween, rowsOf } from './layout-boxes';
import { inkShare } from './canvas-ink';

const SIZE = { width: 320, height: 568 };

const suite = serverAndBrowser();

describe('a 320 × 568 phone', () => {
  it('keeps the toolbar in two rows of finger targets, clear of the vote’s banner; « Exporter » too', async () => {
    const { board, context, page } = await phoneForVote(suite, 'Maëlle');
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
      // A chosen note, out of vote mode: its panel (it wrapped ~330 px tall, up to the header, under
      // the people's pill and « ? ») is one row above the toolbar, clear of both and of the banner.
      await page.getByRole('button', { name: 'Revenir aux outils' }).tap();
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
      // Drawn as the page's other fields and its main action, not the system's grey boxes; and
      // the undo it speaks of is the toolbar's arrow, a phone having no Ctrl+Z.
      const look = await page.evaluate(() => {
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        return {
          list: style('.export-options select').borderTopLeftRadius,
          action: style('.export-go').color,
        };
      });
      expect(look).toEqual({ list: '8px', action: 'rgb(255, 255, 255)' });
      expect(await page.locator('.export-dialog').textContent()).toContain(
        'la flèche «\u00A0Annuler\u00A0»',
      );
    } finally {
      await context.close();
    }
  });

  it('on a first visit, shows the hint and the tools in the window, not below a tall page', async () => {
    const { server, browser } = suite;
    // Hélène scans the Kamouraska table's code: « Première visite ? … » stands above the toolbar.
    // Counted against the board's band (boardBand.ts), it made the page tall: the window held
    // the header and the empty top of the board, the hint and every tool 300–500 px below it.
    const forum = await createForum(server, { territories: ['Kamouraska'], templates: true });
    const { context, page } = await newPhone(browser, 'Hélène');
    try {
      await page.setViewportSize(SIZE);
      await openBoard(page, territoryBoard(forum).edit.url);
      const understood = page.getByRole('button', { name: 'Compris' });
      await understood.waitFor();
      const tall = await page.evaluate(() => document.querySelector('[data-tall]') !== null);
      const reach = await page.evaluate(() => document.scrollingElement!.scrollHeight);
      const shown = await boxes(page, '.help-hint button, .toolbar button');
      expect(shown.length).toBeGreaterThan(10);
      expect({ tall, reach, below: offScreen(shown, SIZE.width, SIZE.height) }).toEqual({
        tall: false,
        reach: SIZE.height,
        below: [],
      });
      // « Compris » is a finger's tap away, and the tools stay where they were.
      await understood.tap();
      await understood.waitFor({ state: 'detached' });
      expect(offScreen(await boxes(page, '.toolbar button'), SIZE.width, SIZE.height)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('far out, tells a written note from an empty one: grey lines where the text is', async () => {
    const { server, browser } = suite;
    const forum = await createForum(server, { territories: ['Les Basques'], templates: true });
    const board = territoryBoard(forum);
    // Written on a laptop, to the right of the carton's empty notes.
    const laptop = await newParticipant(browser, 'Émilie');
    let written = '';
    try {
      await openBoard(laptop.page, board.edit.url);
      const carton = (await shapes(laptop.page)).find((s) => s.type === 'carton');
      if (carton?.type !== 'carton') throw new Error('the territory board has a carton');
      const at = await toScreen(laptop.page, carton.x + carton.w * 0.75, carton.y + carton.h * 0.6);
      written = await addNote(laptop.page, at.x, at.y, 'Transport collectif abordable');
    } finally {
      await laptop.context.close();
    }
    const { context, page } = await newPhone(browser, 'Maëlle');
    try {
      await page.setViewportSize(SIZE);
      await openBoard(page, board.edit.url);
      const zoom = await page.evaluate(() => window.__carton!.camera().zoom);
      const notes = (await shapes(page)).filter((s) => s.type === 'note');
      const note = notes.find((s) => s.id === written);
      const empty = notes.find((s) => s.type === 'note' && s.text === '' && s.w === note?.w);
      if (note?.type !== 'note' || !empty) throw new Error('a written note and an empty one');
      // Too narrow to read on this screen, wide enough to see.
      expect(note.w * zoom).toBeLessThan(40);
      expect(note.w * zoom).toBeGreaterThan(16);
      // Share of marked pixels (the lines' grey on the note's colour) inside each note.
      const marked = async (shape: { x: number; y: number; w: number; h: number }) => {
        const a = await toScreen(page, shape.x + shape.w * 0.1, shape.y + shape.h * 0.1);
        const b = await toScreen(page, shape.x + shape.w * 0.9, shape.y + shape.h * 0.9);
        return inkShare(page, [a.x, a.y, b.x, b.y], 'marked');
      };
      await expect.poll(() => marked(note)).toBeGreaterThan(0.05);
      expect(await marked(empty)).toBe(0);
    } finally {
      await context.close();
    }
  });
});
