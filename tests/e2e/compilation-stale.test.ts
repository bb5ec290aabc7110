// « Les incontournables »: ideas merged into one whose note is then edited on its board (the
// facilitator rewording it there, a participant correcting a typo) come back to the list one by
// one, as C3 keys a merge by the idea's words. The forum page says so and merges them again in
// one choice; before, four merges were undone without a word and the list grew back by four.
// « Reformuler » (C8) then words an idea on the forum page, the notes keeping theirs.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ideaKey, localOrigin } from '@carton/board';
import { launchBrowser } from '../support/browser';
import { REPO_ROOT, startServer, type CartonServer } from '../support/server';
import { createForum, type CreatedForum } from './fixtures';
import { openCompiledList, postcardWall, seedClientOn } from './forum-notes';

const TARGET = 'Bonne communication : franche, claire, respectueuse';
const REWORDED =
  'Bonne communication : franche, claire, respectueuse, écoute, langage universel (commun) & vulgarisé';

describe('merges whose idea was edited away', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['Kamouraska'], templates: false });
    const wall = postcardWall(forum);
    const { board, close } = await seedClientOn(server, wall);
    let target = '';
    board.run((tx) => {
      target = tx.create('note', { x: 0, y: 0, text: TARGET });
      ['Bonne communication', 'Écoute', 'Communication claire', 'Bon leadership'].forEach(
        (text, n) => tx.create('note', { x: 250 * (n + 1), y: 0, text }),
      );
    }, localOrigin('user:seed'));
    const key = 'bonne communication franche claire respectueuse';
    const merged = await fetch(`${server.url}/api/forums/${forum.forum.id}/compilation`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${forum.facilitator.token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        merges: { 'bonne communication': key, ecoute: key, 'communication claire': key },
      }),
    });
    expect(merged.status).toBe(200);
    // The facilitator rewords the idea on the postcard itself, as the seed's list words it.
    board.run((tx) => tx.update(target, { text: REWORDED }), localOrigin('user:seed'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    close();
    page = await openCompiledList(browser, server, forum, { acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('names the ideas that came back apart and merges them again in one choice', async () => {
    const items = page.locator('.compilation-item');
    expect(await items.count()).toBe(5);
    const notice = page.locator('.stale-merges');
    expect(await notice.locator('p').textContent()).toBe(
      '3 idées fusionnées ensemble sont revenues séparées dans la liste\u00a0: «\u00a0Bonne communication\u00a0», «\u00a0Écoute\u00a0», «\u00a0Communication claire\u00a0». Le papillon de l’idée qui les recevait a été modifié ou effacé sur son tableau.',
    );
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${REPO_ROOT}test-results/screenshots/compilation-stale.png` });
    // Its menu names the ideas cut at 60 characters (ideaLabel): chosen by its key.
    await notice.locator('select').selectOption(ideaKey(REWORDED));
    await notice.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await items.count()).toBe(2);
    const reworded = items.filter({
      has: page.locator('.item-text', { hasText: 'écoute, langage' }),
    });
    expect(await reworded.locator('.item-count').textContent()).toBe('4 fois');
  });
  it('« Reformuler » words an idea in the list and the Markdown, the notes keeping theirs', async () => {
    const words =
      'Bonne communication : franche, claire, respectueuse, à l’écoute, dans un langage commun';
    await page.getByRole('button', { name: /^Reformuler «\sBon leadership/ }).click();
    const input = page.getByRole('textbox', {
      name: 'Les mots de l’idée, dans la liste et les téléchargements',
    });
    // The form opens on « Bon leadership »'s row: cancel, then the right idea.
    await input.press('Escape');
    await input.waitFor({ state: 'detached' });
    // The focus is back on « Reformuler » (it fell to the page's top), after Échap as after Entrée.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(await focused()).toBe('Reformuler «\u00a0Bon leadership\u00a0»');
    await page.getByRole('button', { name: /^Reformuler «\sBonne communication/ }).click();
    await input.fill(words);
    await input.press('Enter');
    expect(await focused()).toMatch(/^Reformuler «\u00a0Bonne communication/);
    const item = page.locator('.compilation-item').filter({
      has: page.locator('.item-text', { hasText: 'dans un langage commun' }),
    });
    await item.waitFor({ timeout: 10_000 });
    expect(await item.locator('.item-notes-text').textContent()).toBe(
      `Sur les papillons\u00a0: «\u00a0${REWORDED}\u00a0»`,
    );
    expect(await item.locator('.item-count').textContent()).toBe('4 fois');
    await page.screenshot({ path: `${REPO_ROOT}test-results/screenshots/compilation-words.png` });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger (Markdown)' }).click(),
    ]);
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toContain(`. **${words}** — 4 fois · Cartes postales`);
    // The postcard keeps the words written on it.
    const wall = forum.boards.find((b) => b.kind === 'postcards')!;
    const exported = await fetch(`${server.url}/api/boards/${wall.id}/export.json`, {
      headers: { Authorization: `Bearer ${wall.edit.token}` },
    });
    expect(await exported.text()).toContain(JSON.stringify(REWORDED));
    // And back to the notes' words.
    // The notes' words are inside the idea's .item-text: waiting for REWORDED there matched
    // « Sur les papillons » before the click had done anything.
    const back = page.locator('.compilation-item .item-text', { hasText: REWORDED });
    expect(await back.count()).toBe(1);
    await item.getByRole('button', { name: 'Reprendre les mots des papillons' }).click();
    await back.filter({ hasNot: page.locator('.item-notes-text') }).waitFor({ timeout: 10_000 });
    expect(await page.locator('.item-notes-text').count()).toBe(0);
  });
});
