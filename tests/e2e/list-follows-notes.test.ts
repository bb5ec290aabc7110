// « Les incontournables » follow the notes' words, on the projector's list slide (« Projeter la
// liste ») and on the forum page: a participant correcting a note on her board changes no room
// either page holds, so the words projected to the room stayed the old ones until some change to
// the list (a merge, a wording). Both now read the list again every FORUM_REREAD_MS (30 s, as the
// forum page reads its boards); the test moves the pages' clock on by that much.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { localOrigin } from '@carton/board';
import {
  createForum,
  forumRequest,
  territoryBoard,
  type CreatedForum,
  serverAndBrowser,
} from './fixtures';
import { seedClientOn, writeNotes, type WrittenNote } from './forum-notes';

const NOTES = ['Participation citoyene', 'Bon leadership', 'Plaisir'];
const CORRECTED = 'Participation citoyenne';
/** FORUM_REREAD_MS (apps/web/src/forum/refreshWhenBack.ts). */
const REREAD_MS = 30_000;

const suite = serverAndBrowser();

describe('the compiled list follows a note corrected on a board', () => {
  let forum: CreatedForum;
  let context: BrowserContext;
  let forumPage: Page;
  let projector: Page;
  let first: WrittenNote | undefined;

  beforeAll(async () => {
    forum = await createForum(suite.server, { territories: ['Kamouraska'], templates: false });
    const kamouraska = territoryBoard(forum);
    [first] = await writeNotes(suite.server, kamouraska, NOTES);
    const compiled = await forumRequest(suite.server, forum, '/compilation', {
      method: 'PUT',
      body: { boardIds: [kamouraska.id] },
    });
    expect(compiled.status).toBe(200);
    context = await suite.browser.newContext({
      viewport: { width: 1280, height: 720 },
      locale: 'fr-CA',
    });
    await context.clock.install();
    const token = forum.facilitator.token;
    forumPage = await context.newPage();
    await forumPage.goto(`${suite.server.url}/f/${forum.forum.id}#token=${token}`);
    projector = await context.newPage();
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    await projector.goto(`${suite.server.url}/p/${plenary.id}#token=${token}&slide=list`);
    for (const [page, item] of [
      [forumPage, '.compilation-item .item-text'],
      [projector, '.projector-list li .result-text'],
    ] as const) {
      await page.locator(item, { hasText: NOTES[0]! }).waitFor({ timeout: 15_000 });
    }
  });

  it('shows the corrected words on the projector and the forum page', async () => {
    const { board, close } = await seedClientOn(suite.server, territoryBoard(forum));
    board.run((tx) => tx.update(first!.shapeId, { text: CORRECTED }), localOrigin('user:seed'));
    // On the server once its own compilation reads the new words.
    const compilation = async () =>
      (await (
        await forumRequest(suite.server, forum, '/compilation', { method: 'GET' })
      ).json()) as {
        items: { text: string }[];
      };
    await expect
      .poll(async () => (await compilation()).items.map((item) => item.text), { timeout: 10_000 })
      .toContain(CORRECTED);
    close();
    await forumPage.bringToFront();
    // The facilitator looks at the list: its 30 s reads are made while it is on screen.
    await forumPage.locator('#forum-compilation').scrollIntoViewIfNeeded();
    await context.clock.fastForward(REREAD_MS);
    await projector
      .locator('.projector-list li .result-text', { hasText: CORRECTED })
      .waitFor({ timeout: 10_000 });
    await forumPage
      .locator('.compilation-item .item-text', { hasText: CORRECTED })
      .waitFor({ timeout: 10_000 });
    expect(
      await projector.locator('.projector-list li .result-text').allTextContents(),
    ).not.toContain(NOTES[0]);
  });
});
