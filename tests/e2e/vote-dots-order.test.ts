// « Voter en liste » on a venue's wifi: two dots given within one round trip. Each answer of the
// server is the voter's whole set of dots; the two requests' answers may come back in either
// order. The first one's, arriving last, must not put back the dots as they were between the two
// (one dot shown gone, one more left than the participant has).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, type CreatedForum } from './fixtures';
import { votedWallOnPhone } from './forum-notes';

describe('two dots in flight at once', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;
  let helene: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['Kamouraska'], templates: false });
    helene = await votedWallOnPhone(browser, server, forum);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('the later answer stays shown when the earlier one arrives after it', async () => {
    await helene.getByRole('button', { name: 'Voter en liste', exact: true }).tap();
    await helene.locator('.vote-list-status[data-remaining="5"]').waitFor({ timeout: 5_000 });

    // The first dot reaches the server first and is counted there; its answer is held back
    // until the second dot's answer has reached the page.
    let secondAnswered!: () => void;
    const second = new Promise<void>((resolve) => (secondAnswered = resolve));
    let firstDelivered!: () => void;
    const firstDone = new Promise<void>((resolve) => (firstDelivered = resolve));
    let firstCounted!: () => void;
    const counted = new Promise<void>((resolve) => (firstCounted = resolve));
    let seen = 0;
    await helene.route('**/votes/*/dots', async (route: Route) => {
      if (route.request().method() !== 'POST') return route.continue();
      // Which request this is, taken before the fetch: the second can arrive while the first's
      // fetch is still on its way, and read after it both requests were the second.
      seen += 1;
      const nth = seen;
      const response = await route.fetch();
      if (nth === 1) {
        firstCounted();
        await second;
        await route.fulfill({ response });
        firstDelivered();
      } else {
        await route.fulfill({ response });
        secondAnswered();
      }
    });
    const row = (n: number) => helene.locator('.vote-list-note').nth(n);
    await row(0)
      .getByRole('button', { name: /^Donner un point à/ })
      .tap();
    // Counted by the server before the second dot leaves: sent is not enough, as the held
    // request's own fetch may start after the second's on a loaded machine (the server then
    // answered the second with 4 left, not 3).
    await counted;
    await row(5)
      .getByRole('button', { name: /^Donner un point à/ })
      .tap();
    // The second answer shown: both dots counted, 3 left.
    await helene.locator('.vote-list-status[data-remaining="3"]').waitFor({ timeout: 15_000 });
    await firstDone;
    // The page has read the first answer (a later request of its own is answered after it) and
    // drawn what it does with it.
    await helene.evaluate(async () => {
      await fetch('/healthz').catch(() => undefined);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    });
    await helene.unroute('**/votes/*/dots');

    const mine = await helene
      .locator('.vote-list-note')
      .evaluateAll((items) =>
        items.slice(0, 6).map((li) => Number((li as HTMLElement).dataset['mine'])),
      );
    expect({
      mine,
      remaining: await helene.locator('.vote-list-status').getAttribute('data-remaining'),
    }).toEqual({ mine: [1, 0, 0, 0, 0, 1], remaining: '3' });
  });
});
