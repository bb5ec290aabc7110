// After « Mettre la liste sur la plénière », a reload of the forum page (a laptop asleep at
// lunch, a second facilitator's computer) still knows the list is on the plenary: the server
// says so (C6's onPlenary, read from the plenary). « Vote par points » proposed the territories
// again with the plenary unticked, and told to tick « Cartes postales »: the room's vote would
// have been opened on boards that do not hold the list's notes.
// Once the room's vote on the list has been held and closed, a reload proposes it no more: the
// plenary came back ticked alone with « Lancer le vote sur la liste », as if the vote were still
// to run; the page says the list's vote was held, when, and leads to its results.
// A vote over the plenary held before the list was placed (the morning's) is not the list's: the
// server says when the list was placed (onPlenary.placedAt), and a reload still proposes it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from './fixtures';
import {
  closeVote,
  expectPlenaryTicked,
  forumOfThreeIdeas,
  heldVote,
  LIST_VOTE_HELD as held,
  openCompiledList,
  openListVote,
  placeThreeIdeas,
} from './forum-notes';
import { SHOTS } from '../support/server';

const suite = serverAndBrowser();

describe('the list on the plenary, after a reload of the forum page', () => {
  it('« Vote par points » proposes the plenary, and the list’s section says it is there', async () => {
    const { server, browser } = suite;
    const forum = await forumOfThreeIdeas(server);
    const page = await openCompiledList(browser, server, forum);
    await placeThreeIdeas(page);

    await page.reload();
    const votes = page.locator('#forum-votes');
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    await votes
      .getByText('est sur la plénière\u00a0: le vote porte sur ce tableau')
      .waitFor({ timeout: 10_000 });
    await expectPlenaryTicked(votes, plenary.title, true);
    expect(await votes.locator('.vote-postcards-left-out').count()).toBe(0);
    const section = page.locator('.list-on-plenary-status');
    await section
      .getByText(
        'La liste est sur la plénière\u00a0: 3 idées dans l’encadré «\u00a0Les incontournables\u00a0».',
      )
      .waitFor({ timeout: 10_000 });
    expect(await section.getByRole('button', { name: 'Lancer le vote sur la liste' }).count()).toBe(
      1,
    );
    expect(await page.getByRole('link', { name: 'Ouvrir la plénière' }).count()).toBe(1);

    await votes.screenshot({ path: join(SHOTS, 'vote-form-after-reload.png') });

    // The vote opens on the plenary, as after the click.
    await openListVote(page);
    await page.context().close();
  });

  it('after the list’s vote is closed, proposes the territories and leads to its results', async () => {
    const { server, browser } = suite;
    const forum = await forumOfThreeIdeas(server);
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    // A morning vote on the territories' cartons, before the list: not the list's vote.
    const territories = forum.boards.filter((b) => b.kind === 'territory').map((b) => b.id);
    await heldVote(server, forum, 'Premier tour', territories);

    const page = await openCompiledList(browser, server, forum);
    const section = await placeThreeIdeas(page);
    const votes = page.locator('#forum-votes');
    expect(await votes.getByRole('checkbox', { name: plenary.title }).isChecked()).toBe(true);
    // The room votes on the list, and the vote is closed.
    const voteId = await openListVote(page);
    // Running: said as such, the list's vote no longer proposed.
    await votes
      .locator('.list-vote-held[data-state="open"]')
      .getByText('Le vote sur la liste est en cours sur la plénière')
      .waitFor();
    expect(await votes.locator('.vote-on-list').count()).toBe(0);
    expect(await section.getByRole('button', { name: 'Voir le vote' }).count()).toBe(1);
    await closeVote(server, forum, voteId);
    // Said on the page as it closes, without a reload.
    await votes.locator('.list-vote-held').getByText(held).waitFor({ timeout: 10_000 });

    await page.reload();
    // The saved list read again and the room's votes heard: all the page needs to decide.
    await section.locator('.list-already-placed').waitFor({ timeout: 10_000 });
    await votes.locator('li.vote[data-state="closed"]').nth(1).waitFor({ timeout: 10_000 });
    await votes.locator('.list-vote-held').waitFor({ timeout: 10_000 });
    await expectPlenaryTicked(votes, plenary.title, false);
    expect(await votes.locator('.vote-on-list').count()).toBe(0);
    expect(await votes.locator('.vote-postcards-left-out').count()).toBe(0);
    expect(await votes.locator('.list-vote-held').innerText()).toMatch(held);
    // The list's section: no « Lancer le vote sur la liste », its results instead.
    expect(await section.getByRole('button', { name: 'Lancer le vote sur la liste' }).count()).toBe(
      0,
    );
    expect(await section.locator('.list-vote-held').innerText()).toMatch(held);
    await section.getByRole('button', { name: 'Voir ses résultats' }).click();
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-vote-id'));
    expect(focused).toBe(voteId);
    await votes
      .locator(`li.vote[data-vote-id="${voteId}"]`)
      .getByText('Aucun point n’a été placé.')
      .waitFor();
    await votes.screenshot({ path: join(SHOTS, 'vote-form-after-list-vote.png') });
    await page.context().close();
  });

  it('a vote over the plenary held before the placing is not the list’s: a reload still proposes it', async () => {
    const { server, browser } = suite;
    const forum = await forumOfThreeIdeas(server);
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    // In the morning, the room voted over the plenary's own cartons, then the vote closed.
    await heldVote(server, forum, 'Tour du matin', [plenary.id]);

    const page = await openCompiledList(browser, server, forum);
    const section = await placeThreeIdeas(page);

    await page.reload();
    const votes = page.locator('#forum-votes');
    await section.locator('.list-already-placed').waitFor({ timeout: 10_000 });
    await votes.locator('li.vote[data-state="closed"]').waitFor({ timeout: 10_000 });
    // Whichever the page decides once it knows the room's votes: the list's vote to run, or held.
    const proposed = votes.getByText('est sur la plénière\u00a0: le vote porte sur ce tableau');
    await proposed.or(votes.locator('.list-vote-held')).first().waitFor({ timeout: 10_000 });
    expect(await votes.locator('.list-vote-held').count()).toBe(0);
    expect(await proposed.count()).toBe(1);
    await expectPlenaryTicked(votes, plenary.title, true);
    expect(await section.getByRole('button', { name: 'Lancer le vote sur la liste' }).count()).toBe(
      1,
    );
    await votes.screenshot({ path: join(SHOTS, 'vote-form-morning-vote.png') });
    await page.context().close();
  });
});
