// Projector mode draws a territory's photos (a flyer on the carton), not a grey placeholder:
// they need the board's token, so the live board fetches them once and the slides use them.
import { describe, expect, it } from 'vitest';
import { newParticipant } from '../support/browser';
import { createForum, territoryBoard, serverAndBrowser } from './fixtures';
import { CARTONS, fillTerritory, uploadFlyer } from './plenary-cartons';

describe('projector mode', () => {
  const suite = serverAndBrowser();

  it('shows the photo on Témiscouata’s carton, from a view link, at 1280 × 720', async () => {
    const board = territoryBoard(await createForum(suite.server, { territories: ['Témiscouata'] }));
    await fillTerritory(
      suite.server.syncUrl,
      board,
      CARTONS['Témiscouata']!,
      await uploadFlyer(suite.server.url, board),
    );
    const room = await newParticipant(suite.browser, null, {
      viewport: { width: 1280, height: 720 },
    });
    await room.page.goto(`${suite.server.url}/p/${board.id}#token=${board.view.token}`);
    await room.page
      .locator('.projector-slide svg text')
      .filter({ hasText: 'Concertation' })
      .waitFor({ timeout: 15_000 });
    const photo = room.page.locator('.projector-slide svg image[data-type="image"]');
    await photo.waitFor({ timeout: 10_000 });
    expect(await photo.getAttribute('href')).toMatch(/^blob:/);
    // Drawn, not broken: the browser decoded the flyer's pixels.
    const size = await photo.boundingBox();
    expect(size!.width).toBeGreaterThan(40);
    expect(room.errors.filter((e) => /image|blob/i.test(e))).toEqual([]);
  });
});
