// The projector on the wall while the server drops (the venue's wifi, a stopped laptop): its
// timer and vote would stay on screen as if live. It says in French that the connection is lost
// and greys the timer, and stops saying it once the server is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, type CreatedForum } from './fixtures';

describe('projector mode: a lost connection', () => {
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

  it('says so in French, greys the timer, and stops saying it once the server is back', async () => {
    const started = await fetch(`${server.url}/api/forums/${forum.forum.id}/timer`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${forum.facilitator.token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ action: 'start', durationMs: 600_000 }),
    });
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

    await server.restart();
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.locator('main.projector').getAttribute('data-connection')).toBe('connected');
  });
});
