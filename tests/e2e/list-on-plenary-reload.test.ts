// After « Mettre la liste sur la plénière », a reload of the forum page (a laptop asleep at
// lunch, a second facilitator's computer) still knows the list is on the plenary: the server
// says so (C6's onPlenary, read from the plenary). « Vote par points » proposed the territories
// again with the plenary unticked, and told to tick « Cartes postales »: the room's vote would
// have been opened on boards that do not hold the list's notes.
import { describe, expect, it } from 'vitest';
import { createForum, serverAndBrowser } from './fixtures';
import { openCompiledList, postcardWall, writeNotes } from './forum-notes';

const suite = serverAndBrowser();

describe('the list on the plenary, after a reload of the forum page', () => {
  it('« Vote par points » proposes the plenary, and the list’s section says it is there', async () => {
    const { server, browser } = suite;
    const forum = await createForum(server, { territories: ['La Mitis', 'Kamouraska'] });
    await writeNotes(server, postcardWall(forum), [
      'Participation citoyenne',
      'Bon leadership',
      'Processus légers et clairs',
    ]);
    const page = await openCompiledList(browser, server, forum);
    await page.getByRole('button', { name: 'Mettre la liste sur la plénière' }).click();
    await page
      .locator('.list-on-plenary-status')
      .getByText('La liste est sur la plénière\u00a0: 3 idées ajoutées.')
      .waitFor();

    await page.reload();
    const votes = page.locator('#forum-votes');
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    await votes
      .getByText('est sur la plénière\u00a0: le vote porte sur ce tableau')
      .waitFor({ timeout: 10_000 });
    expect(await votes.getByRole('checkbox', { name: plenary.title }).isChecked()).toBe(true);
    for (const name of ['La Mitis', 'Kamouraska']) {
      expect(await votes.getByRole('checkbox', { name, exact: true }).isChecked()).toBe(false);
    }
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

    await votes.screenshot({ path: '/work/notes/s24/placedmemory/vote-form-after-reload.png' });

    // The vote opens on the plenary, as after the click.
    await votes.locator('.vote-title').fill('Nos incontournables');
    await votes.getByRole('button', { name: 'Ouvrir le vote', exact: true }).click();
    const opened = votes.locator('li.vote[data-state="open"]').filter({
      hasText: 'Nos incontournables',
    });
    await opened.waitFor({ timeout: 10_000 });
    await page.context().close();
  });
});
