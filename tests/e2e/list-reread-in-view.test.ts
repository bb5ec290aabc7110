// « Les incontournables » are read again every 30 s for the notes' words (FORUM_REREAD_MS), each
// read a whole compilation: ~150 kB of JSON for a 10-board forum of 800 notes, uncompressed, on
// the venue's wifi. The forum page sits all day at its top (timer, spotlight, votes) with the
// list far below, and three facilitators may keep it open: ~260 MB a day for a list nobody was
// looking at. The page now reads it again on its clock only while the list is on screen, and
// once as it comes back on screen after a read was skipped; a change to the list itself
// (another facilitator's merge, a vote closing) is still read at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, forumRequest, territoryBoard, type CreatedForum } from './fixtures';
import { writeNotes } from './forum-notes';

const REREAD_MS = 30_000;

describe('the list read again while it is on screen', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['Kamouraska'], templates: false });
    const kamouraska = territoryBoard(forum);
    await writeNotes(server, kamouraska, ['Participation citoyenne', 'Bon leadership']);
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

  /** Counts the list's reads this page asks for from now on; the count, once any is asked. */
  function listReads(page: Page): () => Promise<number> {
    let reads = 0;
    page.on('request', (r) => {
      if (r.method() === 'GET' && new URL(r.url()).pathname.endsWith('/compilation')) reads += 1;
    });
    return async () => {
      // A later request of the page's own is asked after any read its clock started.
      await page.evaluate(() => fetch('/healthz').then(() => undefined));
      return reads;
    };
  }

  it('skips the 30 s reads while the list is off screen, reads once as it comes back', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'fr-CA',
    });
    await context.clock.install();
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
      const list = page.locator('#forum-compilation');
      await list.locator('.compilation-item').first().waitFor({ timeout: 15_000 });
      await page.evaluate(() => window.scrollTo(0, 0));
      // Off screen at the page's top (the forum's boards, timer and votes come first).
      expect(await list.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThan(768);
      const reads = listReads(page);

      await context.clock.fastForward(REREAD_MS);
      await context.clock.fastForward(REREAD_MS);
      expect(await reads()).toBe(0);

      // Back on screen: one read for the ticks it missed, then one per tick.
      const read = page.waitForRequest(
        (r) => r.method() === 'GET' && new URL(r.url()).pathname.endsWith('/compilation'),
      );
      await list.scrollIntoViewIfNeeded();
      await read;
      expect(await reads()).toBe(1);
      await context.clock.fastForward(REREAD_MS);
      expect(await reads()).toBe(2);
    } finally {
      await context.close();
    }
  });
});
