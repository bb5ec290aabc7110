// « Versions » with text enlarged on a short window: a 1280 × 1024 screen at 400 % (320 × 256 CSS
// px), where the board page is taller than the window (data-tall). The panel hung under the
// header's rows, 76 px tall: its heading and « Fermer » and no version. It now takes the window
// and scrolls as a whole, a dialog: the focus goes in, Tab stays in it (the controls it covers
// are not reached unseen), Escape closes it and gives the focus back to « Versions ».
import { describe, expect, it } from 'vitest';
import { keptVersions } from './board-versions';
import { enlargedPage, keepsTheKeyboard, wholeAndUncovered } from './enlarged-pages';
import { createForum, openBoard, serverAndBrowser } from './fixtures';

describe('« Versions » at 400 %', () => {
  const suite = serverAndBrowser();

  it('takes the window, scrolls to its last version, keeps the keyboard and gives it back', async () => {
    const created = await createForum(suite.server, { territories: ['Les Basques'] });
    const board = created.boards.find((b) => b.kind === 'territory')!;
    const { restore } = await keptVersions(suite.server, created, board);
    // Each restore keeps the board as it was as an automatic version: a list of nine.
    await restore(8);

    const page = await enlargedPage(
      suite.browser,
      { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 },
      'Marie-Anne',
    );
    await openBoard(page, `${suite.server.url}/b/${board.id}#token=${created.facilitator.token}`);
    await page.locator('.editor[data-tall]').waitFor();
    const versions = page.getByRole('button', { name: 'Versions', exact: true });
    await versions.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('history-panel');
    const rows = panel.getByTestId('history-item');
    await expect.poll(() => rows.count()).toBe(9);

    // The window's height (it was 76 px), the focus in it.
    const shown = await panel.evaluate((el) => ({
      height: Math.round(el.getBoundingClientRect().height),
      focusIn: el.contains(document.activeElement),
    }));
    expect(shown).toEqual({ height: 256, focusIn: true });

    // Its last version scrolled to, whole and under nothing.
    const last = rows.last().getByRole('button', { name: 'Restaurer' });
    await last.scrollIntoViewIfNeeded();
    expect(await wholeAndUncovered(last)).toBe(true);

    // Tab past its last control comes back to its first (« Fermer »); Shift+Tab the other way.
    // Escape: closed, the focus on « Versions ».
    const first = panel.getByRole('button', { name: 'Fermer' });
    await keepsTheKeyboard(page, panel, { first, last, opener: versions });
    await page.context().close();
  }, 60_000);
});
