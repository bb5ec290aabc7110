// A facilitator's laptop exports with the venue's wifi gone, though « Exporter / Importer » was
// never opened on it: its board fetched the export panel's chunk in the background once drawn
// (participants' phones do not). Before, the press offline said the panel could not be loaded.
import { describe, expect, it } from 'vitest';
import { newParticipant } from '../support/browser';
import { createForum, openBoard, territoryBoard, serverAndBrowser } from './fixtures';

describe('« Exporter » on a facilitator’s board once the wifi drops', () => {
  const suite = serverAndBrowser();

  it('opens its dialog offline, never opened before on that device', async () => {
    const forum = await createForum(suite.server, { territories: ['La Matapédia'] });
    const board = territoryBoard(forum);
    const { context, page, errors } = await newParticipant(suite.browser, 'Geneviève Pelletier');
    try {
      await openBoard(page, `${suite.server.url}/b/${board.id}#token=${forum.facilitator.token}`);
      // The background fetch says when the chunk is on the device (a performance mark).
      await page.waitForFunction(
        () => performance.getEntriesByName('carton:prefetched:export').length > 0,
        null,
        { timeout: 30_000 },
      );
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Exporter / Importer' }).click();
      await page.getByRole('dialog', { name: 'Exporter ou importer' }).waitFor({ timeout: 10_000 });
      expect(await page.getByRole('alert').filter({ hasText: 'pu être chargée' }).count()).toBe(0);
      expect(errors.filter((e) => /chunk|dynamically imported/iu.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
