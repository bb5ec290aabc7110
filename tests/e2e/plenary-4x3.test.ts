// The plenary on the projector a community hall really has: 1024 × 768 (4:3), and an older
// 800 × 600. The mosaic of the eight territory cartons and one territory shown large (Enter, →),
// with the timer running: the forum kit (timer, « Mosaïque »…) clear of the mosaic's row and
// tiles, its buttons finger targets (≥ 40 px) and its time large, every tile on the screen, the
// territory's name whole and legible (≥ 16 CSS px), nothing outside the screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BSL_TERRITORIES } from '@carton/board';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, openBoard, type CreatedForum } from './fixtures';
import { boxes, offScreen, overlapsBetween } from './layout-boxes';
import { CARTONS, fillTerritory } from './plenary-cartons';

const SCREENS = [
  { width: 1024, height: 768 },
  { width: 800, height: 600 },
];

/** A name's size and whether its box shows all of it (not cut by an ellipsis). */
function nameLook(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => ({
      text: el.textContent ?? '',
      px: parseFloat(getComputedStyle(el).fontSize),
      whole: el.scrollWidth <= el.clientWidth + 1,
    })),
  );
}

describe('the plenary on a 4:3 projector', () => {
  let server: CartonServer;
  let browser: Browser;
  let screen: Participant;
  let forum: CreatedForum;
  let plenaryUrl: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: [...BSL_TERRITORIES] });
    for (const board of forum.boards.filter((b) => b.kind === 'territory')) {
      const territory = BSL_TERRITORIES.find((t) => board.title.includes(t))!;
      await fillTerritory(server.syncUrl, board, CARTONS[territory]!, null);
    }
    const facilitator = (path: string, body: unknown) =>
      fetch(`${server.url}/api/forums/${forum.forum.id}${path}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${forum.facilitator.token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      });
    // The timer running and a dot vote open: the row of a territory shown large then holds its
    // name, « 1 / 8 » and « Vote : 0 point ».
    expect((await facilitator('/timer', { action: 'start', durationMs: 600_000 })).status).toBe(
      200,
    );
    const territories = forum.boards.filter((b) => b.kind === 'territory').map((b) => b.id);
    const vote = { title: 'Nos incontournables', boardIds: territories, dotsPerParticipant: 3 };
    expect((await facilitator('/votes', vote)).status).toBe(201);
    screen = await newParticipant(browser, 'Marie-Anne', { viewport: SCREENS[0]! });
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    plenaryUrl = `${server.url}/b/${plenary.id}#token=${forum.facilitator.token}`;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  /** The kit's pieces clear of the mosaic's row and of what lies under it; all on screen. */
  async function kitClear(page: Page, size: { width: number; height: number }, under: string) {
    const kit = await boxes(page, '.forum-kit > *');
    const row = await boxes(page, '.mosaic-header > *');
    expect(offScreen([...kit, ...row], size.width, size.height)).toEqual([]);
    expect(overlapsBetween(kit, [...row, ...(await boxes(page, under))])).toEqual([]);
  }

  for (const size of SCREENS) {
    it(`${size.width}×${size.height}: the mosaic and a territory large, names whole and legible`, async () => {
      // A fresh page each time: the same link again is only a change of hash.
      await screen.page.close();
      const page = (screen.page = await screen.context.newPage());
      await page.setViewportSize(size);
      await openBoard(page, plenaryUrl);
      await page.locator('.forum-kit .forum-timer[data-state="running"]').waitFor();
      // On the board itself, the kit below the header's rows (at 800 × 600 it covered « Contenu »,
      // « Versions », the zoom and « Exporter » on the second).
      const kit = await boxes(page, '.forum-kit > *');
      expect(overlapsBetween(kit, await boxes(page, '.editor-header > *'))).toEqual([]);
      // Finger targets (they were 33 px), and the time read from the back of the room: 8 % of
      // the screen's height (it was 4.5 %: 44 px tall at 768, 38 at 600).
      const buttons = await boxes(page, '.forum-kit button');
      expect(buttons).toHaveLength(3);
      for (const b of buttons) expect(b.bottom - b.top, b.name).toBeGreaterThanOrEqual(40);
      const [timer] = await boxes(page, '.forum-kit .forum-timer');
      expect(timer!.bottom - timer!.top).toBeGreaterThanOrEqual(0.09 * size.height);
      await page.getByRole('button', { name: 'Mosaïque', exact: true }).click();
      await page.locator('li.mosaic-tile').nth(7).waitFor();
      await page.locator('.mosaic-caption .mosaic-votes').nth(7).waitFor();
      await kitClear(page, size, 'li.mosaic-tile');
      const captions = await nameLook(page, '.mosaic-caption .mosaic-name');
      expect(captions).toHaveLength(8);
      for (const name of captions) expect(name.px, name.text).toBeGreaterThanOrEqual(16);
      // Every territory without scrolling: at 800 × 600 the third row was reached by scrolling
      // (« Fermer » now shares the kit's row, mosaic.css; tiles down to 160 px, mosaicLayout).
      expect(offScreen(await boxes(page, 'li.mosaic-tile'), size.width, size.height)).toEqual([]);

      await page.locator('li.mosaic-tile .mosaic-open').first().focus();
      await page.keyboard.press('Enter');
      await page.locator('section.mosaic-focus').waitFor();
      for (const territory of ['Kamouraska', 'Rivière-du-Loup']) {
        await page.locator('.mosaic-focus-name', { hasText: territory }).waitFor();
        const [name] = await nameLook(page, '.mosaic-focus-name');
        expect(name).toEqual({ text: territory, px: name!.px, whole: true });
        expect(name!.px).toBeGreaterThanOrEqual(16);
        await kitClear(page, size, 'section.mosaic-focus');
        await page.keyboard.press('ArrowRight');
      }
    });
  }
});
