// « Mettre la liste sur la plénière » pressed again after the room's vote on the list, with
// nothing changed in the list: the list on the plenary is the one that was voted on. The page
// left out every vote already over the plenary at the press, so it proposed the plenary alone
// and « Lancer le vote sur la liste » again (the room's vote run twice), where a reload of the
// same page said the vote was held (the server keeps the time of the placing that last changed
// the list, C10's placedAt, and now gives it in the placing's answer too).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createForum, forumRequest, serverAndBrowser } from './fixtures';
import { openCompiledList, postcardWall, writeNotes } from './forum-notes';
import { SHOTS } from '../support/server';

const suite = serverAndBrowser();

describe('the list placed again with nothing changed, after its vote', () => {
  it('still says the list’s vote was held, and proposes it no more', async () => {
    const { server, browser } = suite;
    const forum = await createForum(server, { territories: ['La Mitis', 'Kamouraska'] });
    await writeNotes(server, postcardWall(forum), [
      'Participation citoyenne',
      'Bon leadership',
      'Processus légers et clairs',
    ]);
    const page = await openCompiledList(browser, server, forum);
    const place = page.getByRole('button', { name: 'Mettre la liste sur la plénière' });
    await place.click();
    const section = page.locator('.list-on-plenary-status');
    await section.getByText('La liste est sur la plénière\u00a0: 3 idées ajoutées.').waitFor();
    const votes = page.locator('#forum-votes');
    await votes.locator('.vote-title').fill('Nos incontournables');
    await votes.getByRole('button', { name: 'Ouvrir le vote', exact: true }).click();
    const row = votes.locator('li.vote').filter({ hasText: 'Nos incontournables' });
    await row.and(page.locator('[data-state="open"]')).waitFor({ timeout: 10_000 });
    const voteId = await row.getAttribute('data-vote-id');
    const closed = await forumRequest(server, forum, `/votes/${voteId}/close`, { body: {} });
    expect(closed.status).toBe(200);
    const held =
      /^Le vote sur la liste a eu lieu sur la plénière\u00a0: «\u00a0Nos incontournables\u00a0», fermé à \d\d\sh\s\d\d\./;
    await votes.locator('.list-vote-held').getByText(held).waitFor({ timeout: 10_000 });

    // Pressed again: nothing to change on the plenary.
    const answer = page.waitForResponse(
      (r) => r.url().endsWith('/compilation/plenary') && r.request().method() === 'POST',
    );
    await place.click();
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
