// The projector opened over the venue's overloaded wifi as the room waits: its first
// « Chargement du tableau… » said nothing more however long it lasted, where a board link's says
// « Le réseau est lent : la page arrive, gardez-la ouverte. » after 4 s (BoardLoading). It now
// says it too, once, on the page's own loading screen (the board's info still coming) and on the
// projector's screen (the plenary's board and the forum's territories still coming), one wait from the first
// showing. The network is not slowed: the requests are held back, and the page's clock is driven.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { createForum, type CreatedForum, serverAndBrowser } from './fixtures';
import { SHOTS } from '../support/server';

const LOADING = 'Chargement du tableau…';
const SLOW = 'Le réseau est lent\u00a0: la page arrive, gardez-la ouverte.';

const suite = serverAndBrowser();

describe('the projector’s first « Chargement du tableau… » on a slow network', () => {
  let forum: CreatedForum;
  let context: BrowserContext;
  const plenary = () => forum.boards.find((b) => b.kind === 'plenary')!;
  const projectorUrl = () =>
    `${suite.server.url}/p/${plenary().id}#token=${forum.facilitator.token}`;

  beforeAll(async () => {
    forum = await createForum(suite.server, { territories: ['Kamouraska'] });
    context = await suite.browser.newContext({
      viewport: { width: 1280, height: 720 },
      locale: 'fr-CA',
    });
  });

  afterAll(async () => {
    await context?.close();
  });

  /** Nothing said at 3 s, the slow line at 4.1 s in `where`, once on the page. */
  async function saysSlowAfter4s(page: Page, where: string) {
    const region = page.locator(`${where} [role="status"]`);
    await region.waitFor({ state: 'attached' });
    expect(await region.innerText()).toBe('');
    await page.clock.runFor(3_000);
    expect(await region.innerText()).toBe('');
    await page.clock.runFor(1_100);
    await region.filter({ hasText: SLOW }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: SLOW }).count()).toBe(1);
    expect(await page.getByText(LOADING).count()).toBe(1);
  }

  it('while the board’s info is still coming', async () => {
    const page = await context.newPage();
    try {
      await page.clock.install();
      const held: Route[] = [];
      let holding = true;
      await page.route(
        (url) => url.pathname === `/api/boards/${plenary().id}`,
        (route) => (holding ? void held.push(route) : route.continue()),
      );
      await page.goto(projectorUrl());
      await page.getByText(LOADING).waitFor({ timeout: 10_000 });
      await saysSlowAfter4s(page, '.page-message');
      await page.clock.resume();
      holding = false;
      await Promise.all(held.splice(0).map((route) => route.continue()));
      // The projection comes; the line goes with the loading text.
      await page.locator('main.projector .projector-footer').waitFor({ timeout: 15_000 });
      expect(await page.getByText(SLOW).count()).toBe(0);
      expect(await page.getByText(LOADING).count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('while the plenary’s board and territories are still coming', async () => {
    const page = await context.newPage();
    try {
      await page.clock.install();
      const held: string[] = [];
      let holding = true;
      let send: ((message: string | Buffer) => void) | null = null;
      await page.routeWebSocket(
        (url) => url.pathname.split('/').pop() === plenary().id,
        (route) => {
          const server = route.connectToServer();
          send = (message) => route.send(message);
          server.onMessage((message) => {
            if (holding) held.push(message as string);
            else route.send(message);
          });
        },
      );
      // And the forum's territories, whose mosaic would be a slide of its own.
      const listed: Route[] = [];
      await page.route(
        (url) => url.pathname === `/api/forums/${forum.forum.id}/boards`,
        (route) => (holding ? void listed.push(route) : route.continue()),
      );
      await page.goto(projectorUrl());
      // The projector's own screen, its board not synced yet.
      await page
        .locator('main.projector .projector-loading')
        .filter({ hasText: LOADING })
        .waitFor({ timeout: 10_000 });
      await saysSlowAfter4s(page, 'main.projector .projector-loading');
      await page.screenshot({ path: join(SHOTS, 'projector-slow.png') });
      await page.clock.resume();
      holding = false;
      for (const message of held.splice(0)) send!(message);
      await Promise.all(listed.splice(0).map((route) => route.continue()));
      // The territories' mosaic (the plenary's board is empty): no loading, no slow line.
      await page.locator('main.projector li.mosaic-tile').first().waitFor({ timeout: 15_000 });
      expect(await page.getByText(SLOW).count()).toBe(0);
      expect(await page.locator('.projector-loading').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
