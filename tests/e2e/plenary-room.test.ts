// The plenary board on a projector, read from the back of the room, with the eight territory
// cartons of the 2023 forum (notes, hearts and stars, a flyer's photo each), on one page:
// - the facilitator brings one territory up large inside the mosaic, from the keyboard, on a
//   1080p projector: its carton is drawn large enough to read from the back of the room, → goes
//   to the next territory, a table still writing shows live, Escape returns to the tiles; then
//   at 720p, and on a 1280 × 800 laptop with a timer running and a dot vote open;
// - that timer: at least 4 % of the screen's height (it was 29 px at 1080p, 2.7 %), covering
//   neither the tiles (with their names) nor the territory brought up large, nor the header rows,
//   at 1080p and 720p, in French and in English;
// - on the 4:3 projector a community hall really has, 1024 × 768 and an older 800 × 600: the
//   mosaic and one territory shown large (Enter, →), the forum kit (timer, « Mosaïque »…) clear of
//   the mosaic's row and tiles, its buttons finger targets (≥ 40 px) and its time large, every
//   tile on the screen, the territory's name whole and legible (≥ 16 CSS px).
// One page for all of it: a new screen size is that page resized, as a projector's resolution
// changed, and English is the page's own language switch (each case loaded a page of its own:
// seven page loads in three files).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { BSL_TERRITORIES, localOrigin } from '@carton/board';
import { newParticipant, type Participant } from '../support/browser';
import { REPO_ROOT } from '../support/server';
import { boxes, offScreen, overlaps, overlapsBetween, type Box } from './layout-boxes';
import {
  createForum,
  forumRequest,
  openBoard,
  serverAndBrowser,
  type CreatedForum,
} from './fixtures';
import { CARTONS, fillTerritory, uploadFlyer } from './plenary-cartons';
import { connectSeedClient } from './seed';
import { resized } from './shared-pages';

const SHOTS = join(REPO_ROOT, 'test-results/screenshots/');

/**
 * Legible from the back of the room, as a share of the screen's height (the projected picture's
 * size on the wall does not depend on its pixels): the carton's title at least 3 % (32 px at
 * 1080p), every note's text at least 1.5 % (16 px at 1080p). In the mosaic of eight the notes
 * were drawn about 7 px high.
 */
const TITLE_MIN = 0.03;
const NOTE_MIN = 0.015;

/** The time's size as a share of the screen's height, read from the back of the room. */
const TIMER_MIN = 0.04;

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

interface Language {
  /** The page's `lang` once in it. */
  lang: string;
  /** The language switch's button that brings the page to it. */
  toggle: string;
  mosaic: string;
  timer: string;
  back: string;
  close: string;
}

const FRENCH: Language = {
  lang: 'fr',
  toggle: 'Français, FR',
  mosaic: 'Mosaïque',
  timer: 'Minuterie',
  back: 'Retour à la mosaïque',
  close: 'Fermer',
};
const ENGLISH: Language = {
  lang: 'en',
  toggle: 'English, EN',
  mosaic: 'Mosaic',
  timer: 'Timer',
  back: 'Back to the mosaic',
  close: 'Close',
};

const WIDE_SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];
const FOUR_BY_THREE = [
  { width: 1024, height: 768 },
  { width: 800, height: 600 },
];

describe('the plenary on a projector', () => {
  const suite = serverAndBrowser();
  let screen: Participant;
  let forum: CreatedForum;
  const boardOf = (territory: string) =>
    forum.boards.find((b) => b.kind === 'territory' && b.title.includes(territory))!;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    forum = await createForum(suite.server, { territories: [...BSL_TERRITORIES] });
    // The eight tables write at once, as they do on the day.
    await Promise.all(
      BSL_TERRITORIES.map(async (territory) => {
        const board = boardOf(territory);
        const photo = await uploadFlyer(suite.server.url, board);
        await fillTerritory(suite.server.syncUrl, board, CARTONS[territory]!, photo);
      }),
    );
    screen = await newParticipant(suite.browser, 'Marie-Anne', {
      viewport: { width: 1920, height: 1080 },
    });
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    await openBoard(
      screen.page,
      `${suite.server.url}/b/${plenary.id}#token=${forum.facilitator.token}`,
    );
    await screen.page.getByRole('button', { name: 'Mosaïque' }).click();
    await screen.page
      .locator('li.mosaic-tile svg')
      .filter({ hasText: /Financement/ })
      .waitFor({ timeout: 15_000 });
  });

  const tileButton = (page: Page, territory: string) =>
    page.locator(`li.mosaic-tile[data-board-id="${boardOf(territory).id}"] .mosaic-open`);
  const focused = (page: Page) => page.locator('section.mosaic-focus');

  it('opening « Mosaïque » gives a tile the focus: Enter brings it up; reopened, the last one shown', async () => {
    const page = screen.page;
    const active = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-board-id') ?? null);
    const first = await page
      .locator('li.mosaic-tile .mosaic-open')
      .first()
      .getAttribute('data-board-id');
    // Opened with a click in beforeAll: the focus left « Mosaïque » for the first tile.
    await expect.poll(active).toBe(first);
    await page.keyboard.press('Enter');
    await page.locator(`section.mosaic-focus[data-board-id="${first}"]`).waitFor();
    await page.keyboard.press('ArrowRight');
    const second = await page
      .locator('li.mosaic-tile .mosaic-open')
      .nth(1)
      .getAttribute('data-board-id');
    await page.locator(`section.mosaic-focus[data-board-id="${second}"]`).waitFor();
    await page.keyboard.press('Escape');
    await focused(page).waitFor({ state: 'detached' });

    // Closed and opened again from the keyboard: the territory last shown has the focus.
    const toggle = page.getByRole('button', { name: 'Mosaïque', exact: true });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.locator('section.mosaic').waitFor({ state: 'detached' });
    await page.keyboard.press('Enter');
    await expect.poll(active).toBe(second);
    await page
      .locator('li.mosaic-tile svg')
      .filter({ hasText: /Financement/ })
      .first()
      .waitFor({ timeout: 15_000 });
    // Its own « Fermer »: the focus goes back to « Mosaïque » (it was left on the page), and
    // Enter opens the mosaic again.
    await page.locator('section.mosaic header').getByRole('button', { name: 'Fermer' }).click();
    await page.locator('section.mosaic').waitFor({ state: 'detached' });
    expect(await toggle.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('section.mosaic').waitFor();
    await expect.poll(active).toBe(second);
  });

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
    const table = await connectSeedClient(suite.server.syncUrl, basques.id, basques.edit.token);
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
    // Both stay for the tests below: the timer runs, and the territory shown large names its
    // points in its header row, beside the kit (« Vote : 0 point » while the vote is open).
    const started = await forumRequest(suite.server, forum, '/timer', {
      body: { action: 'start', durationMs: 10 * 60_000 },
    });
    expect(started.status).toBe(200);
    const territories = forum.boards.filter((b) => b.kind === 'territory').map((b) => b.id);
    const opened = await forumRequest(suite.server, forum, '/votes', {
      body: { title: 'Nos incontournables', boardIds: territories, dotsPerParticipant: 3 },
    });
    expect(opened.status).toBe(201);
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

  it('« Amener en plénière »: what it says stands clear of the forum buttons, at 1280, 1366 and 390 px', async () => {
    // In the header's row it sat under « Mosaïque », « Tout le monde vers moi » and « Minuterie »
    // (the kit centred over the row): « 12 éléments de La Matanie amenés en plénière » unread.
    const page = screen.page;
    const said = page.locator('section.mosaic [role="status"]');
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ]) {
      await resized(page, size);
      await page.locator('section.mosaic-focus').waitFor();
      await page
        .locator('.mosaic-header')
        .getByRole('button', { name: 'Amener en plénière' })
        .click();
      await said.filter({ hasText: 'Rivière-du-Loup amenés en plénière' }).waitFor();
      // The kit and the row take their places a frame after a resize: polled.
      await expect
        .poll(async () => {
          const status = await boxes(page, 'section.mosaic [role="status"]');
          const around = await boxes(
            page,
            '.forum-kit > *, .mosaic-header > button, .mosaic-focus-title, .mosaic-keys, .editor-header',
          );
          return [
            size.width,
            status.length,
            ...overlapsBetween(status, around),
            ...offScreen(status, size.width, size.height),
          ];
        })
        .toEqual([size.width, 1]);
      await page.screenshot({ path: `${SHOTS}plenary-brought-${size.width}.png` });
    }
    await resized(page, { width: 1280, height: 800 });
  });

  /**
   * The plenary board itself (the mosaic closed) at `size`, in `language`: the page of the tests
   * above, resized as a projector's resolution changes, its language switched from its header.
   */
  async function boardAt(size: { width: number; height: number }, language: Language) {
    const page = screen.page;
    const back = page.locator('section.mosaic .mosaic-back');
    if (await back.isVisible()) {
      await back.click();
      await page.locator('section.mosaic-focus').waitFor({ state: 'detached' });
    }
    if ((await page.locator('section.mosaic').count()) > 0) {
      const closing = (await page.evaluate(() => document.documentElement.lang)).startsWith('en')
        ? ENGLISH.close
        : FRENCH.close;
      await page
        .locator('.mosaic-header')
        .getByRole('button', { name: closing, exact: true })
        .click();
      await page.locator('section.mosaic').waitFor({ state: 'detached' });
    }
    if (!(await page.evaluate(() => document.documentElement.lang)).startsWith(language.lang)) {
      await page.getByRole('button', { name: language.toggle, exact: true }).click();
      await page.waitForFunction(
        (lang) => document.documentElement.lang.startsWith(lang),
        language.lang,
      );
    }
    await resized(page, size);
    await page.locator('.forum-kit .forum-timer[data-state="running"]').waitFor();
    return page;
  }

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

  /** The kit's pieces clear of the mosaic's row and of what lies under it; all on screen. */
  async function kitClear(page: Page, size: { width: number; height: number }, under: string) {
    const kit = await boxes(page, '.forum-kit > *');
    const row = await boxes(page, '.mosaic-header > *');
    expect(offScreen([...kit, ...row], size.width, size.height)).toEqual([]);
    expect(overlapsBetween(kit, [...row, ...(await boxes(page, under))])).toEqual([]);
  }

  for (const size of FOUR_BY_THREE) {
    it(`4:3, ${size.width}×${size.height}: the mosaic and a territory large, names whole and legible`, async () => {
      const page = await boardAt(size, FRENCH);
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

  for (const lang of [FRENCH, ENGLISH]) {
    for (const size of WIDE_SCREENS) {
      it(`the timer at ${size.width}×${size.height} in ${lang.lang}: large, clear of the tiles and of the territory shown large`, async () => {
        const page = await boardAt(size, lang);
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

        const kit = await checkTimer(page, size.height, size.width);
        // Every tile, its drawing and its name, in sight of the room.
        const tiles = await boxes(page, 'li.mosaic-tile, li.mosaic-tile .mosaic-name');
        expect(tiles.length).toBe(16);
        expect(overlapsBetween(kit, tiles)).toEqual([]);
        await page.screenshot({
          path: join(SHOTS, `plenary-timer-${size.height}-${lang.lang}.png`),
        });

        // Rivière-du-Loup brought up large: its drawing and its name stay clear too.
        await page.locator('li.mosaic-tile .mosaic-open').nth(1).click();
        await page.locator('section.mosaic-focus').waitFor();
        await page.getByRole('button', { name: lang.back }).waitFor();
        await page.locator('.mosaic-header .mosaic-votes').waitFor();
        const kitLarge = await checkTimer(page, size.height, size.width);
        const large = await boxes(
          page,
          'section.mosaic-focus .mosaic-focus-svg, section.mosaic-focus .mosaic-focus-stage, section.mosaic-focus button',
        );
        expect(large.length).toBeGreaterThan(0);
        expect(overlapsBetween(kitLarge, large)).toEqual([]);
        await page.screenshot({
          path: join(SHOTS, `plenary-timer-${size.height}-${lang.lang}-large.png`),
        });
      });
    }
  }
});
