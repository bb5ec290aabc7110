// « Importer un tableau (JSON) » on the forum page, by the keyboard: while the board is created
// the dialog's title field and buttons (and the file field) are disabled, which put the focus on
// the page's body — after a refusal or the board created, the next Tab started again from the
// page's top, and a screen reader said nothing of where it was (as the forum archive's import
// did, 1ff7c16). The answer now takes the focus: the refusal, the board created, the title field
// when the dialog asks again; « Annuler » gives it back to the file field.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createForum, type CreatedForum, serverAndBrowser } from './fixtures';

const BUTTON = 'Importer un tableau (JSON)';

const suite = serverAndBrowser();

describe('the focus after « Importer un tableau (JSON) »', () => {
  let forum: CreatedForum;
  let page: Page;
  let file: Buffer;

  beforeAll(async () => {
    forum = await createForum(suite.server, { territories: ['Kamouraska'] });
    // The postcards' wall exported: a board of no territory, created without a question.
    const wall = forum.boards.find((b) => b.kind === 'postcards')!;
    const exported = await fetch(`${suite.server.url}/api/boards/${wall.id}/export.json`, {
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
    });
    file = Buffer.from(await exported.arrayBuffer());
    const context = await suite.browser.newContext({ locale: 'fr-CA' });
    page = await context.newPage();
    await page.goto(`${suite.server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
    await page.getByLabel(BUTTON).waitFor({ state: 'attached' });
  });

  /** The file chosen from the focused field, and the dialog's title field focused. */
  const chooseFile = async () => {
    const field = page.getByLabel(BUTTON);
    await field.focus();
    await field.setInputFiles({ name: 'tableau.json', mimeType: 'application/json', buffer: file });
    const title = page.getByLabel('Titre du nouveau tableau');
    await title.waitFor();
    expect(await title.evaluate((el) => el === document.activeElement)).toBe(true);
  };
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el === document.body ? 'body' : `${el?.className}: ${el?.textContent?.trim() ?? ''}`;
    });

  it('a refusal takes the focus, read out', async () => {
    await page.route('**/api/forums/*/boards', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'storage_unavailable', message: 'disk full' } }),
          })
        : route.fallback(),
    );
    await chooseFile();
    await page.keyboard.press('Enter');
    const alert = page.locator('.new-board-import .export-error');
    await alert.waitFor();
    expect(await focused()).toBe(`export-error: ${(await alert.textContent())!.trim()}`);
    await page.unroute('**/api/forums/*/boards');
  });

  it('the territory taken meanwhile: back on the title field', async () => {
    await page.route('**/api/forums/*/boards', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 409,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'territory_taken', message: 'taken' } }),
          })
        : route.fallback(),
    );
    await chooseFile();
    await page.keyboard.press('Enter');
    await page.locator('.new-board-dialog button[type="submit"]:not([disabled])').waitFor();
    const title = page.getByLabel('Titre du nouveau tableau');
    await title.locator('xpath=self::*[not(@disabled)]').waitFor();
    expect(await title.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.unroute('**/api/forums/*/boards');
  });

  it('« Annuler » gives the focus back to the file field', async () => {
    await page.locator('.new-board-dialog').getByRole('button', { name: 'Annuler' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.new-board-dialog').waitFor({ state: 'detached' });
    expect(await page.getByLabel(BUTTON).evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
  });

  it('the board created: the focus on what was done', async () => {
    await chooseFile();
    await page.keyboard.press('Enter');
    const done = page.locator('.new-board-done');
    await done.waitFor();
    expect(await focused()).toMatch(/^new-board-done: /);
  });
});
