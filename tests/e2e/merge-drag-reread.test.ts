// « Les incontournables » are read again while the forum page shows them (another facilitator's
// change, the 30 s clock). A read landing while the facilitator drags one idea onto another to
// merge them redrew the list under the pointer: an idea set aside above it, the target slid up a
// row and the drop merged into the idea that took its place. The page now holds its reads during
// a drag and shows a read that landed meanwhile once the idea is dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Request, Route } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, forumRequest, territoryBoard, type CreatedForum } from './fixtures';
import { writeNotes } from './forum-notes';

const IDEAS = ['Participation citoyenne', 'Bon leadership', 'Transport collectif', 'Logement'];

describe('merging by dragging while the list is read again', () => {
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

  it('drops on the idea under the pointer when it was dragged, not the one a read slid there', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'fr-CA',
    });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
      const items = page.locator('#forum-compilation .compilation-item');
      await items.nth(IDEAS.length - 1).waitFor({ timeout: 15_000 });
      await items.first().scrollIntoViewIfNeeded();
      const keys = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-key')!));
      expect(keys).toHaveLength(IDEAS.length);
      const [first, source, target] = keys as [string, string, string];

      // The next read of the list is held on its way.
      let held: Route | null = null;
      let heldNow = () => {};
      const asked = new Promise<void>((resolve) => (heldNow = resolve));
      await page.route('**/compilation', (route, request: Request) => {
        if (request.method() !== 'GET' || held) return route.continue();
        held = route;
        heldNow();
      });
      // Another facilitator sets aside the list's first idea: the room says the list changed.
      const aside = await forumRequest(server, forum, '/compilation', {
        method: 'PUT',
        body: { setAside: { [first]: true } },
      });
      expect(aside.status).toBe(200);
      await asked;

      // The facilitator drags the second idea onto the third, as the read comes in.
      const box = async (key: string) =>
        (await page.locator(`[data-key="${key}"] .item-text`).boundingBox())!;
      const from = await box(source);
      const to = await box(target);
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10);
      await page.locator(`[data-key="${source}"].dragging`).waitFor({ timeout: 5_000 });
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 4 });
      const answered = page.waitForResponse(
        (r) => r.request().method() === 'GET' && r.url().endsWith('/compilation'),
      );
      await held!.continue();
      // The read landing mid-drag holds the change: its list starts a row higher.
      const read = (await (await answered).json()) as { items: { key: string }[] };
      expect(read.items.map((i) => i.key)).not.toContain(first);
      // The page has handled the answer and drawn what it would (two frames).
      await page.evaluate(
        () =>
          new Promise<void>((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
          ),
      );
      // A hand never holds quite still: the pointer moves a pixel, then lets go.
      await page.mouse.move(to.x + to.width / 2 + 1, to.y + to.height / 2);
      await page.mouse.up();

      // Merged into the idea it was dragged onto (without the hold: « Logement », slid under the
      // pointer); the read's list, first idea set aside, shown after the drop.
      await page.locator('.merge-notice button').waitFor({ timeout: 10_000 });
      const stored = (await (
        await forumRequest(server, forum, '/compilation', { method: 'GET' })
      ).json()) as { merges: Record<string, string> };
      expect(stored.merges[source]).toBe(target);
      await page.waitForFunction(
        (key) => !document.querySelector(`#forum-compilation .compilation-item[data-key="${key}"]`),
        first,
        { timeout: 10_000 },
      );
    } finally {
      await context.close();
    }
  });
});
