// « Les incontournables » are read once when the forum page opens. The panel read the list on
// opening (to show it again, with its boards ticked) and again when the forum room gave its first
// compiledAt, the version it already held: two reads of a whole compilation (~150 kB for a
// 10-board forum, over the venue's wifi) for one list. The opening read now counts as the page's
// own read in flight: the room's version is read only if newer than the one it answered, and the
// vote ranking the list, heard with the room's first state, is no vote closed meanwhile.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { forumRoomName } from '@carton/board';
import {
  createForum,
  forumRequest,
  serverAndBrowser,
  territoryBoard,
  type CreatedForum,
} from './fixtures';
import { writeNotes } from './forum-notes';

const VOTE = 'Vote d’essai';
const IDEAS = ['Participation citoyenne', 'Bon leadership', 'Transport collectif', 'Logement'];

const suite = serverAndBrowser();

describe('opening the forum page with « Les incontournables » compiled', () => {
  let forum: CreatedForum;
  let openVote: string;

  beforeAll(async () => {
    forum = await createForum(suite.server, { territories: ['Kamouraska'], templates: false });
    const kamouraska = territoryBoard(forum);
    await writeNotes(suite.server, kamouraska, IDEAS);
    const compiled = await forumRequest(suite.server, forum, '/compilation', {
      method: 'PUT',
      body: { boardIds: [kamouraska.id] },
    });
    expect(compiled.status).toBe(200);
    // A closed vote ranks the list (the room's rankingVote); an open one is the room's state
    // on the page.
    const ranking = await forumRequest(suite.server, forum, '/votes', {
      body: { title: 'Premier tour', boardIds: [kamouraska.id], dotsPerParticipant: 3 },
    });
    const { id } = ((await ranking.json()) as { vote: { id: string } }).vote;
    const close = await forumRequest(suite.server, forum, `/votes/${id}/close`, { body: {} });
    expect(close.status).toBe(200);
    const vote = await forumRequest(suite.server, forum, '/votes', {
      body: { title: VOTE, boardIds: [kamouraska.id], dotsPerParticipant: 3 },
    });
    expect(vote.status).toBe(201);
    openVote = ((await vote.json()) as { vote: { id: string } }).vote.id;
  });

  const isRead = (method: string, url: string) =>
    method === 'GET' && new URL(url).pathname.endsWith('/compilation');

  /** The list's reads this page asks for, from its first request on. */
  function listReads(page: Page): () => Promise<number> {
    let reads = 0;
    page.on('request', (r) => {
      if (isRead(r.method(), r.url())) reads += 1;
    });
    return async () => {
      // A later request of the page's own is asked after any read it started before.
      await page.evaluate(() => fetch('/healthz').then(() => undefined));
      return reads;
    };
  }

  /** A context for the forum's page, its 30 s clock's reads left out. */
  async function forumPage() {
    const context = await suite.browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'fr-CA',
    });
    await context.clock.install();
    const page = await context.newPage();
    return { context, page, reads: listReads(page) };
  }

  const open = (page: Page) =>
    page.goto(`${suite.server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
  const listShown = (page: Page) =>
    page
      .locator('#forum-compilation .compilation-item .item-text', { hasText: IDEAS[3]! })
      .waitFor({ timeout: 15_000 });
  /** The room's first state applied (its compiledAt with it): its open vote is on the page. */
  const roomSynced = (page: Page) => page.getByText(VOTE).first().waitFor({ timeout: 15_000 });

  it('reads the list once when the room’s compiledAt comes after the list', async () => {
    const { context, page, reads } = await forumPage();
    try {
      // The forum room's messages held until the list is shown.
      let release = () => {};
      await page.routeWebSocket(
        (url) => url.pathname.endsWith(`/${forumRoomName(forum.forum.id)}`),
        (route) => {
          const server = route.connectToServer();
          const held: (string | Buffer)[] = [];
          let holding = true;
          server.onMessage((m) => (holding ? held.push(m) : route.send(m)));
          release = () => {
            holding = false;
            held.splice(0).forEach((m) => route.send(m));
          };
        },
      );
      await open(page);
      await listShown(page);
      expect(await page.getByText(VOTE).count()).toBe(0);
      release();
      await roomSynced(page);
      await page.waitForLoadState('networkidle');
      expect(await reads()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('reads the list once when the room’s compiledAt comes while the list is on its way', async () => {
    const { context, page, reads } = await forumPage();
    try {
      // The list's reads held until the room's first state is on the page.
      const held: Route[] = [];
      let holding = true;
      await page.route(
        (url) => url.pathname.endsWith('/compilation'),
        (route) => (holding ? void held.push(route) : route.continue()),
      );
      await open(page);
      await roomSynced(page);
      holding = false;
      await Promise.all(held.splice(0).map((r) => r.continue()));
      await listShown(page);
      await page.waitForLoadState('networkidle');
      expect(await reads()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('still reads the list again when a vote closes while the page is open', async () => {
    const { context, page, reads } = await forumPage();
    try {
      await open(page);
      await listShown(page);
      await roomSynced(page);
      await page.waitForLoadState('networkidle');
      expect(await reads()).toBe(1);
      // The open vote closes: it ranks the list now, read again at once.
      const read = page.waitForRequest((r) => isRead(r.method(), r.url()));
      const close = await forumRequest(suite.server, forum, `/votes/${openVote}/close`, {
        body: {},
      });
      expect(close.status).toBe(200);
      await read;
      await page.waitForLoadState('networkidle');
      expect(await reads()).toBe(2);
    } finally {
      await context.close();
    }
  });
});
