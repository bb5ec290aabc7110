// « Lancer le vote sur la liste », offered once « Mettre la liste sur la plénière » has placed
// the list, takes the facilitator to « Vote par points » on the same page, the keyboard on its
// « Question », the plenary proposed. It was a `#forum-votes` link: it replaced the page's
// fragment, which holds the facilitator token, and the page became « Ce lien d'animation est
// incomplet » at the moment the room waits for the vote. There, only the plenary's hint is said
// (the postcards' one told to tick « Cartes postales » as well).
import { describe, expect, it } from 'vitest';
import { createForum, serverAndBrowser } from './fixtures';
import { openCompiledList, postcardWall, writeNotes } from './forum-notes';

const suite = serverAndBrowser();

describe('« Lancer le vote sur la liste »', () => {
  it('keeps the facilitator on the forum page, on the vote’s question, the plenary proposed', async () => {
    const { server, browser } = suite;
    const forum = await createForum(server, { territories: ['La Mitis'] });
    await writeNotes(server, postcardWall(forum), [
      'Participation citoyenne',
      'Bon leadership',
      'Processus légers et clairs',
    ]);
    const page = await openCompiledList(browser, server, forum);
    await page.getByRole('button', { name: 'Mettre la liste sur la plénière' }).click();
    const status = page.locator('.list-on-plenary-status');
    await status.getByText('La liste est sur la plénière\u00a0: 3 idées ajoutées.').waitFor();
    // By its words: it was a link, it is a button.
    await status.getByText('Lancer le vote sur la liste').click();

    const votes = page.locator('#forum-votes');
    const question = votes.locator('.vote-title');
    await question.waitFor({ timeout: 5_000 });
    expect(new URL(page.url()).hash).toBe(`#token=${forum.facilitator.token}`);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('vote-title');
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    expect(await votes.getByRole('checkbox', { name: plenary.title }).isChecked()).toBe(true);
    // One thing to do, not two: « Cochez « Cartes postales » » was said beside « le vote porte
    // sur ce tableau », the list's postcard ideas being on the plenary already.
    await votes.getByText('est sur la plénière\u00a0: le vote porte sur ce tableau').waitFor();
    expect(await votes.locator('.vote-postcards-left-out').count()).toBe(0);
    // The section is on screen, its question field too.
    expect(await question.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThan(768);

    // And the vote opens from there.
    await question.fill('Nos incontournables pour la prochaine Alliance');
    await votes.getByRole('button', { name: 'Ouvrir le vote', exact: true }).click();
    await votes
      .locator('li.vote[data-state="open"]')
      .filter({ hasText: 'Nos incontournables pour la prochaine Alliance' })
      .waitFor({ timeout: 10_000 });
    await page.context().close();
  });
});
