// « Contenu » with text enlarged on a short window: a 1280 × 1024 screen at 400 % (320 × 256 CSS
// px), where the board page is taller than the window (data-tall). The panel hung under the
// header's rows with 19 px of its list showing, no line reachable. It now takes the window and
// scrolls as one piece, a dialog (as « Versions », useWholeWindowPanel): the focus goes in, Tab
// stays in it, Escape closes it and gives the focus back to « Contenu »; a line chosen closes it
// on the board, the shape chosen and the keyboard there.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localOrigin } from '@carton/board';
import { enlargedPage, keepsTheKeyboard, wholeAndUncovered } from './enlarged-pages';
import { createForum, openBoard, serverAndBrowser } from './fixtures';
import { seedClientOn } from './forum-notes';
import { SHOTS } from '../support/server';

describe('« Contenu » at 400 %', () => {
  const suite = serverAndBrowser();

  it('takes the window, scrolls to its last line, keeps the keyboard and gives it back', async () => {
    const created = await createForum(suite.server, { territories: ['Les Basques'] });
    const board = created.boards.find((b) => b.kind === 'territory')!;
    const { board: model, close } = await seedClientOn(suite.server, board);
    const ids: string[] = [];
    model.run((tx) => {
      for (let i = 0; i < 12; i++) {
        ids.push(tx.create('note', { x: i * 250, y: 2000, text: `Idée ${i + 1}` }));
      }
    }, localOrigin('user:seed'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    close();

    const page = await enlargedPage(
      suite.browser,
      { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 },
      'Marie-Anne',
    );
    await openBoard(page, `${suite.server.url}/b/${board.id}#token=${created.facilitator.token}`);
    await page.locator('.editor[data-tall]').waitFor();
    const button = page.getByRole('button', { name: 'Contenu', exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('.outline-panel');
    await panel.waitFor();

    // The window's height (it was 141 px, 19 of them list), the focus in it.
    const shown = await panel.evaluate((el) => ({
      height: Math.round(el.getBoundingClientRect().height),
      focusIn: el.contains(document.activeElement),
      role: el.getAttribute('role'),
      modal: el.getAttribute('aria-modal'),
    }));
    expect(shown).toEqual({ height: 256, focusIn: true, role: 'dialog', modal: 'true' });
    await page.screenshot({ path: join(SHOTS, 'outline-400.png') });

    // Its last line scrolled to, whole and under nothing.
    const last = panel.locator('.outline-item', { hasText: 'Idée 12' });
    await last.scrollIntoViewIfNeeded();
    expect(await wholeAndUncovered(last)).toBe(true);

    // Tab past its last line comes back to its first control (« Fermer le contenu »); Shift+Tab
    // the other way. Escape: closed, the focus on « Contenu ».
    const first = panel.getByRole('button', { name: 'Fermer le contenu' });
    await keepsTheKeyboard(page, panel, { first, last, opener: button });

    // A line chosen: the panel closes on the board, the note chosen and the keyboard on the board.
    await page.keyboard.press('Enter');
    await panel.waitFor();
    await panel.locator('.outline-item', { hasText: 'Idée 5' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([ids[4]]);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('canvas'))).toBe(
      true,
    );
    await page.context().close();
  }, 60_000);
});
