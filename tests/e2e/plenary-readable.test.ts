// The cartons read from the back of the room, on a 1920 × 1080 TV or a 1280 × 720 projector,
// with the seed's eight territories filled:
// - the mosaic draws every carton's notes 7 to 10 px tall at 1920 × 1080 (4 to 6 px at 1280):
//   the room sees the cartons, it reads none. A territory shown large (a tile clicked, the
//   projector's territory slide) frames what its table wrote, not the carton's empty bottom:
//   Témiscouata's smallest note is 24 to 25 px at 1920 (20 with the whole carton), 15 to 16 at
//   1280 (13);
// - the projector's tour (T) shows each territory large in turn, round the room, a countdown the
//   room sees; P pauses it, an arrow moves by hand and gives the territory its whole time, a
//   slide that is not a territory's ends it; a note written at a table shows while it is up;
// - Escape in the browser's full screen (F) leaves the full screen, not the projection.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BSL_TERRITORIES } from '@carton/board';
import { newParticipant, type Participant } from '../support/browser';
import { REPO_ROOT } from '../support/server';
import { createForum, openBoard, type CreatedForum, serverAndBrowser } from './fixtures';
import { CARTONS, fillTerritory, writeAtTable } from './plenary-cartons';

const BSL = [...BSL_TERRITORIES];
const SHOTS = process.env.CARTON_SHOTS ?? `${REPO_ROOT}test-results/screenshots`;
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });

/** Each note's words as drawn in `scope`: their font size in device pixels, smallest first. */
function noteTextPx(page: Page, scope: string): Promise<number[]> {
  return page.evaluate((scope) => {
    const sizes = [...document.querySelectorAll(`${scope} svg g[data-type="note"]`)].flatMap(
      (note) => {
        const text = note.querySelector('text');
        const screen = text?.getScreenCTM();
        if (!text || !screen || text.getBoundingClientRect().height === 0) return [];
        const scale = Math.hypot(screen.a, screen.b) * devicePixelRatio;
        return [Number(text.getAttribute('font-size')) * scale];
      },
    );
    return sizes.sort((a, b) => a - b);
  }, scope);
}

const suite = serverAndBrowser();

describe('the cartons read from the back of the room', () => {
  let screen: Participant;
  let forum: CreatedForum;
  const territories = () => forum.boards.filter((b) => b.kind === 'territory');
  const boardOf = (territory: string) => territories().find((b) => b.title.includes(territory))!;
  const plenary = () => forum.boards.find((b) => b.kind === 'plenary')!;
  const projectorUrl = () =>
    `${suite.server.url}/p/${plenary().id}#token=${forum.facilitator.token}`;

  /** A note written on a territory's carton at its table (another client). */
  async function writeOn(boardId: string, text: string): Promise<void> {
    await writeAtTable(
      suite.server.syncUrl,
      forum.boards.find((b) => b.id === boardId)!,
      text,
      { x: 1340, y: 440 },
    );
  }

  beforeAll(async () => {
    forum = await createForum(suite.server, { territories: BSL });
    for (const territory of BSL) {
      await fillTerritory(suite.server.syncUrl, boardOf(territory), CARTONS[territory]!, null);
    }
    screen = await newParticipant(suite.browser, 'Marie-Anne', {
      viewport: { width: 1920, height: 1080 },
    });
  });

  it('a territory shown large frames its notes: 23 px and more at 1920 × 1080, 15 at 1280', async () => {
    const page = screen.page;
    const temiscouata = boardOf('Témiscouata');
    try {
      for (const [width, height, floor] of [
        [1920, 1080, 23],
        [1280, 720, 15],
      ] as const) {
        await page.setViewportSize({ width, height });
        // The facilitator's « Mosaïque », Témiscouata brought up large.
        await openBoard(
          page,
          `${suite.server.url}/b/${plenary().id}#token=${forum.facilitator.token}`,
        );
        await page.getByRole('button', { name: 'Mosaïque' }).click();
        await page.getByRole('button', { name: 'Agrandir Témiscouata' }).click();
        const focus = page.locator(`.mosaic-focus[data-board-id="${temiscouata.id}"]`);
        await focus.locator('svg text', { hasText: 'Financement' }).waitFor({ timeout: 15_000 });
        const large = await noteTextPx(page, '.mosaic-focus-svg');
        const carton = CARTONS['Témiscouata']!;
        expect(large.length).toBe(carton.present.length + carton.wished.length);
        await shot(page, `readable-focus-${width}`);
        expect(large[0], `mosaic's focus at ${width}`).toBeGreaterThanOrEqual(floor);

        // The projector's slide of the same territory.
        await page.goto('about:blank');
        await page.goto(projectorUrl());
        await page.locator('main.projector .projector-footer').waitFor({ timeout: 15_000 });
        await page.keyboard.press('m');
        await page.getByRole('button', { name: 'Agrandir Témiscouata' }).click();
        const slide = page.locator(
          `section.projector-territory[data-board-id="${temiscouata.id}"]`,
        );
        await slide.locator('svg text', { hasText: 'Financement' }).waitFor({ timeout: 15_000 });
        const projected = await noteTextPx(page, '.projector-territory');
        expect(projected[0], `projector at ${width}`).toBeGreaterThanOrEqual(floor);
        // The carton's title and headings are still on screen, above the notes.
        const title = await slide
          .locator('svg text', { hasText: 'Conditions de succès' })
          .boundingBox();
        expect(title!.y).toBeGreaterThanOrEqual(0);
        await shot(page, `readable-projector-${width}`);
        await page.goto('about:blank');
      }
    } finally {
      await page.setViewportSize({ width: 1920, height: 1080 });
    }
  });

  it('the projector’s tour: each territory large in turn, paused, moved by hand, live', async () => {
    const context = await suite.browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: 'fr-CA',
    });
    const page = await context.newPage();
    try {
      // The page's clock moves when the test says: the 30 s of each territory in an instant.
      await page.clock.install();
      await page.goto(projectorUrl());
      const main = page.locator('main.projector');
      await main.locator('.projector-footer', { hasText: 'T\u00a0: visite' }).waitFor({
        timeout: 15_000,
      });
      await page.keyboard.press('m');
      const tiles = page.locator('.projector-mosaic li.mosaic-tile');
      await tiles.nth(BSL.length - 1).waitFor({ timeout: 15_000 });
      const order = await tiles.evaluateAll((all) =>
        all.map((t) => t.getAttribute('data-board-id')!),
      );
      const shown = (i: number) =>
        page.locator(`section.projector-territory[data-board-id="${order[i]}"]`);
      const countdown = page.locator('.projector-tour');

      // T: the first territory, its name and the countdown in the top row.
      await page.keyboard.press('t');
      await shown(0).waitFor();
      await countdown.filter({ hasText: 'Territoire suivant dans 30\u00a0s' }).waitFor();
      expect(await countdown.getAttribute('data-phase')).toBe('running');
      expect(await main.locator('.projector-top').innerText()).toContain('1 / 8');
      await shot(page, 'readable-tour-1920');

      // Its time up, the next one.
      await page.clock.runFor(30_000);
      await shown(1).waitFor();
      await expect.poll(() => countdown.getAttribute('data-seconds')).toBe('30');

      // P: paused, a minute goes by, it stays; P again, it goes on.
      await page.clock.runFor(10_000);
      await page.keyboard.press('p');
      await countdown.filter({ hasText: 'Visite en pause' }).waitFor();
      expect(await countdown.getAttribute('data-seconds')).toBe('20');
      await page.clock.runFor(60_000);
      expect(await shown(1).count()).toBe(1);
      expect(await countdown.getAttribute('data-seconds')).toBe('20');
      await page.keyboard.press('p');
      await countdown.filter({ hasText: 'Territoire suivant' }).waitFor();
      await page.clock.runFor(20_000);
      await shown(2).waitFor();

      // By hand (an arrow, a remote's Page Down): the next one, its whole time again.
      await page.clock.runFor(25_000);
      await page.keyboard.press('PageDown');
      await shown(3).waitFor();
      // The countdown redraws itself (2f7ec1d): it may show its new time a frame after the slide.
      await expect.poll(() => countdown.getAttribute('data-seconds')).toBe('30');

      // Live: a table writes on the territory shown, the room sees it.
      await writeOn(order[3]!, 'Covoiturage');
      await shown(3).locator('svg text', { hasText: 'Covoiturage' }).waitFor({
        timeout: 10_000,
      });

      // Round the room: after the last territory, the first.
      for (let i = 4; i < BSL.length; i++) {
        await page.keyboard.press('ArrowRight');
        await shown(i).waitFor();
      }
      await page.clock.runFor(30_000);
      await shown(0).waitFor();

      // Back to the mosaic (← from the first territory): the tour ends there.
      await page.keyboard.press('ArrowLeft');
      await page.locator('.projector-mosaic').waitFor();
      await countdown.waitFor({ state: 'detached' });
      await page.clock.runFor(60_000);
      expect(await page.locator('.projector-mosaic').count()).toBe(1);

      // T again, and T to stop it where it is.
      await page.keyboard.press('t');
      await shown(0).waitFor();
      await page.keyboard.press('t');
      await countdown.waitFor({ state: 'detached' });
      await page.clock.runFor(60_000);
      expect(await shown(0).count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('Escape in the suite.browser’s full screen leaves the full screen, not the projection', async () => {
    const context = await suite.browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: 'fr-CA',
    });
    const page = await context.newPage();
    try {
      await page.goto(projectorUrl());
      const footer = page.locator('main.projector .projector-footer');
      await footer.waitFor({ timeout: 15_000 });
      expect(await footer.innerText()).toContain(
        'F\u00a0: plein écran\u202f; Échap\u00a0: sortir du plein écran, puis quitter',
      );
      await page.keyboard.press('f');
      await page.waitForFunction(() => document.fullscreenElement !== null);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.fullscreenElement === null);
      // Still the projection, on the same page (it went to the board before).
      expect(new URL(page.url()).pathname).toBe(`/p/${plenary().id}`);
      expect(await page.locator('main.projector').count()).toBe(1);
      // Out of full screen, Escape leaves the projection as before.
      await page.keyboard.press('Escape');
      await page.waitForURL((url) => url.pathname === `/b/${plenary().id}`);
    } finally {
      await context.close();
    }
  });
});
