// « Mettre la liste sur la plénière » names the notes it kept as they were (« Gardé tel quel parce
// que quelqu'un l'a modifié sur la plénière… »). That answer is about the list it placed: once the
// facilitator changes the list (an idea set aside, merged, reworded), it said what a placing of
// another list had done, until the next click. It now gives way to « La liste a changé depuis sa
// mise sur la plénière… », and comes back if the change is undone (the list placed again shown).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localOrigin, type Shape } from '@carton/board';
import { createForum, serverAndBrowser } from './fixtures';
import { openCompiledList, postcardWall, seedClientOn, writeNotes } from './forum-notes';
import { SHOTS } from '../support/server';

const suite = serverAndBrowser();

describe('the answer of « Mettre la liste sur la plénière » once the list changes', () => {
  it('says the kept notes while the list is the one placed, and that the list changed since', async () => {
    const { server, browser } = suite;
    const forum = await createForum(server, { territories: ['La Mitis'] });
    await writeNotes(server, postcardWall(forum), [
      'Participation citoyenne',
      'Bon leadership',
      'Plaisir',
    ]);
    const page = await openCompiledList(browser, server, forum);
    const place = page.getByRole('button', { name: 'Mettre la liste sur la plénière' });
    const status = page.locator('.list-on-plenary-status');
    await place.click();
    await status.getByText('La liste est sur la plénière\u00a0: 3 idées ajoutées.').waitFor();

    // Someone rewrites « Bon leadership » on the plenary: placing again keeps it as it is.
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const { board, close } = await seedClientOn(server, plenary);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const note = board
      .listShapes()
      .find(
        (s): s is Extract<Shape, { type: 'note' }> =>
          s.type === 'note' && s.text === 'Bon leadership',
      )!;
    board.run(
      (tx) => tx.update(note.id, { text: 'Bon leadership partagé' }),
      localOrigin('user:a'),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    close();
    await place.click();
    const kept = status.getByText(
      'Gardé tel quel parce que quelqu’un l’a modifié sur la plénière\u00a0: «\u00a0Bon leadership partagé\u00a0».',
    );
    await kept.waitFor();

    // « Plaisir » set aside: the answer was about the list before; it gives way.
    await page
      .getByRole('button', { name: 'Écarter «\u00a0Plaisir\u00a0» des incontournables' })
      .click();
    // The list without it is shown in the same render as the set-aside's notice.
    await page.locator('.merge-notice').getByText('est écartée', { exact: false }).waitFor();
    expect(await kept.count()).toBe(0);
    const changed = status.locator('.list-changed-since');
    expect(await changed.textContent()).toBe(
      'La liste a changé depuis sa mise sur la plénière\u00a0: refaites «\u00a0Mettre la liste sur la plénière\u00a0» pour mettre la plénière à jour.',
    );
    expect(await status.getByText('idées ajoutées').count()).toBe(0);
    expect(await status.getByText('était déjà à jour').count()).toBe(0);
    // What the plenary holds is still said, with the vote offered.
    await status
      .getByText(
        'La liste est sur la plénière\u00a0: 3 idées dans l’encadré «\u00a0Les incontournables\u00a0».',
      )
      .waitFor();
    expect(await status.getByRole('button', { name: 'Lancer le vote sur la liste' }).count()).toBe(
      1,
    );
    await page.locator('.list-on-plenary').screenshot({
      path: join(SHOTS, 'list-changed-since.png'),
    });

    // Undone: the list is the one placed again, and so is the answer.
    await page.locator('.merge-notice').getByRole('button').click();
    await kept.waitFor();
    expect(await changed.count()).toBe(0);

    // Placed again after a change: the new answer, nothing about a change since.
    await page
      .getByRole('button', { name: 'Écarter «\u00a0Plaisir\u00a0» des incontournables' })
      .click();
    await changed.waitFor();
    await place.click();
    await status.getByText('La liste est sur la plénière\u00a0: 1 idée retirée.').waitFor();
    expect(await changed.count()).toBe(0);
    await page.context().close();
  });
});
