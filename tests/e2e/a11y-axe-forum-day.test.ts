// axe-core on the pages of a forum day that a11y-axe does not open: « Les incontournables » on
// the facilitator page (ideas merged, one set aside, the list placed on the plenary, its vote
// opened from « Vote par points » and closed, the results), the projector's slides (the list's
// carton drawn, the mosaic, a territory, the vote's results, the list) and its tour (T), a
// board's « Versions » and a version previewed, the home page's forum archive refused, a board's
// QR code projected, « Voter en liste » on a phone, and the plenary board's full-screen mosaic
// touring the territories. fr-CA, and en where the page has its own strings. No serious or
// critical violation; inside a dialog, none at all.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { ideaKey, type Shape } from '@carton/board';
import { launchBrowser } from '../support/browser';
import { SHOTS, startServer, type CartonServer } from '../support/server';
import { createForum, forumRequest, openBoard, PHONE, type CreatedForum } from './fixtures';
import { openListVote, postcardWall, writeNotes } from './forum-notes';
import { seedTemiscouata } from './seed';
import { inLanguage } from './shared-pages';
import { audit, auditRules } from './axe-audit';

const KAMOURASKA_IDEAS = [
  'Participation citoyenne',
  'Bon leadership',
  'Processus légers et clairs',
  'Transport collectif',
];
const POSTCARD_IDEAS = ['participation citoyenne', 'Un leadership partagé', 'Plaisir\u202f!'];

describe('axe-core on the rest of a forum day', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;
  let page: Page;
  const board = (kind: string, n = 0) => forum.boards.filter((b) => b.kind === kind)[n]!;
  const api = async (path: string, body: unknown, method = 'POST') => {
    const response = await forumRequest(server, forum, path, { method, body });
    expect(response.status).toBeLessThan(300);
    return response.json() as Promise<{ vote: { id: string } }>;
  };
  const open = async (options: BrowserContextOptions = {}) => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'fr-CA',
      bypassCSP: true,
      ...options,
    });
    await context.addInitScript(() => {
      try {
        localStorage.setItem('carton.name', 'Marie-Anne Pelletier');
      } catch {
        // about:blank has no storage.
      }
    });
    return context.newPage();
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['Témiscouata', 'Kamouraska'] });
    const temiscouata = board('territory');
    await seedTemiscouata(server.syncUrl, temiscouata.id, temiscouata.edit.token);
    await writeNotes(server, board('territory', 1), KAMOURASKA_IDEAS);
    await writeNotes(server, postcardWall(forum), POSTCARD_IDEAS);
    // The facilitator merged two ideas and set one aside.
    await api(
      '/compilation',
      {
        merges: { [ideaKey('Un leadership partagé')]: ideaKey('Bon leadership') },
        setAside: { [ideaKey('Plaisir\u202f!')]: true },
      },
      'PUT',
    );
    page = await open();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('« Les incontournables » with ideas merged and one set aside', async () => {
    await page.goto(`${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
    const compile = page.getByRole('button', { name: 'Compiler' });
    await page.locator('.forum-links tr[data-kind="territory"]').first().waitFor();
    if (await compile.isVisible()) await compile.click();
    await page.locator('.compilation-item').first().waitFor({ timeout: 10_000 });
    // The idea set aside, with its « Remettre », shown.
    await page.locator('details:has(li[data-key]) > summary').click();
    await page.getByRole('button', { name: /^Remettre/u }).waitFor();
    expect(await audit(page)).toEqual([]);
  });

  it('the list placed on the plenary', async () => {
    await page.getByRole('button', { name: 'Mettre la liste sur la plénière' }).click();
    await page
      .locator('.list-on-plenary-status')
      .getByText(/^La liste est sur la plénière\u00a0:/u)
      .waitFor();
    expect(await audit(page)).toEqual([]);
  });

  let listVote: string | null = null;
  it('« Vote par points », then the list’s vote open', async () => {
    const votes = page.locator('#forum-votes');
    await votes.locator('.vote-title').fill('Nos incontournables');
    expect(await audit(page)).toEqual([]);
    listVote = await openListVote(page);
    expect(await audit(page)).toEqual([]);
  });

  it('the list’s vote closed (its confirmation, then its results)', async () => {
    // The room's dots: on the list's notes placed on the plenary (C10).
    const plenary = board('plenary');
    const file = (await (
      await fetch(`${server.url}/api/boards/${plenary.id}/export.json`, {
        headers: { Authorization: `Bearer ${forum.facilitator.token}` },
      })
    ).json()) as { shapes: Shape[] };
    const placed = file.shapes.filter((s) => s.type === 'note' && s.id.includes('incontour'));
    expect(placed.length).toBeGreaterThan(3);
    for (const [n, note] of [placed[0]!, placed[0]!, placed[1]!, placed[2]!].entries()) {
      await api(`/votes/${listVote}/dots`, {
        boardId: plenary.id,
        shapeId: note.id,
        voterId: `voter-${n}-abcdefgh`,
      });
    }
    const row = page.locator(`li.vote[data-vote-id="${listVote}"]`);
    await row.getByRole('button', { name: 'Fermer le vote' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor();
    expect(await audit(page, '[role="alertdialog"]')).toEqual([]);
    await confirm.getByRole('button', { name: 'Fermer le vote' }).click();
    await row.locator('.vote-results li').first().waitFor({ timeout: 10_000 });
    await page.locator('.compilation-item .item-votes').first().waitFor({ timeout: 10_000 });
    expect(await audit(page)).toEqual([]);
  });

  it('the same page in English', async () => {
    await inLanguage(page, 'en');
    try {
      expect(await audit(page)).toEqual([]);
    } finally {
      await inLanguage(page, 'fr-CA');
    }
  });

  it('a board’s QR code projected (« Projeter le code »)', async () => {
    await page.getByRole('button', { name: 'Projeter le code' }).first().click();
    await page.locator('.qr-projected img').waitFor();
    try {
      expect(await audit(page, '.qr-projected')).toEqual([]);
      expect(await audit(page)).toEqual([]);
    } finally {
      await page.keyboard.press('Escape');
      await page.locator('.qr-projected').waitFor({ state: 'detached' });
    }
  });
  it('the projector: the list’s carton drawn, the mosaic, a territory, the results, the list', async () => {
    const projector = await open({ viewport: { width: 1280, height: 720 } });
    try {
      await projector.goto(
        `${server.url}/p/${board('plenary').id}#token=${forum.facilitator.token}`,
      );
      await projector.locator('.projector-slide svg').waitFor({ timeout: 15_000 });
      expect(await audit(projector)).toEqual([]);

      await projector.keyboard.press('m');
      await projector
        .locator('.projector-mosaic svg')
        .filter({ hasText: /Conditions présentes/u })
        .first()
        .waitFor({ timeout: 15_000 });
      expect(await audit(projector)).toEqual([]);

      await projector.keyboard.press('ArrowRight');
      await projector.locator('.projector-territory svg').first().waitFor({ timeout: 15_000 });
      expect(await audit(projector)).toEqual([]);

      await projector.keyboard.press('End');
      await projector.locator('.projector-list li').first().waitFor({ timeout: 15_000 });
      expect(await audit(projector)).toEqual([]);
      // The list's pages are .projector-results too.
      const results = projector.locator('.projector-results:not(.projector-list)');
      for (let back = 0; back < 4 && !(await results.isVisible()); back++) {
        await projector.keyboard.press('ArrowLeft');
      }
      await results.locator('li').first().waitFor();
      expect(await audit(projector)).toEqual([]);

      await projector.screenshot({ path: join(SHOTS, 'a11y-projector-results.png') });
      // The territories' tour (T) from the mosaic, its countdown under the territory.
      await projector.keyboard.press('m');
      await projector.locator('.projector-mosaic').waitFor();
      await projector.keyboard.press('t');
      await projector.locator('.projector-tour').waitFor();
      await projector.locator('.projector-territory svg').first().waitFor({ timeout: 15_000 });
      expect(await audit(projector)).toEqual([]);
    } finally {
      await projector.context().close();
    }
  });

  it('the projector in English: the results, the list and the tour', async () => {
    const projector = await open({ viewport: { width: 1280, height: 720 }, locale: 'en-CA' });
    try {
      await projector.goto(
        `${server.url}/p/${board('plenary').id}#token=${forum.facilitator.token}`,
      );
      await projector.locator('.projector-slide svg').waitFor({ timeout: 15_000 });
      expect(await projector.evaluate(() => document.documentElement.lang)).toBe('en');
      await projector.keyboard.press('End');
      await projector.locator('.projector-list li').first().waitFor({ timeout: 15_000 });
      expect(await audit(projector)).toEqual([]);
      // The list's pages are .projector-results too.
      const results = projector.locator('.projector-results:not(.projector-list)');
      for (let back = 0; back < 4 && !(await results.isVisible()); back++) {
        await projector.keyboard.press('ArrowLeft');
      }
      await results.locator('li').first().waitFor();
      expect(await audit(projector)).toEqual([]);
      await projector.keyboard.press('m');
      await projector.keyboard.press('t');
      await projector.locator('.projector-tour').waitFor();
      expect(await audit(projector)).toEqual([]);
    } finally {
      await projector.context().close();
    }
  });

  it('« Versions » open on a board, then a version previewed', async () => {
    const kamouraska = board('territory', 1);
    await openBoard(page, `${server.url}/b/${kamouraska.id}#token=${forum.facilitator.token}`);
    await page.getByRole('button', { name: 'Versions' }).click();
    await page.getByLabel('Nom de la nouvelle version').fill('Avant la plénière');
    await page.getByRole('button', { name: 'Enregistrer la version' }).click();
    const named = page.locator('[data-testid="history-item"]', { hasText: 'Avant la plénière' });
    await named.waitFor();
    expect(await audit(page)).toEqual([]);
    // The panel, every impact, as a dialog's: it is one where it takes the window (data-whole).
    expect(await audit(page, '.history-panel')).toEqual([]);
    await inLanguage(page, 'en');
    try {
      expect(await audit(page)).toEqual([]);
    } finally {
      await inLanguage(page, 'fr-CA');
    }
    await named.getByRole('button', { name: 'Aperçu' }).click();
    await page.locator('[data-testid="version-preview"]').waitFor();
    expect(await audit(page, '.version-overlay')).toEqual([]);
    expect(await audit(page)).toEqual([]);
    // Its restore asked for, not confirmed.
    await page.getByRole('button', { name: 'Restaurer cette version' }).click();
    await page.getByRole('alertdialog').waitFor();
    try {
      expect(await audit(page, '[role="alertdialog"]')).toEqual([]);
    } finally {
      await page.keyboard.press('Escape');
      await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    }
  });

  it('« Versions » and « Contenu » taking the window (1280 × 1024 at 400 %), dialogs', async () => {
    const enlarged = await open({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 });
    try {
      const kamouraska = board('territory', 1);
      await openBoard(
        enlarged,
        `${server.url}/b/${kamouraska.id}#token=${forum.facilitator.token}`,
      );
      await enlarged.locator('.editor[data-tall]').waitFor();
      await enlarged.getByRole('button', { name: 'Versions', exact: true }).click();
      await enlarged
        .locator('.history-panel[role="dialog"] [data-testid="history-item"]')
        .first()
        .waitFor();
      expect(await audit(enlarged, '.history-panel')).toEqual([]);
      expect(await audit(enlarged)).toEqual([]);
      await enlarged.keyboard.press('Escape');
      await enlarged.locator('.history-panel').waitFor({ state: 'detached' });
      await enlarged.getByRole('button', { name: 'Contenu', exact: true }).click();
      const outline = enlarged.getByRole('dialog');
      await outline.locator('button.outline-item').first().waitFor();
      expect(await audit(enlarged, '[role="dialog"]')).toEqual([]);
      expect(await audit(enlarged)).toEqual([]);
    } finally {
      await enlarged.context().close();
    }
  });

  /** The plenary board's mosaic on the whole screen, its tour started (T). */
  const touring = async (on: Page, full: string, names: { mosaic: string; full: string }) => {
    await openBoard(on, `${server.url}/b/${board('plenary').id}#token=${forum.facilitator.token}`);
    await on.getByRole('button', { name: names.mosaic }).click();
    const mosaic = on.locator('section.mosaic');
    await mosaic.locator('li.mosaic-tile').nth(1).waitFor({ timeout: 15_000 });
    await mosaic.getByRole('button', { name: names.full }).click();
    await on.locator('section.mosaic[data-full]').waitFor();
    await on.keyboard.press('t');
    await on.locator('section.mosaic[data-focused]').waitFor();
    await mosaic.locator('.mosaic-foot .projector-tour').filter({ hasText: full }).waitFor();
  };

  it('the plenary board’s full-screen mosaic touring the territories (T)', async () => {
    await touring(page, 'Territoire suivant', { mosaic: 'Mosaïque', full: 'Plein écran' });
    expect(await audit(page)).toEqual([]);
    // The list vote's counts on the plenary's notes (behind the mosaic) are in a landmark, the
    // vote's: axe's region (moderate) found them outside every one.
    expect(await page.locator('.vote-dot.count').count()).toBeGreaterThan(0);
    expect(await auditRules(page, ['region'])).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'a11y-plenary-mosaic-tour.png') });
    await page.keyboard.press('t');
  });

  it('the same tour in English', async () => {
    const english = await open({ locale: 'en-CA' });
    try {
      await touring(english, 'Next territory', { mosaic: 'Mosaic', full: 'Full screen' });
      expect(await audit(english)).toEqual([]);
    } finally {
      await english.context().close();
    }
  });

  it('the home page: this laptop’s forum listed, its archive import refusing a file', async () => {
    // « Vos forums sur cet appareil » lists the forum this context opened (« Retirer … »).
    await page.goto(`${server.url}/`);
    await page.getByLabel('Choisir l’archive du forum (.zip)').setInputFiles({
      name: 'forum-alliance-bsl.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from('Ceci n’est pas une archive'),
    });
    await page
      .getByRole('alert')
      .filter({ hasText: /archive/u })
      .waitFor({ timeout: 10_000 });
    expect(await audit(page)).toEqual([]);
    await inLanguage(page, 'en');
    try {
      await page.getByLabel('Choose the forum archive (.zip)').setInputFiles({
        name: 'forum-alliance-bsl.zip',
        mimeType: 'application/zip',
        buffer: Buffer.from('Not an archive'),
      });
      await page
        .getByRole('alert')
        .filter({ hasText: /archive/u })
        .waitFor({ timeout: 10_000 });
      expect(await audit(page)).toEqual([]);
    } finally {
      await inLanguage(page, 'fr-CA');
    }
  });

  it('« Voter en liste » open on a phone (390 × 844) while a vote is open', async () => {
    await api('/votes', {
      title: 'Nos conditions du matin',
      boardIds: [board('territory').id],
      dotsPerParticipant: 3,
    });
    const phone = await open({ viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      await openBoard(phone, board('territory').edit.url);
      await phone.getByText('Il vous reste 3 points').waitFor({ timeout: 10_000 });
      await phone.getByRole('button', { name: 'Voter en liste', exact: true }).tap();
      await phone.getByRole('dialog', { name: 'Nos conditions du matin' }).waitFor();
      expect(await audit(phone, '[role="dialog"]')).toEqual([]);
      expect(await audit(phone)).toEqual([]);
      // A dot given from the list, then back on the board with its badge.
      await phone
        .getByRole('button', { name: /^Donner un point à/u })
        .first()
        .tap();
      await phone.getByText('Il vous reste 2 points').first().waitFor();
      expect(await audit(phone, '[role="dialog"]')).toEqual([]);
      await phone.getByRole('button', { name: 'Revenir au tableau' }).tap();
      await phone.locator('.vote-dot.mine').first().waitFor();
      expect(await audit(phone)).toEqual([]);
    } finally {
      await phone.context().close();
    }
  });
});
