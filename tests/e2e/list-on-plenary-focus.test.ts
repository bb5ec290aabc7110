// « Mettre la liste sur la plénière » by the keyboard: the button was disabled while the list was
// placed, which took the focus from it to the page's body. The sentence saying what changed was
// read, but the next Tab started again from the page's top, far above « Lancer le vote sur la
// liste » — as a refusal did. The focus stays on the button, which takes no second press meanwhile.
import { describe, expect, it } from 'vitest';
import { createForum, serverAndBrowser } from './fixtures';
import { openCompiledList, postcardWall, writeNotes } from './forum-notes';

const suite = serverAndBrowser();

describe('« Mettre la liste sur la plénière » by the keyboard', () => {
  it('keeps the focus on the button, Tab goes on to « Ouvrir la plénière »', async () => {
    const { server, browser } = suite;
    const forum = await createForum(server, { territories: ['La Mitis'] });
    await writeNotes(server, postcardWall(forum), ['Participation citoyenne', 'Bon leadership']);
    const page = await openCompiledList(browser, server, forum);
    const place = page.getByRole('button', { name: 'Mettre la liste sur la plénière' });
    await place.focus();
    await page.keyboard.press('Enter');
    await page
      .locator('.list-on-plenary-status')
      .getByText('La liste est sur la plénière\u00a0: 2 idées ajoutées.')
      .waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('place-list');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Ouvrir la plénière',
    );
  });
});
