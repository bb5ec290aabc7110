// The plenary on the big screen (a projector or a 1920 × 1080 TV across the room), with the
// seed's eight territories, their cartons filled, a timer running and a dot vote open:
// - the facilitator's « Mosaïque » goes « Plein écran »: the editor's header and tools go, the
//   timer and the tiles' vote totals stay, the tiles grow, and they still redraw as a territory
//   writes; from the keyboard as well;
// - projector mode (`/p/` of the plenary board) shows the same live mosaic as a slide (M, or the
//   arrows past the plenary's cartons), then each territory large, a tile opening its territory;
// - in French and in English.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BSL_TERRITORIES, localOrigin } from '@carton/board';
import { newParticipant, type Participant } from '../support/browser';
import { REPO_ROOT } from '../support/server';
import {
  createForum,
  forumRequest,
  openBoard,
  shownAtCentre,
  type CreatedForum,
  serverAndBrowser,
} from './fixtures';
import { CARTONS, fillTerritory, writeAtTable } from './plenary-cartons';
import { connectSeedClient } from './seed';

const BSL = [...BSL_TERRITORIES];
const SHOTS = process.env.CARTON_SHOTS ?? `${REPO_ROOT}test-results/screenshots`;
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The tiles' boxes once all `count` are drawn and laid out. */
async function tiles(page: Page, scope: string, count: number): Promise<Box[]> {
  const tile = page.locator(`${scope} li.mosaic-tile`);
  // Every carton drawn (the tiles take the cartons' aspect once they are).
  await page
    .locator(`${scope} li.mosaic-tile svg`)
    .filter({ hasText: /Conditions présentes/ })
    .nth(count - 1)
    .waitFor({ timeout: 15_000 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  const boxes = await tile.evaluateAll((all) =>
    all.map((t) => {
      const r = t.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }),
  );
  const view = page.viewportSize()!;
  expect(boxes).toHaveLength(count);
  for (const b of boxes) {
    expect(b.left).toBeGreaterThanOrEqual(0);
    expect(b.top).toBeGreaterThanOrEqual(0);
    expect(b.right).toBeLessThanOrEqual(view.width);
    expect(b.bottom).toBeLessThanOrEqual(view.height);
  }
  return boxes;
}

const narrowest = (boxes: Box[]) => Math.min(...boxes.map((b) => b.right - b.left));

const suite = serverAndBrowser();

describe('the plenary on the big screen', () => {
  let screen: Participant;
  let forum: CreatedForum;
  const boardOf = (territory: string) =>
    forum.boards.find((b) => b.kind === 'territory' && b.title.includes(territory))!;
  const plenary = () => forum.boards.find((b) => b.kind === 'plenary')!;

  /** A note written on a territory's carton from its table (another client). */
  async function writeOn(territory: string, text: string): Promise<void> {
    await writeAtTable(suite.server.syncUrl, boardOf(territory), text, { x: 1300, y: 700 });
  }

  beforeAll(async () => {
    forum = await createForum(suite.server, { territories: BSL });
    for (const territory of BSL) {
      await fillTerritory(suite.server.syncUrl, boardOf(territory), CARTONS[territory]!, null);
    }
    const api = (path: string, body: unknown) => forumRequest(suite.server, forum, path, { body });
    expect((await api('/timer', { action: 'start', durationMs: 600_000 })).status).toBe(200);
    const vote = await api('/votes', {
      title: 'Nos incontournables',
      boardIds: [boardOf('Kamouraska').id, boardOf('La Mitis').id],
      dotsPerParticipant: 3,
    });
    expect(vote.status).toBe(201);
    screen = await newParticipant(suite.browser, 'Marie-Anne', {
      viewport: { width: 1920, height: 1080 },
    });
  });

  it('« Plein écran » shows the mosaic without the editor’s chrome, timer and votes kept', async () => {
    const page = screen.page;
    await openBoard(page, `${suite.server.url}/b/${plenary().id}#token=${forum.facilitator.token}`);
    await page.getByRole('button', { name: 'Mosaïque' }).click();
    await page.getByTestId('forum-timer').waitFor({ timeout: 10_000 });
    const windowed = await tiles(page, '.mosaic', BSL.length);
    await page.locator('li.mosaic-tile .mosaic-votes').nth(1).waitFor({ timeout: 10_000 });
    await shot(page, 'mosaic-1920');

    const full = page.getByRole('button', { name: 'Plein écran' });
    await full.click();
    expect(await full.getAttribute('aria-pressed')).toBe('true');
    await page.locator('section.mosaic[data-full]').waitFor();
    const fullBoxes = await tiles(page, '.mosaic', BSL.length);
    await shot(page, 'mosaic-full-1920');
    // The header (title, « Contenu », zoom, « Exporter »), the tools and the kit's buttons are
    // behind the mosaic; the timer is over it.
    expect(await shownAtCentre(page, '.editor-header button')).toBe(0);
    expect(await shownAtCentre(page, 'nav.toolbar button')).toBe(0);
    expect(await shownAtCentre(page, '.forum-kit .kit-button')).toBe(0);
    expect(await shownAtCentre(page, '[data-testid="forum-timer"]')).toBe(1);
    // Each tile in the vote still says its points.
    expect(await page.locator('li.mosaic-tile .mosaic-votes').count()).toBe(2);
    for (const i of [0, 1]) {
      const votes = page.locator('li.mosaic-tile .mosaic-votes').nth(i);
      expect(await votes.isVisible()).toBe(true);
    }
    // The room gained the header's rows: every tile larger, about 550 px wide (482 windowed).
    expect(narrowest(fullBoxes)).toBeGreaterThan(narrowest(windowed) + 40);
    expect(narrowest(fullBoxes)).toBeGreaterThan(530);
    expect(Math.max(...fullBoxes.map((b) => b.bottom))).toBeGreaterThan(1080 * 0.95);

    // The mouse left resting on a tile: its carton still shows (the buttons' hover fill, over
    // the whole tile, hid it).
    const rested = page.locator('li.mosaic-tile button.mosaic-open').nth(2);
    await rested.hover();
    expect(await rested.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(
      'rgba(0, 0, 0, 0)',
    );

    // Live: a territory's table writes, its tile shows it on the big screen.
    await writeOn('Témiscouata', 'Covoiturage');
    await page
      .locator(`li.mosaic-tile[data-board-id="${boardOf('Témiscouata').id}"] svg`)
      .filter({ hasText: 'Covoiturage' })
      .waitFor({ timeout: 10_000 });

    // From the keyboard: the same button, focused, leaves and comes back.
    await full.focus();
    await page.keyboard.press('Enter');
    await page.locator('section.mosaic:not([data-full])').waitFor();
    expect(await full.getAttribute('aria-pressed')).toBe('false');
    expect(await shownAtCentre(page, '.editor-header button')).toBeGreaterThan(3);
    await page.keyboard.press('Enter');
    await page.locator('section.mosaic[data-full]').waitFor();
    // A territory large stays full screen, its name over it.
    await page.locator('li.mosaic-tile button.mosaic-open').first().click();
    await page.locator('.mosaic-large').waitFor();
    expect(await shownAtCentre(page, '.editor-header button')).toBe(0);
    await shot(page, 'mosaic-full-large-1920');
    // Escape: from the territory back to the tiles, still full screen; again, out of it.
    await page.keyboard.press('Escape');
    await page.locator('.mosaic-large').waitFor({ state: 'detached' });
    expect(await page.locator('section.mosaic').getAttribute('data-full')).toBe('true');
    await page.keyboard.press('Escape');
    await page.locator('section.mosaic:not([data-full])').waitFor();
    expect(await shownAtCentre(page, '.editor-header button')).toBeGreaterThan(3);
    await page.getByRole('button', { name: 'Fermer' }).click();
  });

  it('on a 4:3 projector, « Plein écran » and « Fermer » stand clear of the timer and the kit', async () => {
    const page = screen.page;
    await openBoard(page, `${suite.server.url}/b/${plenary().id}#token=${forum.facilitator.token}`);
    await page.getByRole('button', { name: 'Mosaïque' }).click();
    await page.getByTestId('forum-timer').waitFor({ timeout: 10_000 });
    try {
      for (const size of [
        { width: 1024, height: 768 },
        { width: 800, height: 600 },
        { width: 1280, height: 720 },
      ]) {
        await page.setViewportSize(size);
        await tiles(page, '.mosaic', BSL.length);
        const clash = await page.evaluate(() => {
          const rect = (e: Element) => e.getBoundingClientRect();
          const mine = [...document.querySelectorAll('.mosaic-header > button')].map(rect);
          const kit = [...document.querySelectorAll('.forum-kit > *')].map(rect);
          return mine.flatMap((a) =>
            kit.filter(
              (b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom,
            ),
          ).length;
        });
        await shot(page, `mosaic-${size.width}`);
        expect(clash, `${size.width} × ${size.height}`).toBe(0);
        expect(await shownAtCentre(page, '.mosaic-header > button')).toBe(2);
      }
      // Full screen on a 4:3 projector: the controls keep their row above the tiles (beside
      // them, the tiles would be narrower), every tile whole.
      await page.setViewportSize({ width: 1024, height: 768 });
      await page.getByRole('button', { name: 'Plein écran' }).click();
      await page.locator('section.mosaic[data-full]').waitFor();
      await tiles(page, '.mosaic', BSL.length);
      expect(await page.locator('section.mosaic').getAttribute('data-rail')).toBe('top');
      expect(await shownAtCentre(page, '[data-testid="forum-timer"]')).toBe(1);
      await shot(page, 'mosaic-full-1024');
      await page.getByRole('button', { name: 'Plein écran' }).click();
    } finally {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.getByRole('button', { name: 'Fermer' }).click();
    }
  });

  it('projector mode shows the live mosaic, then each territory large', async () => {
    const page = screen.page;
    await page.goto(`${suite.server.url}/p/${plenary().id}#token=${forum.facilitator.token}`);
    const main = page.locator('main.projector');
    await main.locator('.projector-slide svg').waitFor({ timeout: 15_000 });
    await shot(page, 'projector-start-1920');
    // The plenary's own cartons come first: M goes to the mosaic from there.
    expect(await main.getAttribute('data-slide')).toBe('0');
    await main.locator('.projector-footer', { hasText: 'M\u00a0: mosaïque' }).waitFor();
    await page.keyboard.press('m');
    await shot(page, 'projector-m-1920');
    const mosaic = page.getByRole('region', { name: 'Mosaïque des territoires' });
    await mosaic.waitFor({ timeout: 10_000 });
    const boxes = await tiles(page, '.projector-mosaic', BSL.length);
    // The timer alone beside the three rows of tiles (under the title's row, they were 481 px).
    expect(narrowest(boxes)).toBeGreaterThan(520);
    expect(await page.locator('.projector-mosaic .mosaic-votes').count()).toBe(2);
    expect(await page.getByTestId('forum-timer').isVisible()).toBe(true);
    await page
      .locator('.projector-mosaic svg')
      .filter({ hasText: 'Covoiturage' })
      .waitFor({ timeout: 10_000 });
    await shot(page, 'projector-mosaic-1920');

    // A carton made on the plenary meanwhile (its cartons come before the mosaic): the mosaic
    // stays on the wall, one slide further (kept by its index, the new carton took its place).
    const slides = Number(await main.getAttribute('data-slides'));
    const at = Number(await main.getAttribute('data-slide'));
    const writer = await connectSeedClient(
      suite.server.syncUrl,
      plenary().id,
      plenary().edit.token,
    );
    try {
      writer.board.run(
        (tx) => tx.create('carton', { x: -3000, y: -3000, w: 1600, h: 1000, title: 'Pause' }),
        localOrigin('user:facilitator'),
      );
      await page
        .locator(`main.projector[data-slides="${slides + 1}"]`)
        .waitFor({ timeout: 10_000 });
    } finally {
      writer.close();
    }
    expect(await main.getAttribute('data-slide')).toBe(String(at + 1));
    expect(await mosaic.isVisible()).toBe(true);

    // Live on the wall too.
    await writeOn('Les Basques', 'Halte-garderie');
    await page
      .locator(`.projector-mosaic li[data-board-id="${boardOf('Les Basques').id}"] svg`)
      .filter({ hasText: 'Halte-garderie' })
      .waitFor({ timeout: 10_000 });

    // The next slide is the first territory large, with its place among the eight.
    const mosaicSlide = Number(await main.getAttribute('data-slide'));
    const first = await page
      .locator('.projector-mosaic li.mosaic-tile')
      .first()
      .getAttribute('data-board-id');
    const firstName = forum.boards.find((b) => b.id === first)!.title.split(' — ')[1]!;
    await page.keyboard.press('ArrowRight');
    const large = page.locator(`section.projector-territory[data-board-id="${first}"]`);
    await large.waitFor({ timeout: 10_000 });
    expect(await main.getAttribute('data-slide')).toBe(String(mosaicSlide + 1));
    expect(await large.getAttribute('aria-label')).toBe(
      `${firstName}, territoire 1 sur ${BSL.length}`,
    );
    expect(await main.locator('.projector-top h2').textContent()).toContain(
      `${firstName} 1 / ${BSL.length}`,
    );
    const drawing = await large.locator('.projector-slide svg').boundingBox();
    expect(drawing!.width).toBeGreaterThan(1500);

    // Back to the mosaic with M; a click on La Mitis's tile brings it up large, its points on it.
    await page.keyboard.press('m');
    await mosaic.waitFor();
    await page.getByRole('button', { name: 'Agrandir La Mitis' }).click();
    const mitis = page.locator(
      `section.projector-territory[data-board-id="${boardOf('La Mitis').id}"]`,
    );
    await mitis.waitFor({ timeout: 10_000 });
    expect(await main.locator('.projector-top .mosaic-votes').innerText()).toBe(
      'Vote\u00a0: 0 point',
    );
    await mitis
      .locator('svg text')
      .filter({ hasText: CARTONS['La Mitis']!.present[0]!.split(' ')[0]! })
      .first()
      .waitFor({ timeout: 10_000 });
    await shot(page, 'projector-territory-1920');
  });
  it('projector mode at 1280 × 800, the timer running: the mosaic keeps one placement', async () => {
    const page = screen.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      await page.goto('about:blank'); // the same URL again would only move to its #hash
      await page.goto(`${suite.server.url}/p/${plenary().id}#token=${forum.facilitator.token}`);
      await page.locator('main.projector .projector-slide svg').waitFor({ timeout: 15_000 });
      await page.keyboard.press('m');
      await tiles(page, '.projector-mosaic', BSL.length);
      expect(await page.getByTestId('forum-timer').isVisible()).toBe(true);
      // Over 30 frames, the timer beside or above the tiles stays where it is: it flipped between
      // the two at every resize callback (each measure taken in the other placement).
      const flips = await page.evaluate(
        () =>
          new Promise<number>((done) => {
            const section = document.querySelector('.projector-mosaic')!;
            let changes = 0;
            const watch = new MutationObserver((records) => (changes += records.length));
            watch.observe(section, { attributes: true, attributeFilter: ['data-rail'] });
            let frames = 0;
            const tick = () => {
              if (++frames < 30) return requestAnimationFrame(tick);
              watch.disconnect();
              done(changes);
            };
            requestAnimationFrame(tick);
          }),
      );
      await shot(page, 'projector-mosaic-1280');
      expect(flips).toBe(0);
    } finally {
      await page.setViewportSize({ width: 1920, height: 1080 });
    }
  });

  it('in English too: the mosaic slide, its key, a territory large, « Full screen »', async () => {
    const english = await newParticipant(suite.browser, 'Mary-Ann', {
      viewport: { width: 1920, height: 1080 },
      locale: 'en-CA',
    });
    const page = english.page;
    await page.goto(`${suite.server.url}/p/${plenary().id}#token=${forum.facilitator.token}`);
    const main = page.locator('main.projector');
    await main.locator('.projector-footer', { hasText: 'M: mosaic' }).waitFor({ timeout: 15_000 });
    await page.keyboard.press('m');
    await page.getByRole('region', { name: 'Territories’ mosaic' }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Enlarge Témiscouata' }).click();
    const large = page.locator(
      `section.projector-territory[data-board-id="${boardOf('Témiscouata').id}"]`,
    );
    await large.waitFor({ timeout: 10_000 });
    expect(await large.getAttribute('aria-label')).toMatch(/^Témiscouata, territory \d of 8$/);
    await openBoard(page, `${suite.server.url}/b/${plenary().id}#token=${forum.facilitator.token}`);
    await page.getByRole('button', { name: 'Mosaic' }).click();
    await page.getByRole('button', { name: 'Full screen' }).click();
    await page.locator('section.mosaic[data-full]').waitFor();
    await english.context.close();
  });

  it('« Plein écran » pressed again quickly: the late change event of a leaving does not undo it', async () => {
    const other = await newParticipant(suite.browser, 'Pierre', {
      viewport: { width: 1920, height: 1080 },
    });
    const page = other.page;
    try {
      await openBoard(
        page,
        `${suite.server.url}/b/${plenary().id}#token=${forum.facilitator.token}`,
      );
      await page.getByRole('button', { name: 'Mosaïque' }).click();
      await page.locator('section.mosaic').waitFor();
      // The browser still answering the request (a slow machine), and a change event of a
      // leaving arriving meanwhile, the page out of its full screen: as under load in CI.
      await page.evaluate(() => {
        document.documentElement.requestFullscreen = () => new Promise<void>(() => undefined);
      });
      await page.getByRole('button', { name: 'Plein écran' }).click();
      await page.locator('section.mosaic[data-full]').waitFor();
      await page.evaluate(
        () =>
          new Promise<void>((done) => {
            document.dispatchEvent(new Event('fullscreenchange'));
            requestAnimationFrame(() => requestAnimationFrame(() => done()));
          }),
      );
      expect(await page.locator('section.mosaic').getAttribute('data-full')).toBe('true');
      expect(
        await page.getByRole('button', { name: 'Plein écran' }).getAttribute('aria-pressed'),
      ).toBe('true');
    } finally {
      await other.context.close();
    }
  });
});
