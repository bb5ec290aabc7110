// The facilitator in plenary brings one territory up large inside the mosaic, from the keyboard,
// on a 1080p projector: its carton is drawn large enough to read from the back of the room,
// → goes to the next territory, a table still writing shows live, Escape returns to the tiles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { BSL_TERRITORIES, localOrigin } from '@carton/board';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { boxes, offScreen, overlaps } from './layout-boxes';
import { createForum, forumRequest, openBoard, type CreatedForum } from './fixtures';
import { CARTONS, fillTerritory, uploadFlyer } from './plenary-cartons';
import { connectSeedClient } from './seed';

const SHOTS = new URL('../../test-results/screenshots/', import.meta.url).pathname;

/**
 * Legible from the back of the room, as a share of the screen's height (the projected picture's
 * size on the wall does not depend on its pixels): the carton's title at least 3 % (32 px at
 * 1080p), every note's text at least 1.5 % (16 px at 1080p). In the mosaic of eight the notes
 * were drawn about 7 px high.
 */
const TITLE_MIN = 0.03;
const NOTE_MIN = 0.015;

/** Each line of text in the drawing with its size on screen (font size × the SVG's scale). */
function drawnText(drawing: Locator): Promise<{ text: string; px: number; note: boolean }[]> {
  return drawing.evaluate((el) =>
    [...el.querySelectorAll('svg text')].map((node) => {
      const text = node as SVGTextElement;
      const scale = text.getScreenCTM()!.a;
      return {
        text: text.textContent ?? '',
        px: Number(text.getAttribute('font-size')) * scale,
        note: text.closest('g[data-type="note"]') !== null,
      };
    }),
  );
}

describe('the mosaic, one territory large', () => {
  let server: CartonServer;
  let browser: Browser;
  let screen: Participant;
  let forum: CreatedForum;
  const boardOf = (territory: string) =>
    forum.boards.find((b) => b.kind === 'territory' && b.title.includes(territory))!;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: [...BSL_TERRITORIES] });
    for (const territory of BSL_TERRITORIES) {
      const board = boardOf(territory);
      await fillTerritory(
        server.syncUrl,
        board,
        CARTONS[territory]!,
        await uploadFlyer(server.url, board),
      );
    }
    screen = await newParticipant(browser, 'Marie-Anne', {
      viewport: { width: 1920, height: 1080 },
    });
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    await openBoard(screen.page, `${server.url}/b/${plenary.id}#token=${forum.facilitator.token}`);
    await screen.page.getByRole('button', { name: 'Mosaïque' }).click();
    await screen.page
      .locator('li.mosaic-tile svg')
      .filter({ hasText: /Financement/ })
      .waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const tileButton = (page: Page, territory: string) =>
    page.locator(`li.mosaic-tile[data-board-id="${boardOf(territory).id}"] .mosaic-open`);
  const focused = (page: Page) => page.locator('section.mosaic-focus');

  it('names each tile large enough to read from the room, and shows where the focus is', async () => {
    const page = screen.page;
    const sizes = await page
      .locator('li.mosaic-tile .mosaic-name')
      .evaluateAll((names) => names.map((n) => parseFloat(getComputedStyle(n).fontSize)));
    expect(sizes).toHaveLength(8);
    // 2.6 % of the screen's height: 28 px at 1080p (it was 20 px).
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(28);

    // Each table's photo is drawn from its bytes (it was a grey placeholder).
    const photo = page.locator(
      `li.mosaic-tile[data-board-id="${boardOf('La Mitis').id}"] svg image[data-type="image"]`,
    );
    await photo.waitFor({ timeout: 10_000 });
    expect(await photo.getAttribute('href')).toMatch(/^blob:/);

    // The arrows move the focus between tiles (three columns here: ↓ is the tile below).
    await tileButton(page, 'Kamouraska').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const ring = await tileButton(page, 'Témiscouata').evaluate((el) => {
      const style = getComputedStyle(el);
      return {
        focused: document.activeElement === el,
        width: parseFloat(style.outlineWidth),
        style: style.outlineStyle,
        offset: parseFloat(style.outlineOffset),
      };
    });
    expect(ring.focused).toBe(true);
    // Drawn inside the tile (the tile clips what overflows it), thick enough for a projector.
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(3);
    expect(ring.offset).toBeLessThanOrEqual(-ring.width);
  });

  it('Enter brings Témiscouata up large and legible; → goes to Les Basques, live; Escape returns', async () => {
    const page = screen.page;
    await tileButton(page, 'Témiscouata').focus();
    await page.keyboard.press('Enter');
    const large = focused(page);
    await large.waitFor();
    expect(await large.getAttribute('data-board-id')).toBe(boardOf('Témiscouata').id);
    expect(await page.locator('.mosaic-header h2').textContent()).toBe('Témiscouata 3 / 8');
    // The tiles give way: the one territory fills the mosaic, inside the window.
    expect(await page.locator('ul.mosaic-grid').isVisible()).toBe(false);
    await page.screenshot({ path: `${SHOTS}plenary-mosaic-focus-1080.png` });

    const height = page.viewportSize()!.height;
    const texts = await drawnText(large);
    const title = texts.find((x) => x.text === 'Conditions de succès — Témiscouata');
    expect(title?.px).toBeGreaterThanOrEqual(TITLE_MIN * height);
    const notes = texts.filter((x) => x.note);
    expect(notes.some((x) => x.text.includes('Concertation'))).toBe(true);
    for (const line of notes) expect(line.px, line.text).toBeGreaterThanOrEqual(NOTE_MIN * height);
    const box = await large.locator('.mosaic-focus-svg > svg').boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(height);
    expect(box!.height).toBeGreaterThan(height * 0.7);

    // → : the next territory, the arrow kept from the board behind.
    await page.keyboard.press('ArrowRight');
    const basques = boardOf('Les Basques');
    await page.locator(`section.mosaic-focus[data-board-id="${basques.id}"]`).waitFor();
    expect(await page.locator('.mosaic-header h2').textContent()).toBe('Les Basques 4 / 8');

    // Which tiles the page redraws from now on (the grid stays mounted while hidden).
    await page.evaluate(() => {
      const touched = new Set<string>();
      (window as unknown as { touchedTiles: Set<string> }).touchedTiles = touched;
      new MutationObserver((records) => {
        for (const r of records) {
          const tile = (r.target as Element).closest?.('li.mosaic-tile');
          if (tile) touched.add(tile.getAttribute('data-board-id')!);
        }
      }).observe(document.querySelector('ul.mosaic-grid')!, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });

    // A table still writing: a stock y-websocket client adds a note to Les Basques' carton.
    const table = await connectSeedClient(server.syncUrl, basques.id, basques.edit.token);
    try {
      table.board.run((tx) => {
        const carton = table.board.listShapes().find((s) => s.type === 'carton')!;
        tx.create('note', {
          x: 1100,
          y: 440,
          w: 220,
          h: 220,
          text: 'Hébergement des Basques',
          color: 'green',
          parentId: carton.id,
        });
      }, localOrigin('user:basques'));
      await large
        .locator('svg')
        .filter({ hasText: /Hébergement/ })
        .waitFor({ timeout: 10_000 });
    } finally {
      table.close();
    }
    // Its tile took the note too, and no other tile was redrawn for it.
    await page
      .locator(`li.mosaic-tile[data-board-id="${basques.id}"] svg`)
      .filter({ hasText: /Hébergement/ })
      .waitFor({ state: 'attached', timeout: 10_000 });
    expect(
      await page.evaluate(() => [
        ...(window as unknown as { touchedTiles: Set<string> }).touchedTiles,
      ]),
    ).toEqual([basques.id]);
    const live = (await drawnText(large)).filter((x) => /Hébergement|Basques$/.test(x.text));
    expect(live.length).toBeGreaterThan(0);
    for (const line of live) expect(line.px).toBeGreaterThanOrEqual(NOTE_MIN * height);

    // ← back to Témiscouata, → again, then Escape: the tiles, the focus on the one last shown.
    await page.keyboard.press('ArrowLeft');
    await page
      .locator(`section.mosaic-focus[data-board-id="${boardOf('Témiscouata').id}"]`)
      .waitFor();
    await page.keyboard.press('ArrowRight');
    await page.locator(`section.mosaic-focus[data-board-id="${basques.id}"]`).waitFor();
    await page.keyboard.press('Escape');
    await large.waitFor({ state: 'detached' });
    await page.locator('ul.mosaic-grid').waitFor({ state: 'visible' });
    expect(
      await tileButton(page, 'Les Basques').evaluate((el) => document.activeElement === el),
    ).toBe(true);
  });

  it('at 1280 × 720 the territory fills the screen too; « Retour à la mosaïque » returns', async () => {
    const page = screen.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    try {
      await tileButton(page, 'La Matanie').click();
      const large = focused(page);
      await large.waitFor();
      await page.screenshot({ path: `${SHOTS}plenary-mosaic-focus-720.png` });
      const texts = await drawnText(large);
      const title = texts.find((x) => x.text === 'Conditions de succès — La Matanie');
      expect(title?.px).toBeGreaterThanOrEqual(TITLE_MIN * 720);
      for (const line of texts.filter((x) => x.note))
        expect(line.px, line.text).toBeGreaterThanOrEqual(NOTE_MIN * 720);
      // The previous and next buttons name where they go.
      await page.getByRole('button', { name: 'Territoire suivant\u00a0: Kamouraska' }).click();
      await page
        .locator(`section.mosaic-focus[data-board-id="${boardOf('Kamouraska').id}"]`)
        .waitFor();
      await page.getByRole('button', { name: 'Retour à la mosaïque' }).click();
      await large.waitFor({ state: 'detached' });
      expect(await page.locator('li.mosaic-tile').count()).toBe(8);
    } finally {
      await page.setViewportSize({ width: 1920, height: 1080 });
    }
  });

  it('on a 1280 × 800 laptop, a timer running and a vote open, the name is written whole', async () => {
    const page = screen.page;
    await forumRequest(server, forum, '/timer', { body: { action: 'start', durationMs: 600_000 } });
    const territories = forum.boards.filter((b) => b.kind === 'territory').map((b) => b.id);
    await forumRequest(server, forum, '/votes', {
      body: { title: 'Nos incontournables', boardIds: territories, dotsPerParticipant: 3 },
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    await tileButton(page, 'Rivière-du-Loup').click();
    await page.locator('.mosaic-header .mosaic-votes').waitFor();
    await page.locator('.forum-kit .forum-timer').waitFor();
    await page.screenshot({ path: `${SHOTS}plenary-mosaic-focus-1280.png` });
    // Left of the kit centred over the row it read « Rivière-du-… » beside its points.
    const name = page.locator('.mosaic-focus-name');
    expect(await name.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const row = await boxes(page, '.mosaic-focus-title, .forum-kit, .mosaic-header > button');
    expect(row).toHaveLength(4);
    expect(overlaps(row)).toEqual([]);
    expect(offScreen(row, 1280, 800)).toEqual([]);
    // The carton keeps most of the screen.
    const carton = (await page.locator('.mosaic-focus-svg > svg').boundingBox())!;
    expect(carton.height).toBeGreaterThan(800 * 0.7);
  });
});
