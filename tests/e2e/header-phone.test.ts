// The board's header on a phone, for the two roles the audits found squeezed, on the 2023
// forum's « Conditions de succès — Témiscouata » board: with a view link the « Lecture seule »
// badge cut the title to « Conditio… » (8 characters); a facilitator's « Versions » pushed the
// header to three rows. On a 390×844 and a 360×640 phone, in French and in English. And on a
// small laptop's window (880, 960, 1000 px wide), where one row did not fit either: a view link's
// badge sent the language off the screen, a facilitator's title showed no letter.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newParticipant } from '../support/browser';
import { REPO_ROOT } from '../support/server';
import {
  createForum,
  forumRequest,
  openBoard,
  serverAndBrowser,
  territoryBoard,
  type CreatedForum,
} from './fixtures';
import { boxes, boxesAtOnce, offScreen, overlaps, overlapsBetween, rowsOf } from './layout-boxes';
import { inLanguage, laidOut, sharedPages } from './shared-pages';

const SHOTS = join(REPO_ROOT, 'test-results/screenshots');

/**
 * The title names its board: a territory board's title (« Conditions de succès — Témiscouata »,
 * its beginning shared by every territory board) keeps its territory whole and at least the
 * first character of the rest before their ellipsis (« C… — Témiscouata »).
 */
const HEAD_MIN_CHARS = 1;

/**
 * How the title is drawn: how many characters of its beginning are drawn whole before their
 * ellipsis, and whether its territory (after « — ») is drawn whole in the title's box.
 */
function titleShown(page: Page): Promise<{ headShown: number; territoryWhole: boolean }> {
  return page.locator('.board-title').evaluate((el) => {
    const head = (el.querySelector('.title-head') ?? el) as HTMLElement;
    const texts: Text[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) texts.push(walker.currentNode as Text);
    const inner = (box: HTMLElement) => {
      const style = getComputedStyle(box);
      return (
        box.getBoundingClientRect().right -
        parseFloat(style.paddingRight) -
        parseFloat(style.borderRightWidth)
      );
    };
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.font = getComputedStyle(el).font;
    const ellipsis = canvas.measureText('…').width;
    // The ellipsis takes the end of the head's box: the characters under it are not drawn.
    const first = texts[0]!;
    const cut = head.scrollWidth > head.clientWidth;
    const limit = inner(head) - (cut ? ellipsis : 0);
    const range = document.createRange();
    let headShown = 0;
    for (let i = 0; i < first.length; i += 1) {
      range.setStart(first, i);
      range.setEnd(first, i + 1);
      if (range.getBoundingClientRect().right > limit + 0.5) break;
      headShown += 1;
    }
    const last = texts[texts.length - 1]!;
    const dash = last.data.lastIndexOf(' — ');
    range.setStart(last, dash + 3);
    range.setEnd(last, last.length);
    const territoryWhole =
      dash >= 0 && range.getBoundingClientRect().right <= inner(el as HTMLElement) + 0.5;
    return { headShown, territoryWhole };
  });
}

const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 640 },
  // A tablet held upright: two rows too (« Versions » spelled out sent the language to a third).
  { width: 768, height: 1024 },
  // Held sideways: one row, where a facilitator's « Versions » spelled out left the title
  // « Conditio… ».
  { width: 1024, height: 768 },
];
/**
 * `locale` is the browser's language of the page a language's first case opens, `app` the
 * language Carton speaks (the header's switch takes the page there for the other language's
 * cases: a page loaded per role, not per role and language).
 */
const FRENCH = {
  locale: 'fr-CA',
  app: 'fr-CA',
  readOnly: 'Lecture seule',
  readOnlyMeans: 'vous pouvez le parcourir et y chercher, pas le modifier',
  versions: 'Versions',
  contents: 'Contenu',
} as const;
const ENGLISH = {
  locale: 'en-US',
  app: 'en',
  readOnly: 'Read only',
  readOnlyMeans: 'you can look around and search it, not change it',
  versions: 'Versions',
  contents: 'Contents',
} as const;
type Language = typeof FRENCH | typeof ENGLISH;

/**
 * « Aide », in the header or (on a phone, where its two rows are full) just below the people
 * pill: one, a finger's size, on screen, over none of the header's controls, the people or the
 * forum's buttons.
 */
async function checkHelp(page: Page, width: number): Promise<void> {
  // From one layout: read apart, « ? » and the pill straddled the frame the timer moved them at.
  const [help, around] = await boxesAtOnce(
    page,
    '.help-button',
    '.editor-header > :not(.help-button), .people, .forum-kit > *',
  );
  expect(help).toHaveLength(1);
  const [box] = help;
  expect(box!.right - box!.left).toBeGreaterThanOrEqual(44);
  expect(box!.bottom - box!.top).toBeGreaterThanOrEqual(44);
  expect(offScreen(help, width)).toEqual([]);
  expect(overlapsBetween(help, around)).toEqual([]);
}

/**
 * Opens `url` in a new context whose browser is set to `lang.locale`: Carton speaks its language
 * (a browser set to en-US gets English, one set to fr-CA French) before any switch.
 */
async function openIn(
  lang: Language,
  url: string,
  device: { viewport: { width: number; height: number }; hasTouch?: boolean; isMobile?: boolean },
): Promise<Page> {
  const { page } = await newParticipant(base.browser, 'Émilie Bérubé', {
    ...device,
    locale: lang.locale,
  });
  await openBoard(page, url);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang.app);
  return page;
}

/** Closes « Contenu » and « Versions » if open, so the next size starts from the bare header. */
async function closePanels(page: Page, versions: string, press: 'tap' | 'click'): Promise<void> {
  const toggles: Array<[string, ReturnType<Page['locator']>]> = [
    ['.history-panel', page.getByRole('button', { name: versions, exact: true })],
    ['.outline-panel', page.locator('.outline-button')],
  ];
  for (const [panel, button] of toggles) {
    if ((await page.locator(panel).count()) === 0) continue;
    await button[press]();
    await expect.poll(() => page.locator(panel).count()).toBe(0);
  }
}

// One server, Chromium and forum for the phones' and the laptops' cases (both only read the
// board): each started their own, twice the start-up for the same options.
const base = serverAndBrowser();
let forum: CreatedForum;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  forum = await createForum(base.server, { territories: ['Témiscouata'] });
});

describe('the board header on a phone or a tablet', () => {
  const shared = sharedPages();

  afterAll(async () => {
    await shared.closeAll();
  });

  /** The role's phone (one per role, both languages), at `size` and speaking `lang`. */
  async function phone(
    role: 'view' | 'facilitator',
    size: { width: number; height: number },
    lang: Language,
    url: string,
  ): Promise<Page> {
    const page = await shared.at(role, size, () =>
      openIn(lang, url, { viewport: size, hasTouch: true, isMobile: true }),
    );
    await inLanguage(page, lang.app);
    return page;
  }

  async function checkHeader(page: Page, width: number): Promise<void> {
    const header = await boxes(page, '.editor-header > *');
    expect(offScreen(header, width)).toEqual([]);
    expect(overlaps(header)).toEqual([]);
    expect(rowsOf(header)).toBeLessThanOrEqual(2);
    await checkHelp(page, width);
  }

  for (const lang of [FRENCH, ENGLISH]) {
    for (const size of PHONES) {
      it(`${size.width}×${size.height} ${lang.app}, a view link: the title keeps its first words, « ${lang.readOnly} » is still said`, async () => {
        const board = territoryBoard(forum);
        const page = await phone('view', size, lang, board.view.url);
        await checkHeader(page, size.width);
        const shown = await titleShown(page);
        expect(shown.territoryWhole).toBe(true);
        expect(shown.headShown).toBeGreaterThanOrEqual(HEAD_MIN_CHARS);
        // Read only, for the eyes (the badge on screen) and for a screen reader (its name).
        const badge = page.locator('.editor-header .read-only-badge');
        expect(await badge.isVisible()).toBe(true);
        expect(await page.locator('.editor-header').ariaSnapshot()).toContain(lang.readOnly);
        // A tap on the eye says what the link allows (a phone shows no tooltip), on screen;
        // a tap on the board folds it.
        const detail = page.locator('.read-only-detail');
        await badge.tap();
        await expect.poll(() => detail.isVisible()).toBe(true);
        expect(await detail.textContent()).toContain(lang.readOnlyMeans);
        expect(await badge.getAttribute('aria-expanded')).toBe('true');
        const box = (await detail.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        const header = (await page.locator('.editor-header').boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
        await page.screenshot({
          path: join(SHOTS, `header-phone-view-told-${size.width}-${lang.locale}.png`),
        });
        await page.touchscreen.tap(size.width / 2, size.height / 2);
        await expect.poll(() => detail.isVisible()).toBe(false);
        await page.screenshot({
          path: join(SHOTS, `header-phone-view-${size.width}-${lang.locale}.png`),
        });
      });

      it(`${size.width}×${size.height} ${lang.app}, a facilitator: two rows, « ${lang.versions} » beside « ${lang.contents} », one panel at a time`, async () => {
        const board = territoryBoard(forum);
        const page = await phone(
          'facilitator',
          size,
          lang,
          board.edit.url.replace(/#.*/u, `#token=${forum.facilitator.token}`),
        );
        try {
          const versions = page.getByRole('button', { name: lang.versions, exact: true });
          await versions.waitFor();
          await checkHeader(page, size.width);
          const shown = await titleShown(page);
          expect(shown.territoryWhole).toBe(true);
          expect(shown.headShown).toBeGreaterThanOrEqual(HEAD_MIN_CHARS);
          // Found where « Contenu » is: next to it on its row; on a 360 px phone that row is
          // full (zoom, « Exporter », language), so at the end of the row above, over them.
          const contents = (await page.locator('.outline-button').boundingBox())!;
          const history = (await versions.boundingBox())!;
          if (size.width >= 390) {
            expect(Math.abs(history.y - contents.y)).toBeLessThan(2);
            expect(history.x).toBeGreaterThan(contents.x + contents.width);
            expect(history.x).toBeLessThan(contents.x + contents.width + 16);
          } else {
            expect(history.y + history.height).toBeLessThan(contents.y);
            expect(history.x + history.width).toBeGreaterThan(size.width - 60);
          }
          expect(history.width).toBeGreaterThanOrEqual(44);
          expect(history.height).toBeGreaterThanOrEqual(44);
          await page.screenshot({
            path: join(SHOTS, `header-phone-facilitator-${size.width}-${lang.locale}.png`),
          });
          // It opens its panel below the header (the two rows stay in reach), and « Contenu »
          // then takes its place (one at a time).
          await versions.tap();
          await page.locator('.history-panel').waitFor();
          expect(await versions.getAttribute('aria-expanded')).toBe('true');
          const [panel, rows] = await boxesAtOnce(page, '.history-panel', '.editor-header > *');
          expect(overlaps([...panel, ...rows])).toEqual([]);
          await page.locator('.outline-button').tap();
          await page.locator('.outline-panel').waitFor();
          await expect.poll(() => page.locator('.history-panel').count()).toBe(0);
        } finally {
          await closePanels(page, lang.versions, 'tap');
        }
      });
    }
  }

  it('390×844 fr-CA, the forum’s timer running: « ? » moves down below the people pill with it; a territory large in the mosaic', async () => {
    const timed = await createForum(base.server, { territories: ['Témiscouata'] });
    await forumRequest(base.server, timed, '/timer', {
      body: { action: 'start', durationMs: 10 * 60_000 },
    });
    const url = territoryBoard(timed).edit.url;
    // The view link's phone (the same device), taken to this forum's board in French: a context
    // less to create. Opened here if this test runs alone.
    const page = await phone('view', PHONES[0]!, FRENCH, url);
    if (!page.url().startsWith(url.split('#')[0]!)) await openBoard(page, url);
    // The timer in the page is not yet the timer in the layout: the kit's growth reaches the
    // people pill (useChromeStack) and « ? » (HelpButton) through resize observers, at the next
    // frame. Read before, the page is the one without the timer.
    await page.locator('.forum-kit .forum-timer').waitFor();
    await laidOut(page);
    const [timer, pill] = await boxesAtOnce(page, '.forum-kit .forum-timer', '.editor > .people');
    expect(pill[0]!.top).toBeGreaterThanOrEqual(timer[0]!.bottom);
    await checkHelp(page, PHONES[0]!.width);
    // The facilitator on the same phone shows a territory large in the plenary's mosaic: its
    // name and « 1 / 1 » keep their own row (squeezed beside the kit's width, the buttons lay
    // over « 1 / »).
    const plenary = timed.boards.find((b) => b.kind === 'plenary')!;
    await openBoard(page, `${base.server.url}/b/${plenary.id}#token=${timed.facilitator.token}`);
    await page.getByRole('button', { name: 'Mosaïque', exact: true }).tap();
    await page.locator('li.mosaic-tile .mosaic-open').first().tap();
    await page.locator('section.mosaic-focus').waitFor();
    const row = await boxes(
      page,
      '.mosaic-header > :not(h2), .mosaic-header h2 > *, .forum-kit > *',
    );
    expect(overlaps(row)).toEqual([]);
    expect(offScreen(row, PHONES[0]!.width)).toEqual([]);
    const name = page.locator('.mosaic-focus-name');
    expect(
      await name.evaluate((el) => el.clientWidth > 0 && el.scrollWidth <= el.clientWidth),
    ).toBe(true);
  });
});

const LAPTOPS = [
  { width: 880, height: 700 },
  { width: 960, height: 700 },
  { width: 1000, height: 700 },
];
const ROLES = ['view', 'editor', 'facilitator'] as const;

describe('the board header on a small laptop window', () => {
  const shared = sharedPages();

  afterAll(async () => {
    await shared.closeAll();
  });

  // English first: each role's window is opened by a browser set to en-US (and speaks English
  // before any switch), then switched to French in the app for the French cases.
  for (const lang of [ENGLISH, FRENCH]) {
    for (const size of LAPTOPS) {
      for (const role of ROLES) {
        it(`${size.width}×${size.height} ${lang.app}, ${role}: every control on screen, the title's first words, « ${lang.contents} » below the header`, async () => {
          const board = territoryBoard(forum);
          const url =
            role === 'view'
              ? board.view.url
              : role === 'editor'
                ? board.edit.url
                : board.edit.url.replace(/#.*/u, `#token=${forum.facilitator.token}`);
          const page = await shared.at(role, size, () => openIn(lang, url, { viewport: size }));
          await inLanguage(page, lang.app);
          try {
            if (role === 'facilitator') {
              await page.getByRole('button', { name: lang.versions, exact: true }).waitFor();
            }
            const [header, kit] = await boxesAtOnce(page, '.editor-header > *', '.forum-kit > *');
            expect(offScreen(header, size.width)).toEqual([]);
            // A facilitator's forum buttons (centred below the header) over none of its controls.
            expect(overlaps([...header, ...kit])).toEqual([]);
            expect(rowsOf(header)).toBeLessThanOrEqual(2);
            await checkHelp(page, size.width);
            const shown = await titleShown(page);
            expect(shown.territoryWhole).toBe(true);
            expect(shown.headShown).toBeGreaterThanOrEqual(HEAD_MIN_CHARS);
            await page.screenshot({
              path: join(SHOTS, `header-laptop-${role}-${size.width}-${lang.locale}.png`),
            });
            // « Contenu » open beside the board: below the header, over none of its controls.
            await page.locator('.outline-button').click();
            await page.locator('.outline-panel').waitFor();
            const bottom = Math.max(
              ...(await boxes(page, '.editor-header > *')).map((b) => b.bottom),
            );
            const [panel] = await boxes(page, '.outline-panel');
            expect(panel!.top).toBeGreaterThanOrEqual(bottom);
            if (role === 'facilitator') {
              // « Versions » likewise (it takes « Contenu »'s place).
              await page.getByRole('button', { name: lang.versions, exact: true }).click();
              await page.locator('.history-panel').waitFor();
              const [history] = await boxes(page, '.history-panel');
              expect(history!.top).toBeGreaterThanOrEqual(bottom);
            }
          } finally {
            await closePanels(page, lang.versions, 'click');
          }
        });
      }
    }
  }
});
