// « Les incontournables »: every change the facilitator makes on the forum page is a PUT that
// answers the whole list. Two clicks close together (« Écarter » on two ideas) on a slow server or
// a venue's wifi have two PUTs in flight; the first one's answer, arriving last, showed the list
// as it was between the two: « Bon leadership », set aside on the server, back in the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, type CreatedForum } from './fixtures';
import { openCompiledList, postcardWall, writeNotes } from './forum-notes';

describe('« Les incontournables » answers out of order', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['Kamouraska'], templates: false });
    await writeNotes(server, postcardWall(forum), ['Écoute', 'Bon leadership', 'Plaisir']);
    page = await openCompiledList(browser, server, forum);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('keeps the newest list when the first of two changes is answered last', async () => {
    const items = page.locator('.compilation-item');
    // « Compiler » answered (its label is back): no PUT of it left in flight.
    await page.getByRole('button', { name: 'Compiler', exact: true }).waitFor();
    expect(await items.count()).toBe(3);
    // The first PUT's answer is held until the second's is on the page.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let firstDone!: () => void;
    const firstAnswered = new Promise<void>((resolve) => (firstDone = resolve));
    let held = false;
    await page.route('**/compilation', async (route) => {
      if (route.request().method() !== 'PUT' || held) return route.continue();
      held = true;
      const response = await route.fetch();
      firstDone();
      await released;
      await route.fulfill({ response });
    });
    const setAside = (text: string) =>
      page.getByRole('button', { name: `Écarter «\u00a0${text}\u00a0» des incontournables` });
    await setAside('Écoute').click();
    // The first change done on the server before the second is sent: sent is not enough, as the
    // held request's own fetch may start after the second's on a loaded machine, and the server
    // then answered the second with one idea set aside, not two (a fresh-clone CI run waited
    // 30 s for « Écartées (2) »).
    await firstAnswered;
    await setAside('Bon leadership').click();
    await page.locator('.compilation-set-aside summary', { hasText: 'Écartées (2)' }).waitFor();
    expect(await items.allTextContents()).toHaveLength(1);
    // The late answer comes in; once its body is read, two frames let the page render it.
    const late = page.waitForEvent('requestfinished', (r) => r.method() === 'PUT');
    release();
    await late;
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    expect(await items.locator('.item-text').allTextContents()).toEqual(['Plaisir']);
    expect(await page.locator('.compilation-set-aside summary').textContent()).toBe('Écartées (2)');
  });
});
