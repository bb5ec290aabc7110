// Forum day as a first-time facilitator meets it (laptop 1366×768, phone 390×844): a dot vote
// closed too early is reopened from the forum page (V5) — a participant keeps the dots placed and
// the budget they leave — and reopening over the boards of another open vote asks first; the
// confirmations answer the keyboard; the printed handout is one sheet per table with the code to
// scan said in words; the phone's targets are finger-sized; a dropped server is said in plain
// French (a facilitator link that opens nothing: forum-bad-link.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { REPO_ROOT, startServer, type CartonServer } from '../support/server';
import {
  addNote,
  createForum,
  newPhone,
  openBoard,
  shapes,
  toScreen,
  type CreatedForum,
} from './fixtures';
import { boxes, offScreen, overlaps } from './layout-boxes';
import { inLanguage, resized } from './shared-pages';

const SHOTS = `${REPO_ROOT}test-results/screenshots`;

async function noteCentre(page: Page, text: string): Promise<{ x: number; y: number }> {
  const note = (await shapes(page)).find((s) => s.type === 'note' && s.text === text);
  if (note?.type !== 'note') throw new Error(`no note ${text}`);
  return toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
}

describe('forum day: reopening a dot vote', () => {
  let server: CartonServer;
  let browser: Browser;
  let facilitator: Participant;
  let emilie: Participant;
  let forum: CreatedForum;
  const voteRow = (title: string) =>
    facilitator.page.locator('.vote-list li.vote').filter({ hasText: title });
  /**
   * Sylvain's phone, for the vote's banner, then the forum and home pages' finger targets: one
   * context for them (each ~1 s, ~3–5 s on a loaded CI machine).
   */
  let sylvain: { context: BrowserContext; page: Page } | undefined;
  const sylvainPhone = async () => (sylvain ??= await newPhone(browser, 'Sylvain'));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    facilitator = await newParticipant(browser, 'Marie-Anne', {
      viewport: { width: 1366, height: 768 },
    });
    emilie = await newParticipant(browser, 'Émilie');
    forum = await createForum(server, { territories: ['Kamouraska', 'Témiscouata'] });
  });

  afterAll(async () => {
    await sylvain?.context.close();
    await browser?.close();
    await server?.dispose();
  });

  it('a closed vote reopens with its dots; each participant keeps what they had left', async () => {
    const kamouraska = forum.boards.find((b) => b.title.includes('Kamouraska'))!;
    await openBoard(emilie.page, kamouraska.edit.url);
    await addNote(emilie.page, 300, 620, 'Participation citoyenne');
    await emilie.page.keyboard.press('Escape');
    await addNote(emilie.page, 620, 620, 'Bon leadership');
    await emilie.page.keyboard.press('Escape');

    const page = facilitator.page;
    await page.goto(`${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
    await page.locator('.vote-title').fill('Nos incontournables', { timeout: 15_000 });
    await page.getByRole('button', { name: 'Ouvrir le vote', exact: true }).click();

    await emilie.page.getByText('Il vous reste 3 points').waitFor({ timeout: 10_000 });
    await emilie.page.bringToFront();
    const spot = await noteCentre(emilie.page, 'Participation citoyenne');
    await emilie.page.mouse.click(spot.x, spot.y);
    await emilie.page.getByText('Il vous reste 2 points').waitFor();
    await emilie.page.mouse.click(spot.x, spot.y);
    await emilie.page.getByText('Il vous reste 1 point', { exact: true }).waitFor();

    // Closed too early, by mistake.
    await page.bringToFront();
    await voteRow('Nos incontournables').getByRole('button', { name: 'Fermer le vote' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Fermer le vote' }).click();
    await voteRow('Nos incontournables').locator('.vote-results li').first().waitFor();
    await emilie.page.locator('.vote-banner').waitFor({ state: 'detached', timeout: 10_000 });

    // « Rouvrir le vote » asks first, saying the dots stay.
    await voteRow('Nos incontournables').getByRole('button', { name: 'Rouvrir le vote' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('Les points déjà placés restent comptés');
    await page.screenshot({ path: `${SHOTS}/forum-day-reopen-confirm.png` });
    await dialog.getByRole('button', { name: 'Rouvrir le vote' }).click();
    await page.locator('.vote-list li.vote[data-state="open"]').waitFor({ timeout: 10_000 });
    expect(await voteRow('Nos incontournables').textContent()).toContain('ouvert, 2 points placés');
    // The ranking of the closed vote is gone while dots can change again.
    expect(await voteRow('Nos incontournables').locator('.vote-results').count()).toBe(0);
    // The keyboard lands on the button that replaced the one pressed.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Fermer le vote');

    // Émilie's two dots are still hers: one left, then none.
    await emilie.page.getByText('Il vous reste 1 point', { exact: true }).waitFor({
      timeout: 10_000,
    });
    expect(await emilie.page.locator('button.vote-dot.mine').textContent()).toBe('2');
    await emilie.page.bringToFront();
    const other = await noteCentre(emilie.page, 'Bon leadership');
    await emilie.page.mouse.click(other.x, other.y);
    // « Il vous reste 0 point » read as a count still to spend.
    await emilie.page
      .locator('.vote-remaining', { hasText: /^Vous avez placé tous vos points$/u })
      .waitFor();
    // One more click: not the same words again, but what to do to place it there.
    await emilie.page.mouse.click(other.x, other.y);
    await emilie.page
      .getByText('Vous avez placé tous vos points\u00A0: retirez-en un pour le placer ailleurs.')
      .waitFor();
    await emilie.page.screenshot({ path: `${SHOTS}/forum-day-reopened-board.png` });

    await page.bringToFront();
    await voteRow('Nos incontournables').getByText('ouvert, 3 points placés').waitFor();
    await page.keyboard.press('Enter'); // « Fermer le vote », focused
    await page.getByRole('alertdialog').getByRole('button', { name: 'Fermer le vote' }).click();
    const results = voteRow('Nos incontournables').locator('.vote-results li');
    await results.nth(1).waitFor({ timeout: 10_000 });
    expect(await results.first().locator('.result-count').textContent()).toBe('2 points');
    expect(await results.nth(1).locator('.result-text').textContent()).toBe('Bon leadership');
  });

  it('reopening over the boards of another open vote warns first; a cancel keeps it closed', async () => {
    const page = facilitator.page;
    await page.locator('.vote-title').fill('Deuxième tour');
    await page.getByRole('button', { name: 'Ouvrir le vote', exact: true }).click();
    await voteRow('Deuxième tour').and(page.locator('[data-state="open"]')).waitFor();
    // The « Question » field is cleared once the vote opened (it kept « Deuxième tour »).
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('.vote-title')?.value === '',
      undefined,
      { timeout: 10_000 },
    );
    await voteRow('Nos incontournables').getByRole('button', { name: 'Rouvrir le vote' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('Le vote «\u00a0Deuxième tour\u00a0» est ouvert');
    await page.screenshot({ path: `${SHOTS}/forum-day-reopen-warning.png` });
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await voteRow('Nos incontournables').getAttribute('data-state')).toBe('closed');
    // Émilie's board shows the open vote, with its own budget of 3.
    await emilie.page.getByText('Il vous reste 3 points').waitFor({ timeout: 10_000 });
    expect(await emilie.page.locator('.vote-banner strong').textContent()).toBe('Deuxième tour');
  });

  it('a vote restored from the forum’s archive comes back closed, and « Rouvrir le vote » opens it', async () => {
    const zip = await fetch(`${server.url}/api/forums/${forum.forum.id}/archive.zip`, {
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
    });
    expect(zip.status).toBe(200);
    const response = await fetch(`${server.url}/api/forums/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/zip' },
      body: Buffer.from(await zip.arrayBuffer()),
    });
    expect(response.status).toBe(201);
    const restored = (await response.json()) as CreatedForum;
    const page = await facilitator.context.newPage();
    try {
      await page.goto(`${server.url}/f/${restored.forum.id}#token=${restored.facilitator.token}`);
      const row = page.locator('.vote-list li.vote').filter({ hasText: 'Nos incontournables' });
      await row.waitFor({ timeout: 15_000 });
      expect(await row.getAttribute('data-state')).toBe('closed');
      await row.getByRole('button', { name: 'Rouvrir le vote' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Rouvrir le vote' }).click();
      await page
        .locator('.vote-list li.vote[data-state="open"]')
        .filter({ hasText: 'Nos incontournables' })
        .waitFor({ timeout: 10_000 });
      // Its three dots came back with it and still count.
      expect(await row.textContent()).toContain('ouvert, 3 points placés');
    } finally {
      await page.close();
    }
  });

  it('a participant votes from the keyboard: Enter on the chosen note, Delete takes the dot back', async () => {
    const page = emilie.page;
    await page.bringToFront();
    await page.getByText('Il vous reste 3 points').waitFor({ timeout: 10_000 });
    const note = (await shapes(page)).find(
      (s) => s.type === 'note' && s.text === 'Participation citoyenne',
    )!;
    await page.locator('.canvas').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight'); // chooses the first shape; Tab goes on from it
    for (let i = 0; i < 20; i++) {
      const chosen = await page.evaluate(() => window.__carton!.selection());
      if (chosen.length === 1 && chosen[0] === note.id) break;
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([note.id]);
    // The board's keys line (the canvas's description) says what Enter and Suppr do in the vote.
    const help = await page.locator('#canvas-help').innerText();
    expect(help).toContain('Entrée\u00a0: y placer un point');
    expect(help).toContain('Suppr\u00a0: retirer votre point');
    expect(help).not.toContain('écrire dans la forme');
    const announcer = page.locator('[data-testid="announcer"]');
    // The chosen note says its dots; none of them is mine yet.
    expect(await announcer.innerText()).toMatch(/, (aucun point|\d+ points?), \d+ sur \d+$/u);
    await page.keyboard.press('Enter');
    await page.getByText('Il vous reste 2 points').waitFor({ timeout: 10_000 });
    await announcer.filter({ hasText: /\d+ points?, dont 1 à vous, \d+ sur \d+$/u }).waitFor();
    // Enter voted: it did not open the note for writing.
    expect(await page.locator('textarea.text-editor').count()).toBe(0);
    await page.keyboard.press('Delete');
    await page.getByText('Il vous reste 3 points').waitFor({ timeout: 10_000 });
    // Delete took the dot back, not the note.
    expect((await shapes(page)).some((s) => s.id === note.id)).toBe(true);

    // Enter on an empty note says why no dot went there, and says it again in English once
    // the page is switched (it stayed French among English words).
    const empty = (await shapes(page)).find((s) => s.type === 'note' && s.text === '')!;
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 20; i++) {
      const chosen = await page.evaluate(() => window.__carton!.selection());
      if (chosen.length === 1 && chosen[0] === empty.id) break;
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([empty.id]);
    await page.keyboard.press('Enter');
    const alert = page.locator('.vote-banner [role="alert"]');
    await alert.filter({ hasText: /^Ce papillon est vide/u }).waitFor();
    await inLanguage(page, 'en');
    try {
      expect(await alert.innerText()).toBe('This note is empty: place your dot on a written idea.');
    } finally {
      await inLanguage(page, 'fr-CA');
    }
    expect(await alert.innerText()).toMatch(/^Ce papillon est vide/u);
  });

  it('a confirmation closes on Escape and gives the focus back to the button that opened it', async () => {
    const page = facilitator.page;
    const reopen = voteRow('Nos incontournables').getByRole('button', { name: 'Rouvrir le vote' });
    await reopen.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    // Tab stays inside the dialog.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((box) => box.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await voteRow('Nos incontournables').getAttribute('data-state')).toBe('closed');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Rouvrir le vote');
  });

  it('the timer by keyboard: the focus stays on « Pause » / « Reprendre »; « Arrêter » asks first', async () => {
    const page = facilitator.page;
    const controls = page.locator('.forum-timer-controls');
    await controls.locator('.forum-minutes').fill('5');
    await controls.getByRole('button', { name: 'Démarrer' }).click();
    const timer = page.locator('.forum-header [data-testid="forum-timer"]');
    await timer.and(page.locator('[data-state="running"]')).waitFor({ timeout: 10_000 });
    await controls.getByRole('button', { name: 'Pause' }).focus();
    await page.keyboard.press('Enter');
    await timer.and(page.locator('[data-state="paused"]')).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reprendre');
    await page.keyboard.press('Enter');
    await timer.and(page.locator('[data-state="running"]')).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pause');

    // One slip beside « +1 minute » would throw the time left away.
    await controls.getByRole('button', { name: 'Arrêter' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('Le temps qui reste sera perdu');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await timer.getAttribute('data-state')).toBe('running');
    await controls.getByRole('button', { name: 'Arrêter' }).click();
    await dialog.getByRole('button', { name: 'Arrêter la minuterie' }).click();
    await timer.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('prints one sheet per board: the code to scan is the big one, said in words', async () => {
    const page = facilitator.page;
    await page.emulateMedia({ media: 'print' });
    try {
      const row = page.locator('.forum-links tr[data-kind="territory"]').first();
      expect(await row.evaluate((tr) => getComputedStyle(tr).breakAfter)).toBe('page');
      const instruction = row.locator('.qr-instruction[data-role="edit"]');
      expect(await instruction.isVisible()).toBe(true);
      expect(await instruction.textContent()).toContain('Scannez ce code');
      expect(await instruction.textContent()).toContain('Kamouraska');
      const edit = await row.locator('td[data-role="edit"] img.qr').boundingBox();
      const view = await row.locator('td[data-role="view"] img.qr').boundingBox();
      expect(edit!.width).toBeGreaterThan(2 * view!.width);
      expect(await row.locator('.qr-instruction[data-role="view"]').textContent()).toContain(
        'regarder seulement',
      );
      await page.pdf({ path: `${SHOTS}/forum-day-handout.pdf` });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(await page.locator('.qr-instruction').first().isVisible()).toBe(false);
  });

  it('on a phone the vote’s banner fits the screen above the toolbar, its button in reach', async () => {
    // « Deuxième tour » is open on Kamouraska (above).
    const kamouraska = forum.boards.find((b) => b.title.includes('Kamouraska'))!;
    const { page } = await sylvainPhone();
    await openBoard(page, kamouraska.edit.url);
    const banner = page.locator('.vote-banner');
    await banner.getByText('Il vous reste 3 points').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: `${SHOTS}/forum-day-phone-vote.png` });
    const box = (await banner.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // It was a strip of one word per line, taller than half the phone.
    expect(box.height).toBeLessThan(844 / 4);
    const toolbar = (await page.locator('nav.toolbar').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(toolbar.y);
    const toggle = (await banner
      .getByRole('button', { name: 'Revenir aux outils' })
      .boundingBox())!;
    expect(toggle.x + toggle.width).toBeLessThanOrEqual(390);
    expect(toggle.height).toBeGreaterThanOrEqual(44);
    // A finger taps: the hint says so (behind « ? » on a phone, below).
    expect(await banner.locator('.hint').textContent()).toMatch(/^Touchez un papillon/);
  });

  it('on a phone the vote’s banner is a line or two; how to vote is one tap away', async () => {
    // It took ~330 of 844 px (title, dots left, a three-line hint, the button) and covered the
    // lower half of the carton. « Deuxième tour » is open on Kamouraska (above).
    const kamouraska = forum.boards.find((b) => b.title.includes('Kamouraska'))!;
    const { context, page } = await sylvainPhone();
    const sizes = [
      { width: 390, height: 844 },
      { width: 360, height: 640 },
    ];
    for (const [language, remaining, how] of [
      ['fr-CA', 'Il vous reste 3 points', /^Touchez un papillon/],
      ['en', 'You have 3 dots left', /^Tap a note/],
    ] as const) {
      await resized(page, sizes[0]!);
      // Loaded once, at the first size: in French the board is already open from the test above
      // (unless this test runs alone); English comes from the board's own language switch (a
      // page load less on the phone), then the phone is turned to the next size.
      if (!page.url().startsWith(kamouraska.edit.url.split('#')[0]!)) {
        await context.addInitScript(() => localStorage.setItem('carton.language', 'fr-CA'));
        await page.goto('about:blank'); // the same URL again would only move to its #hash
        await openBoard(page, kamouraska.edit.url);
      }
      if ((await page.locator('html').getAttribute('lang')) !== language) {
        await page
          .getByRole('button', { name: language === 'en' ? /English/ : /Français/ })
          .click();
        await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
      }
      for (const size of sizes) {
        await resized(page, size);
        const banner = page.locator('.vote-banner');
        await banner.getByText(remaining).waitFor({ timeout: 10_000 });
        const where = `${language} ${size.width}×${size.height}`;
        const box = (await banner.boundingBox())!;
        // Two lines of 44 px targets at most, « Voter en liste » beside « Revenir aux outils »,
        // and nothing of it off the screen.
        expect(box.height, where).toBeLessThanOrEqual(112);
        const parts = await boxes(page, '.vote-banner > *');
        expect(offScreen(parts, size.width, size.height), where).toEqual([]);
        expect(overlaps(parts), where).toEqual([]);
        expect(await banner.locator('strong').textContent()).toBe('Deuxième tour');
        // The hint is behind a tap, then said in full; a second tap folds it again.
        const hint = banner.locator('.hint');
        expect(await hint.isVisible(), where).toBe(false);
        const more = banner.locator('button.vote-more');
        expect(await more.getAttribute('aria-expanded')).toBe('false');
        expect((await more.boundingBox())!.height).toBeGreaterThanOrEqual(44);
        await more.click();
        await hint.waitFor();
        expect(await hint.textContent()).toMatch(how);
        const open = await boxes(page, '.vote-banner > *');
        expect(offScreen(open, size.width, size.height), where).toEqual([]);
        expect(overlaps(open), where).toEqual([]);
        await more.click();
        await hint.waitFor({ state: 'hidden' });
        if (size.width === 360)
          await page.screenshot({ path: `${SHOTS}/vote-banner-${language}-360.png` });
      }
    }
  });

  it('a board’s export is named with the forum’s day, not the day it is exported', async () => {
    const setDate = (date: string | null) =>
      fetch(`${server.url}/api/forums/${forum.forum.id}`, {
        method: 'PATCH',
        headers: {
          Authorization: `Bearer ${forum.facilitator.token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ date }),
      });
    expect((await setDate('2023-10-19')).status).toBe(200);
    try {
      const page = emilie.page;
      await page.bringToFront();
      await page.getByRole('button', { name: 'Exporter / Importer' }).click();
      await page.getByLabel('Tableau complet (JSON)').check();
      const [file] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        page.getByRole('button', { name: 'Télécharger' }).click(),
      ]);
      expect(file.suggestedFilename()).toMatch(/-kamouraska-2023-10-19\.json$/);
    } finally {
      await emilie.page.keyboard.press('Escape');
      await setDate(null);
    }
  });

  it('replacing a link says the printed QR codes stop working too; a cancel keeps it', async () => {
    const page = facilitator.page;
    const row = page.locator('.forum-links tr[data-kind="territory"]').first();
    const before = await row.locator('td[data-role="edit"] input.link-url').inputValue();
    await row
      .locator('td[data-role="edit"]')
      .getByRole('button', { name: 'Remplacer le lien' })
      .click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('codes QR déjà imprimés');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await row.locator('td[data-role="edit"] input.link-url').inputValue()).toBe(before);
  });

  it('« Les incontournables »: a merge is said in words and « Annuler la fusion » undoes it', async () => {
    const page = facilitator.page;
    const panel = page.locator('.compilation');
    await panel.getByRole('button', { name: 'Compiler' }).click();
    const item = (text: string) =>
      panel.locator(`.compilation-item[data-key="${text.toLocaleLowerCase('fr-CA')}"]`);
    await item('Bon leadership').waitFor({ timeout: 10_000 });
    await item('Participation citoyenne').waitFor();
    const before = await panel.locator('.compilation-item').count();
    // Each idea's menu says which idea it merges (they all read « Fusionner avec… » before).
    await panel
      .getByRole('combobox', { name: 'Fusionner «\u00a0Bon leadership\u00a0» avec…' })
      .selectOption({ label: 'Participation citoyenne' });
    const notice = panel.locator('.merge-notice');
    await notice.getByRole('button', { name: 'Annuler la fusion' }).waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain(
      '«\u00a0Bon leadership\u00a0» fait maintenant partie de «\u00a0Participation citoyenne\u00a0»',
    );
    expect(await panel.locator('.compilation-item').count()).toBe(before - 1);
    await page.screenshot({ path: `${SHOTS}/forum-day-merge-undo.png` });
    await notice.getByRole('button', { name: 'Annuler la fusion' }).click();
    await item('Bon leadership').waitFor({ timeout: 10_000 });
    expect(await panel.locator('.compilation-item').count()).toBe(before);
  });

  it('« Vos forums sur cet appareil »: a forum is taken off the list, and « Annuler » brings it back', async () => {
    // The facilitator's laptop has had the forum page open since the first test: a new tab home.
    const page = await facilitator.context.newPage();
    try {
      await page.goto(`${server.url}/`);
      const saved = page.locator(`.home-boards li[data-forum-id="${forum.forum.id}"]`);
      await saved.waitFor();
      await saved.getByRole('button', { name: /^Retirer de cet appareil le forum «.*»$/ }).click();
      await saved.waitFor({ state: 'detached' });
      const notice = page.locator('.forget-notice');
      expect(await notice.textContent()).toContain('Le forum reste sur le serveur');
      expect(await page.evaluate(() => localStorage.getItem('carton.forums') ?? '')).not.toContain(
        forum.facilitator.token,
      );
      // The keyboard goes on to « Annuler ».
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Annuler');
      await page.screenshot({ path: `${SHOTS}/forum-day-forget-forum.png` });
      await page.keyboard.press('Enter');
      await saved.waitFor();
      await page.reload();
      await saved.getByRole('link').waitFor();
      expect(await saved.getByRole('link').getAttribute('href')).toContain(forum.facilitator.token);
    } finally {
      await page.close();
    }
  });

  it('on a phone every control of the forum and home pages is a finger target (44 px)', async () => {
    // Sylvain's phone, back in French (the banner's test left it in English).
    const { context, page } = await sylvainPhone();
    await context.addInitScript(() => localStorage.setItem('carton.language', 'fr-CA'));
    await page.setViewportSize({ width: 390, height: 844 }); // the banner's test turned it
    const small = (selector: string) =>
      page.locator(selector).evaluateAll((elements) =>
        elements
          .map((el) => ({ el, box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && box.height > 0)
          .filter(({ box }) => box.height < 43.5 || box.width < 43.5)
          .map(
            ({ el, box }) => `${el.textContent?.trim() || el.className} ${box.width}×${box.height}`,
          ),
      );
    await page.goto(`${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
    await page.locator('.forum-links tr').first().waitFor({ timeout: 15_000 });
    await page.locator('.votes').screenshot({ path: `${SHOTS}/forum-day-phone-votes.png` });
    expect(
      await small(
        '.forum-page button, .forum-page select, .forum-page input.link-url, .forum-page input.vote-title, .forum-page input.vote-dots, .board-choice label, .forum-links a.open-board',
      ),
    ).toEqual([]);
    await page.goto(`${server.url}/`);
    await page.locator('.territory-list li').first().waitFor();
    expect(await small('.home button')).toEqual([]);
  });

  it('a forum page that cannot reach the server says to check the wifi, and « Réessayer »', async () => {
    const page = await facilitator.context.newPage();
    try {
      // The venue's wifi drops as the page opens: the link itself is fine.
      await page.route('**/api/forums/**', (route) => route.abort('internetdisconnected'));
      await page.goto(`${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 15_000 });
      expect(await alert.textContent()).toContain('Le serveur ne répond pas');
      expect(await alert.textContent()).not.toContain('copié en entier');
      await page.unroute('**/api/forums/**');
      await alert.getByRole('button', { name: 'Réessayer' }).click();
      await page.locator('.forum-links tr').first().waitFor({ timeout: 15_000 });
    } finally {
      await page.close();
    }
  });

  it('« Ouvrir le vote » on a slow wifi takes one click, not two votes', async () => {
    const page = facilitator.page;
    const panel = page.locator('.votes');
    const requests: string[] = [];
    // The slow wifi: the request is held until the page has shown it waits (both clicks made).
    let answer = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    await page.route('**/api/forums/*/votes', async (route) => {
      requests.push(route.request().method());
      await held;
      await route.continue();
    });
    try {
      const choice = panel.locator('.board-choice');
      for (const name of ['Kamouraska', 'Témiscouata']) {
        await choice.getByLabel(name).uncheck();
      }
      await choice.getByLabel('Cartes postales').check();
      await panel.locator('.vote-title').fill('Cartes postales : nos coups de cœur');
      // Twice, as an impatient finger does while nothing seems to happen.
      await panel.locator('button.vote-open').dblclick();
      await panel.getByRole('button', { name: 'Ouverture du vote…' }).waitFor();
      answer();
      await voteRow('Cartes postales : nos coups de cœur').waitFor({ timeout: 10_000 });
      await panel.getByRole('button', { name: 'Ouvrir le vote', exact: true }).waitFor();
      expect(requests).toEqual(['POST']);
      expect(await voteRow('Cartes postales : nos coups de cœur').count()).toBe(1);
    } finally {
      answer();
      await page.unroute('**/api/forums/*/votes');
    }
  });

  it('the server stops: the forum page says so at once, and stops saying it once it is back', async () => {
    // The facilitator's forum page, open since the first test (the last test here).
    const page = facilitator.page;
    await page.bringToFront();
    await page.locator('main.forum-page[data-connection="connected"]').waitFor({
      timeout: 15_000,
    });
    expect(await page.locator('.forum-connection').count()).toBe(0);
    await server.kill('SIGKILL');
    const banner = page.locator('.forum-connection[data-connection="lost"]');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toContain('Connexion au serveur perdue');
    await page.screenshot({ path: `${SHOTS}/forum-day-server-down.png` });
    await server.restart();
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.locator('main.forum-page').getAttribute('data-connection')).toBe('connected');
  });
});
