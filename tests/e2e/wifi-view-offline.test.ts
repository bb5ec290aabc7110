// A view link on a phone loses the wifi: it has no changes to keep, so the status must not
// promise « modifications gardées » (viewers wondered what they had changed); it says the board
// shown is the last one received, still opens from the device after a reload, and catches up.
import { describe, expect, it } from 'vitest';
import { addNote, boardSuite, newPhone, waitForShapes } from './fixtures';

describe('a view link offline', () => {
  const suite = boardSuite({ territory: 'Rivière-du-Loup', participants: { editor: 'Émilie' } });

  it('says it shows the last version received, and catches up afterwards', async () => {
    const { context, page } = await newPhone(suite.browser, 'Lucien');
    await page.goto(suite.board.view.url);
    await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 15_000,
    });
    await page
      .locator('html[data-offline-ready="true"]')
      .waitFor({ state: 'attached', timeout: 15_000 });
    await context.setOffline(true);
    await page.locator('[data-testid="status"][data-status="offline"]').waitFor();
    const detail = page.locator('.status-detail');
    await expect(detail.textContent()).resolves.toBe('vous voyez la dernière version reçue');

    await suite.editor.page.bringToFront();
    await addNote(suite.editor.page, 500, 350, 'Entraide alimentaire');
    await page.reload();
    await page.waitForFunction(() => window.__carton?.status() === 'offline', null, {
      timeout: 15_000,
    });
    await expect(detail.textContent()).resolves.toBe('vous voyez la dernière version reçue');

    await context.setOffline(false);
    await waitForShapes(
      page,
      `(s) => s.some((x) => x.type === 'note' && x.text === 'Entraide alimentaire')`,
      20_000,
    );
    await context.close();
  });
});
