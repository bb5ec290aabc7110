// A territory added (or taken out) on the forum page during the plenary shows in the mosaic as
// soon as the facilitator comes back to the plenary's window, without reopening the mosaic; the
// other tiles stay as they are.
import { describe, expect, it } from 'vitest';
import { newParticipant } from '../support/browser';
import { createForum, forumRequest, openBoard, serverAndBrowser } from './fixtures';
import { CARTONS, fillTerritory } from './plenary-cartons';

describe('the mosaic follows the forum’s territories', () => {
  const suite = serverAndBrowser();

  it('La Mitis, added while the mosaic is open, gets its tile; Les Basques, taken out, leaves', async () => {
    const forum = await createForum(suite.server, {
      territories: ['Kamouraska', 'Témiscouata', 'Les Basques'],
    });
    const api = (method: string, path: string, body?: unknown) =>
      forumRequest(suite.server, forum, path, { method, body });
    const screen = await newParticipant(suite.browser, 'Marie-Anne', {
      viewport: { width: 1920, height: 1080 },
    });
    const page = screen.page;
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    await openBoard(page, `${suite.server.url}/b/${plenary.id}#token=${forum.facilitator.token}`);
    await page.getByRole('button', { name: 'Mosaïque' }).click();
    await page.locator('li.mosaic-tile svg').nth(2).waitFor({ timeout: 15_000 });
    // The tiles already there are marked: they stay the same elements afterwards.
    await page
      .locator('li.mosaic-tile')
      .evaluateAll((tiles) => tiles.forEach((t) => t.setAttribute('data-seen', 'yes')));

    const added = await api('POST', '/boards', {
      title: 'Conditions de succès — La Mitis',
      kind: 'territory',
      territory: 'La Mitis',
      template: true,
    });
    expect(added.status).toBe(201);
    const mitis = ((await added.json()) as { board: { id: string; edit: { token: string } } })
      .board;
    const basques = forum.boards.find((b) => b.title.includes('Les Basques'))!;
    expect((await api('DELETE', `/boards/${basques.id}`)).status).toBe(200);

    // The facilitator comes back from the forum page to the plenary's window.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const tile = page.locator(`li.mosaic-tile[data-board-id="${mitis.id}"]`);
    await tile
      .locator('svg')
      .filter({ hasText: /Conditions présentes/ })
      .waitFor({ timeout: 10_000 });
    await page
      .locator(`li.mosaic-tile[data-board-id="${basques.id}"]`)
      .waitFor({ state: 'detached', timeout: 10_000 });
    expect(await tile.locator('.mosaic-name').textContent()).toBe('La Mitis');
    expect(await page.locator('li.mosaic-tile[data-seen="yes"]').count()).toBe(2);

    // Live like the others: its table writes, the tile shows it.
    await fillTerritory(suite.server.syncUrl, mitis, CARTONS['La Mitis']!, null);
    await tile
      .locator('svg')
      .filter({ hasText: /latitude/ })
      .waitFor({ timeout: 10_000 });
    await screen.context.close();
  });
});
