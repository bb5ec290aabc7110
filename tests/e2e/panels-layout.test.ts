// « Contenu » and the chosen shapes' panel (with « Aligner ») together, as a participant sees them
// on a Témiscouata carton of the 2023 forum: on a 1280×800 and a 1366×768 laptop the open side
// panel never covers the selection's panel, its « Aligner » or its menu; on a 390×844 and a
// 360×640 phone the header keeps two rows with everything on screen, and the header, people,
// selection panel and toolbar never overlap. In French and in English. On the 1280×800 laptop,
// « Contenu » in the keyboard's order with its focus in sight.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newParticipant } from '../support/browser';
import { REPO_ROOT, startServer, type CartonServer } from '../support/server';
import {
  createForum,
  forumRequest,
  openBoard,
  territoryBoard,
  waitForShapes,
  type BoardLinks,
  type CreatedForum,
} from './fixtures';
import { boxes, offScreen, overlaps, overlapsBetween, rowsOf } from './layout-boxes';
import { seedTemiscouata } from './seed';
import { inLanguage, resized, sharedPages } from './shared-pages';

const SHOTS = join(REPO_ROOT, 'test-results/screenshots');

const LAPTOPS = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  // The narrowest screen with the side panel (a tablet held sideways).
  { width: 1024, height: 768 },
];
const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 640 },
  // A tablet held upright: the header in one row squeezed the title to « Co… ».
  { width: 768, height: 1024 },
];
/**
 * French first: each device's page is opened by a browser set to fr-CA, then switched to English
 * in the app (`app`) for the English cases: a page load per device, not per device and language.
 * `locale` names the cases and their screenshots.
 */
const LANGUAGES = [
  { locale: 'fr-CA', app: 'fr-CA', contents: 'Contenu', align: 'Aligner' },
  { locale: 'en-US', app: 'en', contents: 'Contents', align: 'Align' },
] as const;
type Language = (typeof LANGUAGES)[number];

/** The focused element's accessible name (or class), and whether its focus ring shows. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const style = el ? getComputedStyle(el) : null;
    return {
      name: el?.getAttribute('aria-label') ?? el?.className ?? '',
      ring: style !== null && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      /** The ring drawn inside the element's box, where a scrolling edge cannot cut it. */
      inside:
        style !== null && parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) <= 0,
    };
  });
}

describe('« Contenu » and « Aligner » side by side', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;
  let board: BoardLinks;
  let total = 0;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    // Blank but for the seed's carton: the cases count its shapes. Its forum's vote, timer and
    // spotlight are started by the last board case.
    forum = await createForum(server, { territories: ['Témiscouata'], templates: false });
    board = territoryBoard(forum);
    total = await seedTemiscouata(server.syncUrl, board.id, board.edit.token);
  });

  const shared = sharedPages();

  afterAll(async () => {
    await shared.closeAll();
    await browser?.close();
    await server?.dispose();
  });

  /**
   * The carton at `size` in `lang` with every shape chosen: loaded for the device's first case,
   * resized for the next, « Aligner »'s menu and « Contenu » closed, switched to `lang`,
   * everything chosen again.
   */
  async function at(
    size: { width: number; height: number },
    lang: Language,
    phone: boolean,
  ): Promise<Page> {
    const page = await shared.at(phone ? 'phone' : 'laptop', size, () =>
      open(size, lang.locale, phone),
    );
    if ((await page.locator('.arrange-menu').count()) > 0) {
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.arrange-menu').count()).toBe(0);
    }
    if ((await page.locator('.outline-panel').count()) > 0) {
      await page.locator('.outline-button').click();
      await expect.poll(() => page.locator('.outline-panel').count()).toBe(0);
    }
    await inLanguage(page, lang.app);
    await selectAll(page);
    return page;
  }

  async function selectAll(page: Page): Promise<void> {
    await page.locator('.canvas').focus();
    await page.keyboard.press('Control+a');
    await expect.poll(() => page.evaluate(() => window.__carton!.selection().length)).toBe(total);
  }

  async function open(
    size: { width: number; height: number },
    locale: string,
    phone: boolean,
  ): Promise<Page> {
    const { page } = await newParticipant(browser, 'Émilie Bérubé', {
      viewport: size,
      locale,
      hasTouch: phone,
      isMobile: phone,
    });
    await openBoard(page, board.edit.url);
    await waitForShapes(page, `(s) => s.length === ${total}`);
    // Every shape of the carton chosen: the selection's panel at its widest.
    await selectAll(page);
    return page;
  }

  for (const lang of LANGUAGES) {
    for (const size of LAPTOPS) {
      it(`${size.width}×${size.height} ${lang.locale}: the open panel covers none of the selection's`, async () => {
        const page = await at(size, lang, false);
        // « Aligner »'s menu opens over its button (at the panel's right end), on screen.
        const toggle = page.getByRole('button', { name: lang.align, exact: true });
        await toggle.click();
        const button = (await toggle.boundingBox())!;
        const [alone] = await boxes(page, '.arrange-menu');
        expect(alone!.left).toBeLessThanOrEqual(button.x + button.width / 2);
        expect(alone!.right).toBeGreaterThanOrEqual(button.x + button.width / 2);
        expect(offScreen([alone!], size.width, size.height)).toEqual([]);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('.arrange-menu').count()).toBe(0);

        await page.locator('.canvas').focus();
        await page.keyboard.press('Control+f');
        await page.locator('.outline-panel').waitFor();
        const outline = await boxes(page, '.outline-panel');
        // (The people list waits under the panel: the panel takes its place while open.)
        const below = await boxes(page, '.style-panel > *, .toolbar');
        expect(overlaps([...outline, ...below])).toEqual([]);
        expect(offScreen(below, size.width, size.height)).toEqual([]);

        // « Aligner » is reachable by a pointer: what lies under its centre is the button.
        const centre = (await toggle.boundingBox())!;
        const hit = await page.evaluate(
          ([x, y]) => document.elementFromPoint(x!, y!)?.closest('[data-arrange-toggle]') !== null,
          [centre.x + centre.width / 2, centre.y + centre.height / 2],
        );
        expect(hit).toBe(true);
        await toggle.click();
        const menu = await boxes(page, '.arrange-menu');
        expect(menu).toHaveLength(1);
        expect(overlaps([...outline, ...menu])).toEqual([]);
        await page.screenshot({
          path: join(SHOTS, `panels-${size.width}x${size.height}-${lang.locale}-menu.png`),
        });
        expect(offScreen(menu, size.width, size.height)).toEqual([]);
        await page.screenshot({
          path: join(SHOTS, `panels-${size.width}x${size.height}-${lang.locale}.png`),
        });
      });
    }
  }

  // « Contenu » in the keyboard's order, with its focus in sight: Tab from its header button goes
  // into the open panel, Shift+Tab from the panel's first control back to the button, Tab past
  // its last line on to the header's next control (the panel is drawn at the end of the page,
  // which the browser's own order followed); a line reached by the arrows and « Aligner »
  // reached by Tab show the focus ring (a line's inside it, where the list's scrolling edge
  // cannot cut it).
  it('1280×800 fr-CA: Tab and Shift+Tab read « Contenu » where its button stands, the focus in sight', async () => {
    // The laptop's carton back at 1280×800 in French, « Contenu » closed, nothing chosen.
    const page = await at(LAPTOPS[0]!, LANGUAGES[0], false);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => window.__carton!.selection().length)).toBe(0);
    const look = () =>
      page.locator('.outline-button').evaluate((el) => getComputedStyle(el).backgroundColor);
    const closed = await look();
    await page.locator('.canvas').focus();
    await page.keyboard.press('Control+f');
    await expect.poll(async () => (await focused(page)).name).toBe('Rechercher dans le tableau');
    // The header button shows that the panel is open.
    expect(await look()).not.toBe(closed);

    // Back: the panel's first control, then its button in the header.
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).name).toBe('Fermer le contenu');
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).name).toBe('Contenu');
    expect(await page.locator('.outline-button').getAttribute('aria-expanded')).toBe('true');
    // On from the button: into the panel.
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Fermer le contenu');

    // A line reached by the arrows shows the focus ring.
    await page.getByRole('searchbox', { name: 'Rechercher dans le tableau' }).focus();
    await page.keyboard.press('ArrowDown');
    const line = await focused(page);
    expect(line.name).toMatch(/^Carton\u00a0: Témiscouata/u);
    expect(line.ring).toBe(true);
    expect(line.inside).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'panels-focus-line.png') });

    // Past the last line: on to the header's control after « Contenu » (zoom out).
    await page.keyboard.press('End');
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Zoom arrière');

    // « Aligner », reached by Tab in the chosen shapes' panel, shows its ring too.
    await page.locator('.canvas').focus();
    await page.keyboard.press('Control+a');
    await page.locator('.style-panel [data-lock="lock"]').focus();
    await page.keyboard.press('Tab');
    const align = await focused(page);
    expect(align.ring).toBe(true);
    expect(
      await page.evaluate(() => document.activeElement?.hasAttribute('data-arrange-toggle')),
    ).toBe(true);
  });

  it("1280×800, a facilitator: the forum's buttons, the people and « Contenu » apart; « Minuterie » at 320", async () => {
    const forum = await createForum(server, { territories: ['Rimouski-Neigette'] });
    const links = territoryBoard(forum);
    const { context, page } = await newParticipant(browser, 'Animatrice');
    try {
      await openBoard(page, links.edit.url.replace(/#.*/u, `#token=${forum.facilitator.token}`));
      await page.locator('.forum-kit').waitFor();
      await page.locator('.outline-button').click();
      await page.locator('.outline-panel').waitFor();
      const kit = await boxes(page, '.forum-kit, .forum-kit-popover');
      const others = await boxes(page, '.outline-panel, .people');
      const clashes = overlaps([...kit, ...others]).filter((pair) =>
        kit.some((k) => pair.includes(k.name)),
      );
      expect(clashes).toEqual([]);
      // My name in the open list in one line, « Changer de nom » beside or under it.
      const me = page.locator('.people li.me .person-name');
      expect(
        await me.evaluate(
          (el) => el.getClientRects().length === 1 && el.getBoundingClientRect().height < 30,
        ),
      ).toBe(true);
      // « Version … enregistrée » shows below the kit, not behind « Tout le monde vers moi ».
      await page.locator('.outline-button').click();
      await page.getByRole('button', { name: 'Versions' }).click();
      await page.getByLabel('Nom de la nouvelle version').fill('Avant la plénière');
      await page.getByRole('button', { name: 'Enregistrer la version' }).click();
      await page.locator('.toast').waitFor();
      expect(overlapsBetween(await boxes(page, '.toast'), await boxes(page, '.forum-kit'))).toEqual(
        [],
      );
      // « Minuterie » on the smallest phone while a vote is open: under the kit, whole, clear of
      // the toolbar and the vote's banner (a sheet set above a guess of the toolbar's height, it
      // lay over both), of the header and of the people's pill and « ? ». The banner waits behind
      // it there (no room for both), back when it closes.
      await forumRequest(server, forum, '/votes', {
        body: { title: 'Nos incontournables', boardIds: [links.id], dotsPerParticipant: 3 },
      });
      await page.locator('.vote-banner').waitFor();
      await page.locator('.history-panel .history-close').first().click();
      // Folded to its pill, as a phone's first tap elsewhere leaves it.
      if (await page.locator('.people.open').count()) await page.locator('.people-toggle').click();
      await page.setViewportSize({ width: 320, height: 568 });
      const minuterie = page.getByRole('button', { name: 'Minuterie' });
      await minuterie.click();
      const around = '.toolbar, .vote-banner, .editor-header, .forum-kit, .people, .help-floating';
      await expect
        .poll(async () =>
          overlapsBetween(await boxes(page, '.forum-kit-popover'), await boxes(page, around)),
        )
        .toEqual([]);
      const timer = await boxes(page, '.forum-kit-popover');
      expect(timer).toHaveLength(1);
      expect(offScreen(timer, 320, 568)).toEqual([]);
      await minuterie.click();
      await page.locator('.vote-banner').waitFor();
    } finally {
      await context.close();
    }
  });

  it('a vote, another board presented, a person followed, a choice: all clear at 390 and 800 px; a viewer gives a name', async () => {
    const forum = await createForum(server, { territories: ['Kamouraska', 'Témiscouata'] });
    const [kamouraska, temiscouata] = forum.boards.filter((b) => b.kind === 'territory');
    await forumRequest(server, forum, '/votes', {
      body: { title: 'Nos incontournables', boardIds: [kamouraska!.id], dotsPerParticipant: 3 },
    });
    await forumRequest(server, forum, '/spotlight', {
      body: { active: true, boardId: temiscouata!.id, by: 'Marie-Anne' },
    });
    const jocelyne = await newParticipant(browser, 'Jocelyne');
    // A small laptop window, no touch: there the toolbar takes three rows.
    const { page } = await newParticipant(browser, 'Émilie', {
      viewport: { width: 390, height: 844 },
    });
    const viewer = await newParticipant(browser, null, {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    try {
      await openBoard(jocelyne.page, kamouraska!.edit.url);
      await openBoard(page, kamouraska!.edit.url);
      await page.getByText('Marie-Anne présente un autre tableau.').waitFor({ timeout: 10_000 });
      // Out of vote mode the selection's panel shows too: the most the bottom holds.
      await page.getByRole('button', { name: 'Revenir aux outils' }).click();
      await page.locator('.people-toggle').click();
      await page.locator('.person', { hasText: 'Jocelyne' }).click();
      // Folded back to its pill (here a pop-over, it hides « Vous suivez … » while open).
      await page.keyboard.press('Escape');
      await page.locator('.following').waitFor();
      await page.locator('.canvas').focus();
      await page.keyboard.press('Control+a');
      await page.locator('.style-panel .action').first().waitFor();
      const chrome = (selectors: string) =>
        boxes(page, `${selectors}, .editor-header, .toolbar, .vote-banner, .spotlight-banner`);
      for (const size of [
        { width: 390, height: 844 },
        { width: 800, height: 600 },
      ]) {
        await page.setViewportSize(size);
        if (size.width === 800 && !(await page.locator('.people.open').count()))
          await page.locator('.people-toggle').click();
        await expect.poll(async () => overlaps(await chrome('.following, .people'))).toEqual([]);
        // The selection's panel has just come (Ctrl+A) or just rewrapped to the new width: the
        // stack takes its height at its next resize callback, a frame or more on a busy machine.
        const withPanel = '.following, .people, .style-panel > :not(.tool-caption)';
        await expect.poll(async () => overlaps(await chrome(withPanel))).toEqual([]);
        const all = await chrome(withPanel);
        expect(offScreen(all, size.width, size.height)).toEqual([]);
        await page.screenshot({ path: join(SHOTS, `panels-banners-${size.width}.png`) });
      }

      // A view link opens as « Personne invitée »: the viewer gives a name from the people list.
      await openBoard(viewer.page, kamouraska!.view.url);
      await viewer.page.locator('.people-toggle').tap();
      await viewer.page.getByRole('button', { name: 'Changer de nom' }).tap();
      await viewer.page.getByLabel('Votre nom').fill('Gaétan');
      await viewer.page.getByRole('button', { name: 'Enregistrer' }).tap();
      await jocelyne.page.locator('.people .person-name', { hasText: 'Gaétan' }).waitFor();
      expect(await viewer.page.evaluate(() => localStorage.getItem('carton.name'))).toBe('Gaétan');
      await viewer.page.waitForFunction(() => window.__carton?.status() === 'connected');
      expect(await viewer.page.evaluate(() => window.__carton!.role())).toBe('view');
    } finally {
      await Promise.all([jocelyne, viewer].map((p) => p.context.close()));
      await page.context().close();
    }
  });

  it('a vote open and « Exporter / Importer » open: the banner whole beside or below the panel, 1366 to 390 px', async () => {
    // At 1280 × 800 the panel covered the banner's right end: « … Pour modifie… » cut.
    const forum = await createForum(server, { territories: ['Kamouraska'] });
    const kamouraska = territoryBoard(forum);
    await forumRequest(server, forum, '/votes', {
      body: { title: 'Nos priorités', boardIds: [kamouraska.id], dotsPerParticipant: 3 },
    });
    const { page, context } = await newParticipant(browser, 'Émilie', {
      viewport: { width: 1280, height: 800 },
    });
    try {
      await openBoard(page, kamouraska.edit.url);
      await page.locator('.vote-banner').waitFor({ timeout: 10_000 });
      await page.getByRole('button', { name: 'Exporter / Importer' }).click();
      await page.locator('.export-dialog').waitFor();
      for (const size of [
        { width: 1280, height: 800 },
        { width: 1366, height: 768 },
        { width: 1024, height: 768 },
        { width: 800, height: 600 },
        { width: 390, height: 844 },
      ]) {
        await resized(page, size);
        // The bottom stack's places follow the resize a frame late: polled.
        await expect
          .poll(async () => {
            const banner = await boxes(page, '.vote-banner');
            return [
              size.width,
              banner.length,
              ...overlapsBetween(banner, await boxes(page, '.export-dialog')),
              ...offScreen(banner, size.width, size.height),
            ];
          })
          .toEqual([size.width, 1]);
        await page.screenshot({ path: join(SHOTS, `panels-export-vote-${size.width}.png`) });
      }
    } finally {
      await context.close();
    }
  });

  it('390×844: with the on-screen keyboard up, the sheet stands on it and its results show', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'fr-CA',
      hasTouch: true,
      isMobile: true,
    });
    // Headless Chromium has no on-screen keyboard: the visual viewport reports one as a phone's
    // browser does (the page keeps its height, the visible part shrinks), the rest is real.
    await context.addInitScript(() => {
      localStorage.setItem('carton.name', 'Léa');
      const viewport = new EventTarget();
      let covered = 0;
      Object.defineProperties(viewport, {
        height: { get: () => window.innerHeight - covered },
        width: { get: () => window.innerWidth },
        offsetTop: { value: 0 },
        offsetLeft: { value: 0 },
        pageTop: { value: 0 },
        pageLeft: { value: 0 },
        scale: { value: 1 },
      });
      Object.defineProperty(window, 'visualViewport', { value: viewport, configurable: true });
      Object.assign(window, {
        __keyboard: (px: number) => {
          covered = px;
          viewport.dispatchEvent(new Event('resize'));
        },
      });
    });
    const page = await context.newPage();
    try {
      await openBoard(page, board.edit.url);
      await waitForShapes(page, `(s) => s.length === ${total}`);
      await page.getByRole('button', { name: 'Contenu' }).tap();
      const field = page.getByRole('searchbox', { name: 'Rechercher dans le tableau' });
      await field.tap();
      await field.fill('besoins');
      await expect.poll(() => page.locator('.outline-count').textContent()).toBe('3 résultats');
      await page.evaluate(() =>
        (window as unknown as { __keyboard(px: number): void }).__keyboard(336),
      );
      const visible = 844 - 336;
      await expect
        .poll(async () => Math.round((await boxes(page, '.outline-panel'))[0]!.bottom))
        .toBeLessThanOrEqual(visible);
      const sheet = (await boxes(page, '.outline-panel'))[0]!;
      expect(sheet.top).toBeGreaterThanOrEqual(0);
      const lines = await boxes(page, '.outline-panel .outline-item, .outline-panel input');
      const inSight = lines.filter((b) => b.top >= sheet.top && b.bottom <= visible + 0.5);
      // The field, the carton's line and the three notes found.
      expect(inSight.length).toBeGreaterThanOrEqual(5);
      await page.screenshot({ path: join(SHOTS, 'panels-390x844-keyboard.png') });
      // The keyboard down, the sheet goes back to the screen's bottom edge.
      await page.evaluate(() =>
        (window as unknown as { __keyboard(px: number): void }).__keyboard(0),
      );
      await expect
        .poll(async () => Math.round((await boxes(page, '.outline-panel'))[0]!.bottom))
        .toBe(844);
    } finally {
      await context.close();
    }
  });

  for (const lang of LANGUAGES) {
    for (const size of PHONES) {
      it(`${size.width}×${size.height} ${lang.locale}: header in two rows, nothing over anything`, async () => {
        const page = await at(size, lang, true);
        const header = await boxes(page, '.editor-header > *');
        expect(offScreen(header, size.width, size.height)).toEqual([]);
        expect(overlaps(header)).toEqual([]);
        expect(rowsOf(header)).toBeLessThanOrEqual(2);

        const chrome = [
          ...(await boxes(page, '.editor-header')),
          ...(await boxes(page, '.people, .toolbar')),
          ...(await boxes(page, '.style-panel > :not(.tool-caption)')),
        ];
        expect(overlaps(chrome)).toEqual([]);
        expect(offScreen(chrome, size.width, size.height)).toEqual([]);
        // « Aide » (below the people pill on a phone, in the header on a tablet) over none.
        const help = await boxes(page, '.help-button');
        expect(help).toHaveLength(1);
        const others = chrome.filter((b) => !b.name.startsWith('editor-header'));
        const headerKids = await boxes(page, '.editor-header > :not(.help-button)');
        expect(overlapsBetween(help, [...others, ...headerKids])).toEqual([]);
        expect(offScreen(help, size.width, size.height)).toEqual([]);

        await page.getByRole('button', { name: lang.align, exact: true }).tap();
        const menu = await boxes(page, '.arrange-menu');
        expect(menu).toHaveLength(1);
        await page.screenshot({
          path: join(SHOTS, `panels-${size.width}x${size.height}-${lang.locale}-menu.png`),
        });
        expect(offScreen(menu, size.width, size.height)).toEqual([]);
        await page.screenshot({
          path: join(SHOTS, `panels-${size.width}x${size.height}-${lang.locale}.png`),
        });
      });
    }
  }

  // The last two cases take the phone of the cases above (a 390×844, touch, fr-CA device): to
  // this board's forum with a vote, a timer and a spotlight started (they reach the open page
  // live), then to the home page. Opened here if they run alone.
  it('390×844, a vote on the presented board and the forum’s timer: « Vous suivez … » below the kit; turned, a compact vote banner', async () => {
    const upright = { width: 390, height: 844 };
    const page = await shared.at('phone', upright, () => open(upright, 'fr-CA', true));
    await inLanguage(page, 'fr-CA');
    // Nothing chosen, no menu: the chrome as a participant finds it when the vote opens.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.arrange-menu').count()).toBe(0);
    await page.locator('.canvas').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => window.__carton!.selection().length)).toBe(0);
    await forumRequest(server, forum, '/votes', {
      body: { title: 'Nos incontournables', boardIds: [board.id], dotsPerParticipant: 3 },
    });
    await forumRequest(server, forum, '/timer', {
      body: { action: 'start', durationMs: 10 * 60_000 },
    });
    await forumRequest(server, forum, '/spotlight', {
      body: { active: true, boardId: board.id, by: 'Marie-Anne' },
    });
    await page.locator('.spotlight-banner:not(.elsewhere)').waitFor({ timeout: 10_000 });
    await page.locator('.forum-kit .forum-timer').waitFor();
    await page.locator('.vote-banner').waitFor();
    // The banners have just come: the stacks take their heights at their next resize callback.
    const chrome =
      '.editor-header, .forum-kit > *, .spotlight-banner, .people, .help-floating, .vote-banner, .toolbar';
    await expect.poll(async () => overlaps(await boxes(page, chrome))).toEqual([]);
    // Turned sideways, the vote's banner stays compact (its hint behind « ? »), as upright:
    // with the hint unfolded it took 136 of the 390 px.
    await resized(page, { width: 844, height: 390 });
    await expect
      .poll(async () => {
        const [banner] = await boxes(page, '.vote-banner');
        return banner!.bottom - banner!.top;
      })
      .toBeLessThan(80);
    expect(await page.locator('.vote-banner .vote-more').isVisible()).toBe(true);
  });

  it('360×740, the home page: « Créer un forum » keeps its fields inside its card', async () => {
    const size = { width: 360, height: 740 };
    const page = await shared.at('phone', size, () => open(size, 'fr-CA', true));
    await page.goto(`${server.url}/`);
    await inLanguage(page, 'fr-CA');
    const [card] = await boxes(page, '.home-form');
    const fields = await boxes(page, '.home-form :is(label, input, button, fieldset, span)');
    expect(fields.length).toBeGreaterThan(10);
    expect(fields.filter((b) => b.right > card!.right - 1).map((b) => b.name)).toEqual([]);
  });
});
