// « Versions » with text enlarged on a short window: a 1280 × 1024 screen at 400 % (320 × 256 CSS
// px), where the board page is taller than the window (data-tall). The panel hung under the
// header's rows, 76 px tall: its heading and « Fermer » and no version. It now takes the window
// and scrolls as a whole, a dialog: the focus goes in, Tab stays in it (the controls it covers
// are not reached unseen), Escape closes it and gives the focus back to « Versions ».
import { describe, expect, it } from 'vitest';
import { createForum, openBoard, serverAndBrowser } from './fixtures';

describe('« Versions » at 400 %', () => {
  const suite = serverAndBrowser();

  it('takes the window, scrolls to its last version, keeps the keyboard and gives it back', async () => {
    const created = await createForum(suite.server, { territories: ['Les Basques'] });
    const board = created.boards.find((b) => b.kind === 'territory')!;
    const auth = { Authorization: `Bearer ${created.facilitator.token}` };
    const snapshots = `${suite.server.url}/api/boards/${board.id}/snapshots`;
    const kept = await fetch(snapshots, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Avant la plénière' }),
    });
    const named = ((await kept.json()) as { snapshot: { id: number } }).snapshot;
    // Each restore keeps the board as it was as an automatic version: a list of nine.
    for (let i = 0; i < 8; i++) {
      const done = await fetch(`${snapshots}/${named.id}/restore`, {
        method: 'POST',
        headers: auth,
      });
      expect(done.status).toBe(200);
    }

    const context = await suite.browser.newContext({
      viewport: { width: 320, height: 256 },
      deviceScaleFactor: 4,
      locale: 'fr-CA',
      reducedMotion: 'reduce',
    });
    await context.addInitScript(() => {
      localStorage.setItem('carton.name', 'Marie-Anne');
      localStorage.setItem('carton.helpHint', 'done');
    });
    const page = await context.newPage();
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
    const reached = await last.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return r.top >= 0 && r.bottom <= innerHeight && hit !== null && el.contains(hit);
    });
    expect(reached).toBe(true);

    // Tab past its last control comes back to its first; Shift+Tab the other way.
    await last.focus();
    await page.keyboard.press('Tab');
    const first = panel.getByRole('button', { name: 'Fermer' });
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await last.evaluate((el) => el === document.activeElement)).toBe(true);

    // Escape: closed, the focus on « Versions ».
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await versions.evaluate((el) => el === document.activeElement)).toBe(true);
    await context.close();
  }, 60_000);
});
