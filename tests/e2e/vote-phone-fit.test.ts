// A dot vote on the smallest phone participants bring (320 × 568). The vote's banner lies across
// the phone above the toolbar for the whole vote; the board's fit went down to the toolbar, so
// the carton's last notes lay under the banner, the very ones to vote on (a tap on one reached
// the banner). On a phone the fit ends above the banner, fitted again as it arrives (after the
// board) and as it changes height, while the view is still the fit's. « Voter en liste » stands
// beside « Revenir aux outils » rather than as a row of its own, so the banner stays small.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBoard, shapes, serverAndBrowser, phoneForVote } from './fixtures';

const SIZE = { width: 320, height: 568 };

/** The notes' rectangles on the screen past the vote banner's top (px under it, by note). */
async function notesUnderBanner(page: Page): Promise<string[]> {
  const notes = (await shapes(page)).filter((s) => s.type === 'note');
  if (notes.length === 0) throw new Error('the template carton has notes');
  return page.evaluate(
    (list) => {
      const banner = document.querySelector('.editor > .vote-banner')?.getBoundingClientRect();
      if (!banner) return ['no banner'];
      return list.flatMap(({ id, x, y, h }) => {
        const bottom = window.__carton!.worldToScreen(x, y + h).y;
        return bottom > banner.top + 0.5 ? [`${id}: ${Math.round(bottom - banner.top)} px`] : [];
      });
    },
    notes.map(({ id, x, y, h }) => ({ id, x, y, h })),
  );
}

const suite = serverAndBrowser();

describe('a dot vote on a 320 × 568 phone', () => {
  it('fits the carton above the vote’s banner, voting or not', async () => {
    const { board, context, page } = await phoneForVote(suite, 'Maëlle');
    try {
      await page.setViewportSize(SIZE);
      await openBoard(page, board.edit.url);
      await page.locator('.vote-banner .vote-remaining[data-remaining="3"]').waitFor();
      // « Voter en liste » shares the row of « Revenir aux outils », finger targets both: a row
      // of its own made the banner 168 px, a third of what the toolbar and header leave.
      const list = (await page.getByRole('button', { name: 'Voter en liste' }).boundingBox())!;
      const toggle = (await page
        .getByRole('button', { name: 'Revenir aux outils' })
        .boundingBox())!;
      expect(Math.abs(list.y - toggle.y)).toBeLessThan(1);
      expect(Math.min(list.height, toggle.height)).toBeGreaterThanOrEqual(44);
      expect(list.x + list.width).toBeLessThanOrEqual(SIZE.width);
      // The banner comes after the board's first fit: the board is fitted again above it.
      await expect.poll(() => notesUnderBanner(page)).toEqual([]);
      // Out of vote mode the banner is a row shorter; « Tout afficher » fits above it too.
      await page.getByRole('button', { name: 'Revenir aux outils' }).tap();
      await page.locator('.vote-banner[data-voting="false"]').waitFor();
      await page.getByRole('button', { name: /^Tout afficher/ }).tap();
      await expect.poll(() => notesUnderBanner(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
