// The facilitator page as a facilitator meets it on a forum day (usability audit): the QR code
// handouts it prints, the forum archive it downloads, « Les incontournables » still there after a
// reload, a vote that is not closed by a slip, and failures said in plain French.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newParticipant, savedDownload, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { addNote, createForum, openBoard, type CreatedForum } from './fixtures';
import { boxes, offScreen } from './layout-boxes';

describe('the facilitator page', () => {
  let server: CartonServer;
  let browser: Browser;
  let facilitator: Participant;
  let forum: CreatedForum;
  let forumUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, {
      territories: ['Kamouraska', 'Rivière-du-Loup'],
      templates: false,
    });
    forumUrl = `${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`;
    facilitator = await newParticipant(browser, 'Marie-Anne', {
      viewport: { width: 1366, height: 768 },
    });
    await facilitator.page.goto(forumUrl);
    await facilitator.page.locator('.forum-links tr[data-kind="territory"]').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('prints the QR code handouts: every link in full, never the facilitator link', async () => {
    const page = facilitator.page;
    await page.getByRole('button', { name: 'Imprimer les codes QR' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    try {
      // The facilitator link opens the whole forum: it must not end up on a table's sheet.
      expect(await page.locator('.keep-link').isVisible()).toBe(false);
      expect(await page.locator('body').innerText()).not.toContain(forum.facilitator.token);
      for (const section of ['.votes', '.compilation', '.forum-timer-controls']) {
        expect(await page.locator(section).isVisible(), section).toBe(false);
      }
      expect(await page.locator('.link-actions').first().isVisible()).toBe(false);
      // Each link written out whole (a printed field is cut to its width), rows kept whole.
      const board = forum.boards.find((b) => b.kind === 'territory')!;
      const row = page.locator(`tr[data-board-id="${board.id}"]`);
      const printed = row.locator('td[data-role="edit"] .link-print-url');
      expect(await printed.isVisible()).toBe(true);
      expect(await printed.textContent()).toBe(board.edit.url);
      expect(await row.evaluate((tr) => getComputedStyle(tr).breakInside)).toBe('avoid');
      expect(await row.locator('img.qr').count()).toBe(2);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(await page.locator('.keep-link').isVisible()).toBe(true);
    expect(await page.locator('.link-print-url').first().isVisible()).toBe(false);
  });

  it('downloads the forum archive from the page', async () => {
    const page = facilitator.page;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger l’archive du forum (.zip)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const bytes = readFileSync(await savedDownload(download));
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await page
      .locator('.archive-status', { hasText: `Archive téléchargée` })
      .waitFor({ timeout: 10_000 });
  });

  it('shows « Les incontournables » and their merges again after a reload', async () => {
    // Two notes on Kamouraska's board, written in a tab of the same laptop (its edit link, as a
    // participant's; a browser context of its own costs a second of CPU for nothing read here).
    const board = await facilitator.context.newPage();
    const kamouraska = forum.boards.find((b) => b.title.includes('Kamouraska'))!;
    await openBoard(board, kamouraska.edit.url);
    await addNote(board, 300, 450, 'Rémunération pour les personnes citoyennes');
    await board.keyboard.press('Escape');
    await addNote(board, 600, 450, 'Remunération des personnes citoyennes');
    await board.close();

    const page = facilitator.page;
    const items = page.locator('.compilation-item');
    const item = (text: string) =>
      items.filter({ has: page.locator('.item-text', { hasText: text }) });
    await page.getByRole('button', { name: 'Compiler' }).click();
    await item('Remunération des personnes citoyennes').waitFor({ timeout: 10_000 });
    await item('Remunération des personnes citoyennes')
      .locator('select')
      .selectOption({ label: 'Rémunération pour les personnes citoyennes' });
    await item('Rémunération pour les personnes citoyennes')
      .locator('.item-count', { hasText: '2 fois' })
      .waitFor({ timeout: 10_000 });

    await page.reload();
    // Without pressing « Compiler » again: the merged list is there, ready to download.
    await item('Rémunération pour les personnes citoyennes')
      .locator('.item-count', { hasText: '2 fois' })
      .waitFor({ timeout: 10_000 });
    expect(await items.count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Télécharger (Markdown)' }).isEnabled()).toBe(
      true,
    );
  });

  it('asks before closing a vote, and a cancel keeps it open', async () => {
    const page = facilitator.page;
    await page.locator('.vote-title').fill('Nos priorités');
    await page.getByRole('button', { name: 'Ouvrir le vote', exact: true }).click();
    const vote = page.locator('li.vote[data-state="open"]');
    await vote.waitFor({ timeout: 10_000 });
    await vote.getByRole('button', { name: 'Fermer le vote' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('Personne ne pourra plus placer de points');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await vote.getAttribute('data-state')).toBe('open');
    await vote.getByRole('button', { name: 'Fermer le vote' }).click();
    await dialog.getByRole('button', { name: 'Fermer le vote' }).click();
    await page.locator('li.vote[data-state="closed"]').waitFor({ timeout: 10_000 });
  });

  it('warns before opening a vote over boards where one is still open', async () => {
    const page = facilitator.page;
    const open = page.locator('li.vote[data-state="open"]');
    await page.locator('.vote-title').fill('Nos priorités');
    await page.getByRole('button', { name: 'Ouvrir le vote', exact: true }).click();
    await open.first().waitFor({ timeout: 10_000 });
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    // A board shows only its newest open vote: a second one would hide the first, unsaid.
    await page.locator('.vote-title').fill('Les incontournables');
    await page.getByRole('button', { name: 'Ouvrir le vote', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('Un vote est déjà ouvert');
    expect(text).toContain('Nos priorités');
    expect(text).toContain('quand même');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await open.count()).toBe(1);
    await page.getByRole('button', { name: 'Ouvrir le vote', exact: true }).click();
    await dialog.getByRole('button', { name: 'Ouvrir quand même' }).click();
    await open.nth(1).waitFor({ timeout: 10_000 });
    expect(await open.first().locator('strong').textContent()).toBe('Les incontournables');
    for (const id of await open.evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-vote-id')),
    )) {
      const closed = await fetch(`${server.url}/api/forums/${forum.forum.id}/votes/${id}/close`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${forum.facilitator.token}` },
      });
      expect(closed.status).toBe(200);
    }
    await open.first().waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('says a failed action in plain French (here: the wifi drops as the timer starts)', async () => {
    const page = facilitator.page;
    await page.route('**/api/forums/*/timer', (route) => route.abort('internetdisconnected'));
    try {
      await page.getByRole('button', { name: 'Démarrer' }).click();
      const alert = page.locator('.forum-timer-controls [role="alert"]');
      await alert.waitFor({ timeout: 10_000 });
      const text = await alert.textContent();
      expect(text).toContain('Le serveur ne répond pas');
      expect(text).not.toMatch(/fetch/i);
    } finally {
      await page.unroute('**/api/forums/*/timer');
    }
  });

  it('jumps to « Les incontournables » from the top, keeping the token in the address', async () => {
    const page = facilitator.page;
    await page.evaluate(() => window.scrollTo(0, 0));
    const heading = page.getByRole('heading', { name: 'Les incontournables' });
    expect(await heading.evaluate((h) => h.getBoundingClientRect().top > innerHeight)).toBe(true);
    await page
      .getByRole('navigation', { name: 'Sections de la page' })
      .getByRole('button', { name: 'Les incontournables' })
      .click();
    await page.waitForFunction(() => {
      const top = document.querySelector('#forum-compilation')?.getBoundingClientRect().top;
      return top !== undefined && top >= 0 && top < innerHeight / 2;
    });
    // The sections stay one click away further down the page.
    expect(await page.getByRole('navigation', { name: 'Sections de la page' }).isVisible()).toBe(
      true,
    );
    expect(page.url()).toContain(`#token=${forum.facilitator.token}`);
  });

  it('asks before restarting a running timer, and a cancel keeps it running', async () => {
    const page = facilitator.page;
    const controls = page.locator('.forum-timer-controls');
    await controls.locator('.forum-minutes').fill('5');
    await controls.getByRole('button', { name: 'Démarrer' }).click();
    await controls.getByRole('button', { name: 'Pause' }).waitFor({ timeout: 10_000 });
    await controls.getByRole('button', { name: 'Pause' }).click();
    const timer = page.locator('.forum-header [data-testid="forum-timer"]');
    await page.locator('.forum-header [data-testid="forum-timer"][data-state="paused"]').waitFor();
    const before = await timer.locator('.forum-timer-value').textContent();
    await controls.locator('.forum-minutes').fill('1');
    await controls.getByRole('button', { name: 'Démarrer' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('Recommencer la minuterie à 1 minute');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await timer.getAttribute('data-state')).toBe('paused');
    expect(await timer.locator('.forum-timer-value').textContent()).toBe(before);
    await controls.getByRole('button', { name: 'Démarrer' }).click();
    await dialog.getByRole('button', { name: 'Recommencer' }).click();
    await page.locator('.forum-header [data-testid="forum-timer"][data-state="running"]').waitFor();
    await timer.locator('.forum-timer-value', { hasText: /^[01]:\d\d$/ }).waitFor();
    await controls.getByRole('button', { name: 'Arrêter' }).click();
    await dialog.getByRole('button', { name: 'Arrêter la minuterie' }).click();
    // Stopped on the server before the next test drives the timer (a late stop paused nothing).
    await timer.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('the paused timer reads from afar on the projector and on the plenary board', async () => {
    const timerCall = (body: unknown) =>
      fetch(`${server.url}/api/forums/${forum.forum.id}/timer`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${forum.facilitator.token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      });
    expect((await timerCall({ action: 'start', durationMs: 300_000 })).status).toBe(200);
    expect((await timerCall({ action: 'pause' })).status).toBe(200);
    // The facilitator's own browser, a tab on the room's screen (a context less to create).
    const screen = { page: await facilitator.context.newPage() };
    await screen.page.setViewportSize({ width: 1920, height: 1080 });
    try {
      const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
      const fontSize = (selector: string) =>
        screen.page.locator(selector).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      await screen.page.goto(`${server.url}/p/${plenary.id}#token=${forum.facilitator.token}`);
      await screen.page.locator('.forum-timer[data-state="paused"]').waitFor({ timeout: 10_000 });
      // « en pause » was 13.6 px under a 64 px time: unreadable past the first rows.
      expect(await fontSize('.forum-timer .forum-timer-note')).toBeGreaterThanOrEqual(24);
      await openBoard(
        screen.page,
        `${server.url}/b/${plenary.id}#token=${forum.facilitator.token}`,
      );
      await screen.page.locator('.forum-timer[data-state="paused"]').waitFor({ timeout: 10_000 });
      expect(await fontSize('.forum-kit .forum-timer-value')).toBeGreaterThanOrEqual(28);
      expect(await fontSize('.forum-kit .forum-timer-note')).toBeGreaterThanOrEqual(17);
    } finally {
      await screen.page.close();
      await timerCall({ action: 'stop' });
    }
  });

  it('at 0:00: no « Pause », « +1 minute » gives a whole minute, « Démarrer » asks nothing', async () => {
    const page = facilitator.page;
    const controls = page.locator('.forum-timer-controls');
    const timerValue = page.locator('.forum-header .forum-timer-value');
    const runOut = async () => {
      const answer = await fetch(`${server.url}/api/forums/${forum.forum.id}/timer`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${forum.facilitator.token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ action: 'start', durationMs: 1_000 }),
      });
      expect(answer.status).toBe(200);
      await page.locator('.forum-header .forum-timer-done').waitFor({ timeout: 10_000 });
    };
    await runOut();
    expect(await controls.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    // « Temps écoulé ! » pulses, but not for someone who asked their system for less motion.
    const done = page.locator('.forum-header .forum-timer-done');
    const animation = () => done.evaluate((el) => getComputedStyle(el).animationName);
    expect(await animation()).toBe('forum-pulse');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await animation()).toBe('none');
    await page.emulateMedia({ reducedMotion: null });
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/timer') && r.method() === 'POST'),
      controls.getByRole('button', { name: '+1 minute' }).click(),
    ]);
    expect(request.postDataJSON()).toEqual({ action: 'start', durationMs: 60_000 });
    await timerValue.filter({ hasText: /^(1:00|0:5\d)$/ }).waitFor({ timeout: 10_000 });

    await runOut();
    await controls.locator('.forum-minutes').fill('3');
    await controls.getByRole('button', { name: 'Démarrer' }).click();
    await timerValue.filter({ hasText: /^[23]:\d\d$/ }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await controls.getByRole('button', { name: 'Arrêter' }).click();
    // Time was left: stopping asks first.
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: 'Arrêter la minuterie' })
      .click();
    await page.locator('.forum-header .forum-timer').waitFor({ state: 'detached' });
  });

  it('« Mode projection » opens in its own tab and the forum page stays', async () => {
    const page = facilitator.page;
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const row = page.locator(`tr[data-board-id="${plenary.id}"]`);
    const [projector] = await Promise.all([
      facilitator.context.waitForEvent('page'),
      row.getByRole('link', { name: 'Mode projection' }).click(),
    ]);
    await projector.locator('main.projector').waitFor({ timeout: 10_000 });
    // Its link leaves the address bar, which a projected window shows to the room.
    expect(projector.url()).toMatch(new RegExp(`/p/${plenary.id}$`));
    expect(page.url()).toBe(forumUrl);
    await projector.close();
  });

  it('Escape on the projector opened from the forum page leaves with no link on its screen', async () => {
    // It went to the board page at /b/<board>#token=<the facilitator link>: the address bar of
    // the projected window showed the room the link that « Mode projection » had just hidden.
    const page = facilitator.page;
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const row = page.locator(`tr[data-board-id="${plenary.id}"]`);
    const [projector] = await Promise.all([
      facilitator.context.waitForEvent('page'),
      row.getByRole('link', { name: 'Mode projection' }).click(),
    ]);
    await projector.locator('main.projector').waitFor({ timeout: 10_000 });
    const left = Promise.race([
      projector.waitForEvent('close').then(() => 'closed'),
      projector.waitForURL(/\/b\//).then(() => projector.url()),
    ]);
    // The tab may be gone before the key is up: what happened is read from `left`.
    await projector.keyboard.press('Escape').catch(() => undefined);
    // The tab closes: the forum page's tab, which opened it, is under it.
    expect(await left).toBe('closed');
    expect(page.url()).toBe(forumUrl);
  });

  it('fits a phone: no sideways scrolling, both links of a board in view one after the other', async () => {
    const phone = await newParticipant(browser, 'Marie-Anne', {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
    });
    try {
      await phone.page.goto(forumUrl);
      const board = forum.boards.find((b) => b.kind === 'territory')!;
      const view = phone.page.locator(`tr[data-board-id="${board.id}"] td[data-role="view"]`);
      await view.waitFor();
      // The table was 469 px wide: the view links and their QR codes were off the screen.
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
      const box = (await view.locator('img.qr').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      // The sections bar stays one row high.
      const bar = (await phone.page.locator('.forum-nav').boundingBox())!;
      expect(bar.height).toBeLessThan(70);
      // It scrolls sideways: « Vote par points » was cut at the right edge, nothing saying more
      // followed. That edge shows a finger-sized arrow; taps on it bring the last section whole.
      const sections = () => boxes(phone.page, '.forum-nav > button:not(.panel-edge)');
      expect(offScreen(await sections(), 390)).not.toEqual([]);
      const nav = phone.page.locator('.forum-nav');
      const scrolled = () => nav.evaluate((el) => el.scrollLeft);
      for (let tap = 0; tap < 4; tap++) {
        const arrow = await boxes(phone.page, '.forum-nav .panel-edge.end');
        if (tap === 0) expect(arrow).toHaveLength(1);
        if (arrow.length === 0) break;
        expect(offScreen(arrow, 390)).toEqual([]);
        expect(arrow[0]!.bottom - arrow[0]!.top).toBeGreaterThanOrEqual(44);
        const before = await scrolled();
        const { left, right, top, bottom } = arrow[0]!;
        await phone.page.touchscreen.tap((left + right) / 2, (top + bottom) / 2);
        // The row moved and came to rest (a smooth scroll: a few frames, more on a busy
        // machine). Waiting for `scrollend` instead hung when the scroll ended before the
        // listener was in place, at load 20–30.
        let last = before;
        await expect
          .poll(
            async () => {
              const now = await scrolled();
              const resting = now !== before && now === last;
              last = now;
              return resting;
            },
            { timeout: 15_000, interval: 150 },
          )
          .toBe(true);
      }
      const archive = async () =>
        (await sections()).filter((b) => b.name.includes('Archive du forum'));
      await expect.poll(async () => offScreen(await archive(), 390)).toEqual([]);
      await phone.page.locator('.forum-nav .panel-edge.start').waitFor();
      // A board's « Renommer », « Retirer », « Copier vers… » are finger-sized (they were 36 px high).
      const actions = await phone.page
        .locator(`tr[data-board-id="${board.id}"] .board-manage .link-button`)
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      expect(actions.length).toBeGreaterThanOrEqual(3);
      for (const r of actions) {
        expect(r.height).toBeGreaterThanOrEqual(44);
        expect(r.left).toBeGreaterThanOrEqual(0);
        expect(r.right).toBeLessThanOrEqual(390);
      }
    } finally {
      await phone.context.close();
    }
  });
});
