// What a participant sees of long French words in notes and of arrows joining notes, in real
// Chromium: screenshots (test-results/screenshots/notes-*.png) for people to look at, and pixel
// checks of what they must show.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { localOrigin } from '@carton/board';
import { launchBrowser, newParticipant } from '../support/browser';
import { REPO_ROOT, startServer, type CartonServer } from '../support/server';
import { createTerritoryBoard, openBoard, toScreen, waitForShapes } from './fixtures';
import { connectSeedClient } from './seed';

const OUT = join(REPO_ROOT, 'test-results/screenshots');

/** Notes from the forum's « incontournables » and two notes joined by a bound arrow. */
async function seedNotesAndArrow(syncUrl: string, boardId: string, token: string) {
  const { board, close } = await connectSeedClient(syncUrl, boardId, token);
  const ids = { from: '', to: '', arrow: '' };
  board.run((tx) => {
    tx.create('note', { x: 0, y: 0, w: 200, h: 200, text: 'Les incontournables' });
    tx.create('note', {
      x: 240,
      y: 0,
      w: 200,
      h: 200,
      color: 'pink',
      text: 'L’accessibilité universelle : transport, logement !',
    });
    tx.create('note', {
      x: 480,
      y: 0,
      w: 120,
      h: 120,
      color: 'green',
      text: 'Rémunération intergénérationnelle',
    });
    tx.create('note', { x: 640, y: 0, w: 160, h: 160, text: 'Les incontournables !' });
    tx.create('note', {
      x: 840,
      y: 0,
      w: 200,
      h: 200,
      color: 'orange',
      text: 'Implication citoyenne : Bas-Saint-Laurent',
    });
    ids.from = tx.create('note', { x: 0, y: 320, w: 200, h: 200, text: 'Accompagnement' });
    ids.to = tx.create('note', {
      x: 420,
      y: 380,
      w: 200,
      h: 200,
      rotation: 0.35,
      color: 'blue',
      text: 'Compréhension commune des enjeux.',
    });
    // Released well inside both notes, as a participant drags from note to note.
    ids.arrow = tx.create('arrow', {
      x: 0,
      y: 0,
      start: { x: 0, y: 0 },
      end: { x: 0, y: 0 },
      startBinding: { shapeId: ids.from, anchor: { x: 0.5, y: 0.5 } },
      endBinding: { shapeId: ids.to, anchor: { x: 0.5, y: 0.5 } },
      color: 'red',
      width: 4,
    });
  }, localOrigin('user:seed'));
  await new Promise((resolve) => setTimeout(resolve, 200));
  close();
  return ids;
}

/** Pixels of the arrow's red ink in a page region given in world units. */
async function redPixelsIn(
  page: Page,
  png: PNG,
  world: { x: number; y: number; w: number; h: number },
): Promise<number> {
  const a = await toScreen(page, world.x, world.y);
  const b = await toScreen(page, world.x + world.w, world.y + world.h);
  let count = 0;
  for (let y = Math.ceil(a.y); y < Math.floor(b.y); y++) {
    for (let x = Math.ceil(a.x); x < Math.floor(b.x); x++) {
      const i = (y * png.width + x) * 4;
      const [r, g, bl] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      // #d32f2f: strongly red, unlike the yellow note, the dark text and the paper.
      if (r > 150 && g < 110 && bl < 110) count++;
    }
  }
  return count;
}

/** Each Konva Text on the page: its text and the lines Konva wrapped it into. */
function canvasTexts(page: Page): Promise<{ text: string; lines: string[] }[]> {
  return page.evaluate(() => {
    interface TextNode {
      text(): string;
      textArr: { text: string }[];
    }
    const konva = (window as unknown as { Konva: { stages: { find(s: string): TextNode[] }[] } })
      .Konva;
    return konva.stages
      .flatMap((stage) => stage.find('Text'))
      .map((node) => ({ text: node.text(), lines: node.textArr.map((line) => line.text) }));
  });
}

/** The text read back from its lines: a break is a space, or nothing after a hyphen. */
const rejoin = (lines: string[]) =>
  lines.reduce(
    (text, line) => (text === '' || text.endsWith('-') ? text + line : `${text} ${line}`),
    '',
  );

describe('notes and arrows as a participant sees them', () => {
  let server: CartonServer;
  let browser: Browser;
  let page: Page;
  let ids: { from: string; to: string; arrow: string };

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    const board = await createTerritoryBoard(server, 'Rimouski-Neigette');
    ids = await seedNotesAndArrow(server.syncUrl, board.id, board.edit.token);
    ({ page } = await newParticipant(browser, 'Émilie'));
    await openBoard(page, board.edit.url);
    await waitForShapes(page, '(s) => s.length === 8');
    await page.keyboard.press('Shift+Digit1');
    await page.waitForFunction(() => window.__carton!.camera().zoom !== 1);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('breaks note text between words only, at the size that holds the longest word', async () => {
    const texts = await canvasTexts(page);
    // Found by their lines read back (a note's Text is given its lines, see noteLayout).
    const shown = (stored: string) =>
      texts.find((t) => rejoin(t.lines).replace(/[\u00a0\u202f]/gu, ' ') === stored);
    for (const stored of [
      'Les incontournables',
      'L’accessibilité universelle : transport, logement !',
      'Rémunération intergénérationnelle',
      'Les incontournables !',
      'Implication citoyenne : Bas-Saint-Laurent',
    ]) {
      const drawn = shown(stored);
      expect(drawn, stored).toBeDefined();
      // Konva drew the lines @carton/render broke, none broken again by its own wrap.
      expect(drawn!.lines, drawn!.text).toEqual(drawn!.text.split('\n'));
    }
    // « ! » stays with its word (a narrow no-break space), on the same line.
    expect(shown('Les incontournables !')!.lines).toEqual(['Les', 'incontournables\u202f!']);
    await page.screenshot({
      path: join(OUT, 'notes-long-words.png'),
      clip: { x: 0, y: 60, width: 1000, height: 260 },
    });
  });

  it('draws a bound arrow from outline to outline, not across the notes', async () => {
    const png = PNG.sync.read(await page.screenshot({ path: join(OUT, 'notes-arrow.png') }));
    // The unrotated note the arrow leaves from: no red inside it (a 4-unit inset for
    // anti-aliasing at the gap).
    expect(await redPixelsIn(page, png, { x: 4, y: 324, w: 192, h: 192 })).toBe(0);
    // The arrow is still drawn between the notes.
    expect(await redPixelsIn(page, png, { x: 200, y: 380, w: 220, h: 120 })).toBeGreaterThan(20);
  });

  it('a click inside a note, where the arrow no longer runs, selects the note', async () => {
    // Between the note's centre (the arrow's anchor) and its edge, on the arrow's old line.
    const inside = await toScreen(page, 150, 432);
    await page.mouse.click(inside.x, inside.y);
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([ids.from]);
    // The arrow is still picked where it is drawn.
    const between = await toScreen(page, 300, 466.5);
    await page.mouse.click(between.x, between.y);
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([ids.arrow]);
    await page.screenshot({ path: join(OUT, 'notes-arrow-selected.png') });
  });
});
