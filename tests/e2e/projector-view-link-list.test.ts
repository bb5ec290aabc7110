// A projector opened on the plenary with its view link (a second screen in the room, a
// volunteer's laptop): « Les incontournables » are the facilitators' (C6, GET /compilation with
// their link only), so the list's slides never come for it. The page asked for the list anyway,
// on opening and at each change of it (the forum room's compiledAt) — each answered 403 over the
// venue's wifi and logged by the server as a refused request. It now asks only with the
// facilitator's link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, forumRequest, territoryBoard, type CreatedForum } from './fixtures';
import { writeNotes } from './forum-notes';

describe('a projector opened with the plenary’s view link', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['Kamouraska'], templates: false });
    const kamouraska = territoryBoard(forum);
    await writeNotes(server, kamouraska, ['Participation citoyenne', 'Bon leadership']);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('does not ask for « Les incontournables », on opening nor when they change', async () => {
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      locale: 'fr-CA',
    });
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.endsWith('/compilation')) asked.push(r.url());
    });
    try {
      await page.goto(`${server.url}/p/${plenary.id}#token=${plenary.view.token}`);
      const slides = page.locator('[data-votes-open]');
      await slides.waitFor({ timeout: 15_000 });
      // The facilitators compile the list, then open a vote on the plenary: once the projector
      // shows the vote, the room's word on the list came before it.
      const compiled = await forumRequest(server, forum, '/compilation', {
        method: 'PUT',
        body: { boardIds: [territoryBoard(forum).id] },
      });
      expect(compiled.status).toBe(200);
      const opened = await forumRequest(server, forum, '/votes', {
        body: { title: 'Nos incontournables', boardIds: [plenary.id], dotsPerParticipant: 3 },
      });
      expect(opened.status).toBeLessThan(300);
      await page.locator('[data-votes-open="1"]').waitFor({ timeout: 10_000 });
      // A later request of the page's own is asked after any its effects asked before.
      await page.evaluate(() => fetch('/healthz').then(() => undefined));
      expect(asked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
