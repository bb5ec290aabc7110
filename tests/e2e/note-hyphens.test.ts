// The region's hyphenated names on notes (« Accompagne-moi ! », « Rivière-du-Loup »…) break
// after a hyphen, so they are drawn large: the same lines on the editor's canvas (and its PNG
// export, drawn by the same components), in its text editor, on the projector and in the
// plenary's mosaic (@carton/render, as the server's PNG export draws them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { localOrigin } from '@carton/board';
import { launchBrowser, newParticipant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, openBoard, territoryBoard, toScreen, waitForShapes } from './fixtures';
import { CARTONS, fillTerritory } from './plenary-cartons';
import { connectSeedClient } from './seed';

/** Notes in the carton's second row, in the seed's size (220), beside La Matanie's own. */
const NAMES = [
  'Rivière-du-Loup',
  'Témiscouata-sur-le-Lac',
  'Sainte-Anne-de-la-Pocatière',
  'Manque de main-d’œuvre',
  'Bas-Saint-Laurent : peut-être vis-à-vis',
];
const ACCOMPAGNE = 'Accompagne-moi\u202f!';
/**
 * On a 1280 × 720 projector the slide draws La Matanie's carton at 0.62: « Accompagne-moi ! »
 * at 22 units, whole on one line, was 13.6 px; broken after its hyphen, at 31 units, 19 px.
 */
const MIN_PROJECTED_PX = 18;

/** The text read back from its lines: a space between two lines, nothing after a hyphen. */
const rejoin = (lines: readonly string[]) =>
  lines.reduce((text, line) => (text.endsWith('-') ? text + line : `${text} ${line}`));
const plain = (text: string) => text.replace(/[\u00a0\u202f]/gu, ' ');

/** Each note's Konva Text on the editor's canvas: the text it was given, its drawn lines, size. */
function canvasNotes(page: Page) {
  return page.evaluate(() => {
    interface TextNode {
      text(): string;
      fontSize(): number;
      textArr: { text: string }[];
      getParent(): { getParent(): unknown } | null;
    }
    const konva = (window as unknown as { Konva: { stages: { find(s: string): TextNode[] }[] } })
      .Konva;
    return konva.stages
      .flatMap((stage) => stage.find('Text'))
      .map((node) => ({
        text: node.text(),
        size: node.fontSize(),
        lines: node.textArr.map((line) => line.text),
      }));
  });
}

/** Each note drawn by @carton/render: its lines (one <text> each) and their size on screen. */
function projectedNotes(page: Page, svg = '.projector-slide svg') {
  return page.locator(`${svg} g[data-type="note"]`).evaluateAll((groups) =>
    groups.map((group) => {
      const texts = [...group.querySelectorAll('text')];
      const px = texts.map((t) => {
        const m = (t as SVGTextElement).getScreenCTM()!;
        return Math.hypot(m.a, m.b) * parseFloat(t.getAttribute('font-size')!);
      });
      return { lines: texts.map((t) => t.textContent ?? ''), px: Math.min(...px) };
    }),
  );
}

describe('hyphenated names on notes (La Matanie)', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: Awaited<ReturnType<typeof createForum>>;
  let board: ReturnType<typeof territoryBoard>;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['La Matanie'] });
    board = territoryBoard(forum);
    await fillTerritory(server.syncUrl, board, CARTONS['La Matanie']!, null);
    const { board: model, close } = await connectSeedClient(
      server.syncUrl,
      board.id,
      board.edit.token,
    );
    model.run((tx) => {
      const carton = model.listShapes().find((s) => s.type === 'carton')!.id;
      NAMES.forEach((text, i) => {
        const x = i < 3 ? 60 + i * 240 : 860 + (i - 3) * 240;
        tx.create('note', { x, y: 440, w: 220, h: 220, text, color: 'green', parentId: carton });
      });
    }, localOrigin('user:seed'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('the same lines in the editor, on the projector and in the mosaic; « Accompagne- / moi ! » large', async () => {
    // One page goes from the board to its projector view and to the plenary (three contexts
    // before): none of them needs storage or a name of its own.
    const { page } = await newParticipant(browser, 'Émilie', {
      viewport: { width: 1280, height: 720 },
    });
    await openBoard(page, board.edit.url);
    const shapes = await waitForShapes(
      page,
      `(s) => s.filter((x) => x.type === 'note').length === 11`,
    );
    const canvas = await canvasNotes(page);
    const onCanvas = (stored: string) => canvas.find((t) => plain(rejoin(t.lines)) === stored);

    // The text editor over the note wraps it the same way: two lines at the note's size.
    const note = shapes.find((s) => s.type === 'note' && s.text === ACCOMPAGNE)!;
    if (note.type !== 'note') throw new Error('expected a note');
    const centre = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
    await page.mouse.dblclick(centre.x, centre.y);
    const area = page.locator('textarea.text-editor');
    await area.waitFor();
    const lines = await area.evaluate((el) => {
      // Its box is the note's; at no height its scroll height is the padding and the lines.
      const style = getComputedStyle(el);
      const height = el.style.height;
      el.style.height = '0px';
      const content =
        el.scrollHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      el.style.height = height;
      return Math.round(content / parseFloat(style.lineHeight));
    });
    expect(lines).toBe(2);
    await page.keyboard.press('Escape');
    await area.waitFor({ state: 'detached' });

    await page.goto(`${server.url}/p/${board.id}#token=${board.view.token}`);
    await page
      .locator('.projector-slide svg text')
      .filter({ hasText: 'Accompagne' })
      .waitFor({ timeout: 15_000 });
    const projected = await projectedNotes(page);
    const onProjector = (stored: string) =>
      projected.find((n) => n.lines.length > 0 && plain(rejoin(n.lines)) === stored);

    // Drawn large: the size first (before hyphens broke lines: 22 units, 13.6 px).
    const accompagne = onCanvas(plain(ACCOMPAGNE))!;
    expect(accompagne.size).toBeGreaterThanOrEqual(31);
    const shown = onProjector(plain(ACCOMPAGNE))!;
    expect(shown.px, 'projected size of « Accompagne-moi ! »').toBeGreaterThanOrEqual(
      MIN_PROJECTED_PX,
    );

    expect(accompagne.lines).toEqual(['Accompagne-', 'moi\u202f!']);
    expect(onCanvas('Rivière-du-Loup')!.lines).toEqual(['Rivière-du-', 'Loup']);
    for (const stored of [plain(ACCOMPAGNE), ...NAMES]) {
      const drawn = onCanvas(stored);
      expect(drawn, `${stored} on the canvas`).toBeDefined();
      // Konva drew the lines it was given, no line broken again by its own wrap.
      expect(drawn!.lines).toEqual(drawn!.text.split('\n'));
      expect(drawn!.lines.some((line) => line.startsWith('-'))).toBe(false);
      expect(onProjector(stored)?.lines, stored).toEqual(drawn!.lines);
    }

    // The plenary's mosaic draws La Matanie's tile with the same lines.
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    await openBoard(page, `${server.url}/b/${plenary.id}#token=${forum.facilitator.token}`);
    await page.getByRole('button', { name: 'Mosaïque' }).click();
    const tile = 'li.mosaic-tile svg';
    await page.locator(tile).filter({ hasText: 'Accompagne' }).waitFor({ timeout: 15_000 });
    const tiles = await projectedNotes(page, tile);
    for (const stored of [plain(ACCOMPAGNE), ...NAMES]) {
      const inTile = tiles.find((n) => n.lines.length > 0 && plain(rejoin(n.lines)) === stored);
      expect(inTile?.lines, `${stored} in the mosaic`).toEqual(onCanvas(stored)!.lines);
    }
  });
});
