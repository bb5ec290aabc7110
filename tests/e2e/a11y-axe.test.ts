// The pages' semantics as a whole, checked by axe-core (a local library, no network) on each page a
// forum day shows: home, the facilitator page, a territory board holding the seed's Témiscouata
// carton with a timer running and a vote open, its help and export dialogs, a view link, the
// plenary's mosaic (fr-CA), and the board once in English. No serious or critical violation.
// a11y-axe-forum-day sweeps the rest (projector, « Les incontournables », versions, archive).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { localOrigin } from '@carton/board';
import {
  createForum,
  forumRequest,
  openBoard,
  shapes,
  waitForShapes,
  type CreatedForum,
} from './fixtures';
import { connectSeedClient, seedTemiscouata } from './seed';
import { inLanguage } from './shared-pages';
import { audit } from './axe-audit';

describe('axe-core on every page of a forum day', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;
  let page: Page;
  let voteId = '';
  const territory = () => forum.boards.find((b) => b.kind === 'territory')!;
  const facilitatorApi = (path: string, body: unknown) =>
    forumRequest(server, forum, path, { body });

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['Témiscouata', 'Kamouraska'] });
    const board = territory();
    await seedTemiscouata(server.syncUrl, board.id, board.edit.token);
    expect((await facilitatorApi('/timer', { action: 'start', durationMs: 600_000 })).status).toBe(
      200,
    );
    const vote = await facilitatorApi('/votes', {
      title: 'Nos incontournables',
      boardIds: forum.boards.filter((b) => b.kind === 'territory').map((b) => b.id),
      dotsPerParticipant: 3,
    });
    expect(vote.status).toBe(201);
    voteId = ((await vote.json()) as { vote: { id: string } }).vote.id;
    // The laptop of most cases. The test's own contexts bypass the CSP so axe's script may run.
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'fr-CA',
      bypassCSP: true,
    });
    await context.addInitScript(() => {
      try {
        localStorage.setItem('carton.name', 'Émilie Bérubé');
      } catch {
        // about:blank has no storage.
      }
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('home', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('main').waitFor();
    expect(await audit(page)).toEqual([]);
  });

  it('the facilitator page', async () => {
    await page.goto(`${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
    await page.locator('.forum-links tr[data-kind="territory"]').first().waitFor();
    expect(await audit(page)).toEqual([]);
  });

  it('a board file’s import dialog', async () => {
    await page.getByLabel('Importer un tableau (JSON)').setInputFiles({
      name: 'les-basques.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: 'carton-board',
          version: 1,
          meta: {
            schemaVersion: 1,
            title: 'Conditions de succès — Les Basques',
            kind: 'territory',
          },
          shapes: [],
        }),
      ),
    });
    await page.getByRole('dialog', { name: 'Nouveau tableau à partir d’un fichier' }).waitFor();
    expect(await audit(page, '.new-board-dialog')).toEqual([]);
  });

  it('a territory board with its carton, a timer and a vote', async () => {
    await openBoard(page, territory().edit.url);
    await page.locator('.forum-timer-value').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr-CA');
    expect(await audit(page)).toEqual([]);
  });

  it('the help dialog open', async () => {
    await page.getByRole('button', { name: 'Aide', exact: true }).click();
    await page.getByRole('dialog').waitFor();
    try {
      expect(await audit(page)).toEqual([]);
    } finally {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
  });

  it('the export dialog open', async () => {
    await page.getByRole('button', { name: 'Exporter / Importer' }).click();
    // The dialog's chunk loads on first use: audit the dialog itself, not « Chargement… ».
    await page.locator('#export-title').waitFor();
    try {
      expect(await audit(page)).toEqual([]);
    } finally {
      await page.keyboard.press('Escape');
    }
  });

  it('« Contenu », the board as text, open', async () => {
    const open = page.locator('.editor-header').getByRole('button', { name: 'Contenu' });
    await open.click();
    await page.locator('button.outline-item').first().waitFor();
    try {
      expect(await audit(page)).toEqual([]);
    } finally {
      await open.click();
    }
  });

  it('says the timer and the vote politely, not each second, and not what others change', async () => {
    // The vote banner is a region named by its vote, for landmark navigation.
    expect(await page.getByRole('region', { name: 'Nos incontournables' }).count()).toBe(1);
    const news = page.getByTestId('forum-news');
    expect(await news.getAttribute('aria-live')).toBe('polite');
    // The countdown itself is a silent timer role; the region says whole minutes.
    expect(await page.locator('[role="timer"]').first().getAttribute('aria-live')).toBeNull();
    expect((await facilitatorApi('/timer', { action: 'start', durationMs: 180_000 })).status).toBe(
      200,
    );
    await news.filter({ hasText: /^Minuterie\u00a0: il reste 3\u00a0minutes\.$/u }).waitFor();

    // A note written by someone else: neither live region speaks of it.
    const selectionNews = await page.getByTestId('announcer').textContent();
    const count = (await shapes(page)).length;
    const board = territory();
    const other = await connectSeedClient(server.syncUrl, board.id, board.edit.token);
    other.board.run(
      (tx) => tx.create('note', { x: 1700, y: 500, w: 210, h: 210, text: 'Transport collectif' }),
      localOrigin('user:other'),
    );
    await waitForShapes(page, `(s) => s.length === ${count + 1}`);
    other.close();
    expect(await page.getByTestId('announcer').textContent()).toBe(selectionNews);
    expect(await news.textContent()).toMatch(/^Minuterie/u);

    expect((await facilitatorApi(`/votes/${voteId}/close`, {})).status).toBe(200);
    await news
      .filter({ hasText: 'Vote terminé\u00a0: «\u00a0Nos incontournables\u00a0».' })
      .waitFor();
  });

  it('the board in English', async () => {
    // Switched in the app (a page load less than a browser set to English: lang-first-visit and
    // english-pages check that a browser set to en-CA gets English), back to French after.
    await inLanguage(page, 'en');
    try {
      expect(await audit(page)).toEqual([]);
      // The forum's live region says its last news in English too (it stayed French).
      expect(await page.getByTestId('forum-news').textContent()).toBe(
        'Vote closed: “Nos incontournables”.',
      );
    } finally {
      await inLanguage(page, 'fr-CA');
    }
    expect(await page.getByTestId('forum-news').textContent()).toBe(
      'Vote terminé\u00a0: «\u00a0Nos incontournables\u00a0».',
    );
  });

  it('a view link', async () => {
    await openBoard(page, territory().view.url);
    expect(await audit(page)).toEqual([]);
  });

  it("the plenary's mosaic", async () => {
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    await openBoard(page, `${server.url}/b/${plenary.id}#token=${forum.facilitator.token}`);
    await page.getByRole('button', { name: 'Mosaïque' }).click();
    await page
      .locator('li.mosaic-tile svg')
      .filter({ hasText: /Conditions présentes/ })
      .first()
      .waitFor();
    expect(await audit(page)).toEqual([]);
  });

  it('text zoomed to 200 % on a 1366 × 768 laptop: every header button is reachable, mosaic open', async () => {
    // Chromium's zoom at 200 % lays the page out in half the CSS pixels.
    await page.setViewportSize({ width: 683, height: 384 });
    try {
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      const header = page.locator('.editor-header button, .editor-header a');
      const unreachable = await header.evaluateAll((els) =>
        els.flatMap((el) => {
          const r = el.getBoundingClientRect();
          // Not laid out at this width (the header's « Aide » moves below the people there).
          if (r.width < 2 || r.height < 2) return [];
          const inView =
            r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return inView && hit && el.contains(hit) ? [] : [el.textContent ?? ''];
        }),
      );
      expect(await header.count()).toBeGreaterThanOrEqual(5);
      expect(unreachable).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });

  it('moves nothing by itself once the system asks for reduced motion', async () => {
    // Every element of the plenary's mosaic (header, kit, tiles) with an animation or transition.
    const moving = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('*')].flatMap((el) => {
          const style = getComputedStyle(el);
          const times = `${style.animationDuration},${style.transitionDuration}`.split(',');
          const moves =
            (style.animationName !== 'none' || style.transitionProperty !== 'none') &&
            times.some((time) => parseFloat(time) * (time.endsWith('ms') ? 1 : 1000) > 1);
          return moves ? [el.className.toString() || el.tagName] : [];
        }),
      );
    expect(await moving()).toContain('mosaic-bring');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(await moving()).toEqual([]);
    } finally {
      await page.emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('the name prompt of a first visit, then the territory board on that phone (390 × 844), where the header shows short labels', async () => {
    // A first visit on a phone (no name remembered): the prompt, then the board it opens onto,
    // one page load for both.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'fr-CA',
      bypassCSP: true,
    });
    const phone = await context.newPage();
    try {
      await phone.goto(territory().edit.url);
      await phone
        .getByRole('dialog', { name: /^Comment voulez-vous qu’on vous appelle/ })
        .waitFor();
      expect(await audit(phone, '[role="dialog"]')).toEqual([]);
      await phone.getByLabel('Votre nom').fill('Émilie Bérubé');
      await phone.getByRole('button', { name: 'Entrer' }).tap();
      await phone.waitForFunction(() => window.__carton?.status() === 'connected', null, {
        timeout: 15_000,
      });
      await phone.locator('.forum-timer-value').first().waitFor();
      expect(await audit(phone)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
