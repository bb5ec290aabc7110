// « Mettre la liste sur la plénière » pressed again after the room's vote on the list, with
// nothing changed in the list: the list on the plenary is the one that was voted on. The page
// left out every vote already over the plenary at the press, so it proposed the plenary alone
// and « Lancer le vote sur la liste » again (the room's vote run twice), where a reload of the
// same page said the vote was held (the server keeps the time of the placing that last changed
// the list, C10's placedAt, and now gives it in the placing's answer too).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from './fixtures';
import {
  closeVote,
  forumOfThreeIdeas,
  LIST_VOTE_HELD as held,
  openCompiledList,
  openListVote,
  placeThreeIdeas,
} from './forum-notes';
import { SHOTS } from '../support/server';

const suite = serverAndBrowser();

describe('the list placed again with nothing changed, after its vote', () => {
  it('still says the list’s vote was held, and proposes it no more', async () => {
    const { server, browser } = suite;
    const forum = await forumOfThreeIdeas(server);
    const page = await openCompiledList(browser, server, forum);
    const section = await placeThreeIdeas(page);
    const votes = page.locator('#forum-votes');
    const voteId = await openListVote(page);
    await closeVote(server, forum, voteId);
    await votes.locator('.list-vote-held').getByText(held).waitFor({ timeout: 10_000 });

    // Pressed again: nothing to change on the plenary.
    const answer = page.waitForResponse(
      (r) => r.url().endsWith('/compilation/plenary') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Mettre la liste sur la plénière' }).click();
    expect((await answer).status()).toBe(200);
    await section.getByText('La liste sur la plénière était déjà à jour.').waitFor();
    expect(await votes.locator('.list-vote-held').innerText()).toMatch(held);
    expect(await votes.locator('.vote-on-list').count()).toBe(0);
    expect(await section.getByRole('button', { name: 'Lancer le vote sur la liste' }).count()).toBe(
      0,
    );
    await votes.screenshot({ path: join(SHOTS, 'placed-again-after-vote.png') });
    await page.context().close();
  });
});
