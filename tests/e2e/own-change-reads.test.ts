// « Les incontournables » are read again when the forum room says the list changed (compiledAt),
// each read a whole compilation (~150 kB for a 10-board forum). The room says so for the page's
// own changes too, whose PUT answers the whole list already: every merge, idea set aside or
// rewording cost a second compilation for nothing. The PUT's answer now says its version
// (updatedAt, the room's compiledAt), and the page reads no version it holds; another
// facilitator's change is still read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, forumRequest, territoryBoard, type CreatedForum } from './fixtures';
import { writeNotes } from './forum-notes';

const IDEAS = ['Participation citoyenne', 'Bon leadership', 'Transport collectif', 'Logement'];

describe('the forum page’s own changes to the list', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['Kamouraska'], templates: false });
    const kamouraska = territoryBoard(forum);
    await writeNotes(server, kamouraska, IDEAS);
    const compiled = await forumRequest(server, forum, '/compilation', {
      method: 'PUT',
      body: { boardIds: [kamouraska.id] },
    });
    expect(compiled.status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const isRead = (method: string, url: string) =>
    method === 'GET' && new URL(url).pathname.endsWith('/compilation');

  /** Counts the list's reads this page asks for from now on. */
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

  it('reads the list again for another facilitator’s change, not for its own', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'fr-CA',
    });
    // The 30 s clock's reads left out: the page's time stands still once the list is shown.
    await context.clock.install();
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
      const list = page.locator('#forum-compilation');
      const item = (text: string) =>
        list.locator('.compilation-item', { has: page.locator('.item-text', { hasText: text }) });
      await item(IDEAS[3]!).waitFor({ timeout: 15_000 });
      await list.scrollIntoViewIfNeeded();
      await context.clock.pauseAt(Date.now() + 1000);
      // The page's first reads (on opening, the room's first compiledAt) are over.
      await page.waitForLoadState('networkidle');
      const reads = listReads(page);

      // Two ideas set aside on this page, each answered by its PUT.
      for (const text of [IDEAS[0]!, IDEAS[2]!]) {
        await page
          .getByRole('button', { name: `Écarter «\u00a0${text}\u00a0» des incontournables` })
          .click();
        await item(text).waitFor({ state: 'detached', timeout: 10_000 });
      }
      // Another facilitator sets one aside: the room says so after its echoes of this page's.
      const key = await item(IDEAS[1]!).getAttribute('data-key');
      const read = page.waitForRequest((r) => isRead(r.method(), r.url()));
      const aside = await forumRequest(server, forum, '/compilation', {
        method: 'PUT',
        body: { setAside: { [key!]: true } },
      });
      expect(aside.status).toBe(200);
      await read;
      await item(IDEAS[1]!).waitFor({ state: 'detached', timeout: 10_000 });
      // One read, the other facilitator's (without the version: three, one per change).
      expect(await reads()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
