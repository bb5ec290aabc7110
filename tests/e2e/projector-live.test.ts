// Projector mode. It draws a territory's photos (a flyer on the carton), not a grey placeholder:
// they need the board's token, so the live board fetches them once and the slides use them.
// On the wall (1920×1080) it follows the day by itself: a dot vote closed from the forum page
// brings its results up; and while the server drops (the venue's wifi, a stopped laptop), where
// its timer and vote would stay on screen as if live, it says in French that the connection is
// lost and greys the timer, and stops saying it once the server is back.
// One projector page for the three (the photo's case was a file and a browser of its own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { REPO_ROOT, startServer, type CartonServer } from '../support/server';
import { createForum, forumRequest, territoryBoard, type CreatedForum } from './fixtures';
import { CARTONS, fillTerritory, uploadFlyer } from './plenary-cartons';

describe('projector mode', () => {
  let server: CartonServer;
  let browser: Browser;
  let projector: Participant;
  let forum: CreatedForum;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    projector = await newParticipant(browser, null, { viewport: { width: 1920, height: 1080 } });
    forum = await createForum(server, { territories: ['Kamouraska', 'La Matanie'] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const api = (path: string, body: unknown) => forumRequest(server, forum, path, { body });

  it('shows the photo on Témiscouata’s carton, from a view link, at 1280 × 720', async () => {
    const board = territoryBoard(await createForum(server, { territories: ['Témiscouata'] }));
    await fillTerritory(
      server.syncUrl,
      board,
      CARTONS['Témiscouata']!,
      await uploadFlyer(server.url, board),
    );
    const room = projector;
    await room.page.setViewportSize({ width: 1280, height: 720 });
    await room.page.goto(`${server.url}/p/${board.id}#token=${board.view.token}`);
    await room.page
      .locator('.projector-slide svg text')
      .filter({ hasText: 'Concertation' })
      .waitFor({ timeout: 15_000 });
    const photo = room.page.locator('.projector-slide svg image[data-type="image"]');
    await photo.waitFor({ timeout: 10_000 });
    expect(await photo.getAttribute('href')).toMatch(/^blob:/);
    // Drawn, not broken: the browser decoded the flyer's pixels.
    const size = await photo.boundingBox();
    expect(size!.width).toBeGreaterThan(40);
    expect(room.errors.filter((e) => /image|blob/i.test(e))).toEqual([]);
  });

  it('a vote closed while a carton is projected brings its results up', async () => {
    const kamouraska = forum.boards.find((b) => b.title.includes('Kamouraska'))!;
    const page = projector.page;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${server.url}/p/${kamouraska.id}#token=${forum.facilitator.token}`);
    const main = page.locator('main.projector');
    await main.locator('.projector-slide svg').waitFor({ timeout: 15_000 });
    const opened = await api('/votes', {
      title: 'Nos incontournables',
      boardIds: [kamouraska.id],
      dotsPerParticipant: 3,
    });
    expect(opened.status).toBe(201);
    const { vote } = (await opened.json()) as { vote: { id: string } };
    // The projector has seen the vote open before it closes.
    await page.locator('main.projector[data-votes-open="1"]').waitFor({ timeout: 10_000 });
    expect(await main.getAttribute('data-slide')).toBe('0');
    expect((await api(`/votes/${vote.id}/close`, {})).status).toBe(200);
    await main.locator('.projector-results').waitFor({ timeout: 10_000 });
    expect(await main.getAttribute('data-slide')).toBe(
      String(Number(await main.getAttribute('data-slides')) - 1),
    );
    expect(await main.locator('.projector-results h2').innerText()).toBe(
      'Résultats du vote\u00a0: Nos incontournables',
    );
  });

  it('says so in French, greys the timer, and stops saying it once the server is back', async () => {
    const started = await api('/timer', { action: 'start', durationMs: 600_000 });
    expect(started.status).toBe(200);
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const page = projector.page;
    await page.goto(`${server.url}/p/${plenary.id}#token=${forum.facilitator.token}`);
    const main = page.locator('main.projector[data-connection="connected"]');
    await main.waitFor({ timeout: 15_000 });
    await page.getByTestId('forum-timer').waitFor({ timeout: 10_000 });
    expect(await page.locator('.projector-connection').count()).toBe(0);

    await server.kill('SIGKILL');
    const banner = page.locator('.projector-connection[data-connection="lost"]');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(await banner.innerText()).toBe(
      'Connexion au serveur perdue. La minuterie, le vote et les cartons affichés peuvent ne plus être à jour. Reconnexion en cours…',
    );
    const timerOpacity = await page
      .getByTestId('forum-timer')
      .evaluate((e) => Number(getComputedStyle(e).opacity));
    expect(timerOpacity).toBeLessThan(1);
    await page.screenshot({ path: `${REPO_ROOT}test-results/screenshots/projector-lost.png` });

    await server.restart();
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.locator('main.projector').getAttribute('data-connection')).toBe('connected');
  });
});
