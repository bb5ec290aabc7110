// The forum's timer on the plenary board, as the room sees it on the projector while the
// « Mosaïque » of the eight territories of the 2023 forum is up: the time is at least 4 % of the
// screen's height (it was 29 px at 1080p, 2.7 %), and it covers neither the tiles (with their
// names) nor the territory brought up large, nor the header rows. At 1080p and 720p, in French
// and in English.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BSL_TERRITORIES } from '@carton/board';
import { launchBrowser, newParticipant } from '../support/browser';
import { REPO_ROOT, startServer, type CartonServer } from '../support/server';
import { createForum, openBoard, type CreatedForum } from './fixtures';
import { boxes, overlapsBetween, type Box } from './layout-boxes';
import { CARTONS, fillTerritory } from './plenary-cartons';

const SHOTS = join(REPO_ROOT, 'test-results/screenshots');

/** The time's size as a share of the screen's height, read from the back of the room. */
const TIMER_MIN = 0.04;

/** The boxes of the text inside each match (its words, not the element's padding). */
function words(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const r = range.getBoundingClientRect();
      const name = `${el.tagName} «${(el.textContent ?? '').slice(0, 24)}»`;
      return { name, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }),
  );
}

const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];
const LANGUAGES = [
  { locale: 'fr-CA', mosaic: 'Mosaïque', timer: 'Minuterie', back: 'Retour à la mosaïque' },
  { locale: 'en-US', mosaic: 'Mosaic', timer: 'Timer', back: 'Back to the mosaic' },
];

describe('the plenary timer, read from the back of the room', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: [...BSL_TERRITORIES] });
    for (const territory of BSL_TERRITORIES) {
      const board = forum.boards.find(
        (b) => b.kind === 'territory' && b.title.includes(territory),
      )!;
      await fillTerritory(server.syncUrl, board, CARTONS[territory]!, null);
    }
    const started = await fetch(`${server.url}/api/forums/${forum.forum.id}/timer`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${forum.facilitator.token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ action: 'start', durationMs: 10 * 60_000 }),
    });
    expect(started.status).toBe(200);
    // A dot vote open over the territories: the territory shown large names its points in the
    // header row, beside the kit (« Vote : 0 point » while it is open; once closed, a territory
    // without dots says nothing).
    const facilitator = {
      Authorization: `Bearer ${forum.facilitator.token}`,
      'Content-Type': 'application/json',
    };
    const opened = await fetch(`${server.url}/api/forums/${forum.forum.id}/votes`, {
      method: 'POST',
      headers: facilitator,
      body: JSON.stringify({
        title: 'Nos incontournables',
        boardIds: forum.boards.filter((b) => b.kind === 'territory').map((b) => b.id),
        dotsPerParticipant: 3,
      }),
    });
    expect(opened.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  async function checkTimer(page: Page, height: number, width: number): Promise<Box[]> {
    const value = page.locator('.forum-kit .forum-timer-value');
    const size = await value.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(TIMER_MIN * height);
    // As large as the height allows on every width (8 % of it, up to 4rem): at 1280 px the
    // width capped it at 45 px, where 720 px allow 57.
    expect(size).toBeGreaterThanOrEqual(Math.floor(Math.min(0.08 * height, 64)));
    const [box] = await boxes(page, '.forum-kit .forum-timer-value');
    expect(box!.bottom - box!.top).toBeGreaterThanOrEqual(TIMER_MIN * height);
    const kit = await boxes(page, '.forum-kit > *');
    for (const b of kit) {
      expect(b.left, b.name).toBeGreaterThanOrEqual(0);
      expect(b.right, b.name).toBeLessThanOrEqual(width);
    }
    // The board's own header (title, « Contenu », zoom…) and the mosaic's row stay clear (its
    // heading's box spans the row: its words are what must stay in sight).
    const header = [
      ...(await boxes(page, '.editor-header > *, .mosaic-header > :not(h2)')),
      ...(await words(page, '.mosaic-header h2')),
    ];
    expect(overlapsBetween(kit, header)).toEqual([]);
    return kit;
  }

  for (const screen of SCREENS) {
    for (const lang of LANGUAGES) {
      it(`${screen.width}×${screen.height} ${lang.locale}: large, clear of the tiles and of the territory shown large`, async () => {
        const { context, page } = await newParticipant(browser, 'Marie-Anne', {
          viewport: screen,
          locale: lang.locale,
        });
        try {
          const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
          await openBoard(page, `${server.url}/b/${plenary.id}#token=${forum.facilitator.token}`);
          await page.locator('.forum-kit .forum-timer[data-state="running"]').waitFor();
          // On the board itself: the timer's controls open below the taller time.
          const controls = page.getByRole('button', { name: lang.timer, exact: true });
          await controls.click();
          const popover = await boxes(page, '.forum-kit-popover');
          expect(popover).toHaveLength(1);
          expect(overlapsBetween(await boxes(page, '.forum-kit > *'), popover)).toEqual([]);
          await controls.click();
          await page.getByRole('button', { name: lang.mosaic, exact: true }).click();
          await page.locator('li.mosaic-tile').nth(7).waitFor();
          await page
            .locator('li.mosaic-tile svg')
            .filter({ hasText: /Financement/ })
            .first()
            .waitFor({ timeout: 15_000 });

          const kit = await checkTimer(page, screen.height, screen.width);
          // Every tile, its drawing and its name, in sight of the room.
          const tiles = await boxes(page, 'li.mosaic-tile, li.mosaic-tile .mosaic-name');
          expect(tiles.length).toBe(16);
          expect(overlapsBetween(kit, tiles)).toEqual([]);
          await page.screenshot({
            path: join(SHOTS, `plenary-timer-${screen.height}-${lang.locale}.png`),
          });

          // Rivière-du-Loup brought up large: its drawing and its name stay clear too.
          await page.locator('li.mosaic-tile .mosaic-open').nth(1).click();
          await page.locator('section.mosaic-focus').waitFor();
          await page.getByRole('button', { name: lang.back }).waitFor();
          await page.locator('.mosaic-header .mosaic-votes').waitFor();
          const kitLarge = await checkTimer(page, screen.height, screen.width);
          const large = await boxes(
            page,
            'section.mosaic-focus .mosaic-focus-svg, section.mosaic-focus .mosaic-focus-stage, section.mosaic-focus button',
          );
          expect(large.length).toBeGreaterThan(0);
          expect(overlapsBetween(kitLarge, large)).toEqual([]);
          await page.screenshot({
            path: join(SHOTS, `plenary-timer-${screen.height}-${lang.locale}-large.png`),
          });
        } finally {
          await context.close();
        }
      });
    }
  }
});
