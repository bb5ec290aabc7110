// Where the keyboard is after a refusal. A facilitator restoring a version by the keyboard
// (« Restaurer », then « Oui, restaurer ») that the server refuses (pruned meanwhile by newer
// automatic versions), or importing a forum's archive that the server refuses: the confirmation
// closed, or the file field was disabled while the archive was sent, and the focus fell to the
// page's body — the next Tab started again from the page's top, and a screen reader said
// nothing of where it was. The focus now goes to the refusal (role alert, read out). A
// confirmation cancelled gives the focus back to the « Restaurer » that opened it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { keptVersions } from './board-versions';
import { createForum, openBoard, serverAndBrowser } from './fixtures';

/** What holds the focus: its role, its text's start, and whether it is the page's body. */
function focused(page: Page): Promise<{ body: boolean; role: string | null; text: string }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      body: el === null || el === document.body,
      role: el?.getAttribute('role') ?? null,
      text: (el?.textContent ?? '').trim().slice(0, 60),
    };
  });
}

describe('the focus after a refusal', () => {
  const suite = serverAndBrowser();

  it('a version restore refused: on the refusal, read out; cancelled: back on « Restaurer »', async () => {
    const created = await createForum(suite.server, { territories: ['Témiscouata'] });
    const board = created.boards.find((b) => b.kind === 'territory')!;
    const { restore, oldestAuto } = await keptVersions(suite.server, created, board);
    // Each restore keeps the board as it was as an automatic version.
    await restore(2);
    const oldest = await oldestAuto();

    const context = await suite.browser.newContext({ locale: 'fr-CA' });
    await context.addInitScript(() => {
      localStorage.setItem('carton.name', 'Marie-Anne');
      localStorage.setItem('carton.helpHint', 'done');
    });
    const page = await context.newPage();
    await openBoard(page, `${suite.server.url}/b/${board.id}#token=${created.facilitator.token}`);
    await page.getByRole('button', { name: 'Versions' }).click();
    const panel = page.getByTestId('history-panel');
    const row = panel.locator(`[data-testid="history-item"][data-version="${oldest.id}"]`);
    const restoreButton = row.getByRole('button', { name: 'Restaurer' });

    // Cancelled by the keyboard: back where it was.
    await restoreButton.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await expect
      .poll(() => restoreButton.evaluate((el) => el === document.activeElement))
      .toBe(true);

    // Meanwhile 50 more restores: the board keeps 50 automatic versions, this one is gone.
    await restore(50);
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const problem = panel.locator('.history-problem[role="alert"]');
    await problem.waitFor();
    // It fell to the page's body.
    expect(await focused(page)).toEqual({
      body: false,
      role: 'alert',
      text: (await problem.textContent())!.trim().slice(0, 60),
    });
    await context.close();
  }, 60_000);

  it('a forum archive refused on the home page: on the refusal, read out', async () => {
    const context = await suite.browser.newContext({ locale: 'fr-CA' });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/`);
    const field = page.getByLabel('Choisir l’archive du forum (.zip)');
    await field.focus();
    await field.setInputFiles({
      name: 'forum.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from('pas une archive'),
    });
    const alert = page.locator('.home-import [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'Ce fichier n’est pas une archive .zip, ou il est abîmé.',
    );
    // It fell to the page's body.
    expect(await focused(page)).toEqual({
      body: false,
      role: 'alert',
      text: 'Ce fichier n’est pas une archive .zip, ou il est abîmé.',
    });
    await context.close();
  });
});
