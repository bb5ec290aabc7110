// The plenary's mosaic on a projector, read from the back of the room: with the seed's eight
// territories and a dot vote open, every tile writes its territory's name and its points whole
// (no « … ») and at least 18 px at 1280 × 720 (a projector's common size), 27 px at 1920 × 1080.
// Side by side in 58 % and 38 % of a 306 px tile, every open vote's total read « Vote : 1… ».
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BSL_TERRITORIES, localOrigin } from '@carton/board';
import { newParticipant } from '../support/browser';
import { createForum, forumRequest, openBoard, serverAndBrowser } from './fixtures';
import { connectSeedClient } from './seed';

interface Caption {
  name: string;
  fonts: number[];
  cut: boolean;
  overlap: boolean;
  outside: boolean;
}

/** Each tile's name and total: their sizes, whether either is cut, overlaps or leaves the tile. */
function captions(page: Page): Promise<Caption[]> {
  return page.locator('li.mosaic-tile').evaluateAll((tiles) =>
    tiles.map((tile) => {
      const parts = ['.mosaic-name', '.mosaic-votes'].map((s) => tile.querySelector(s)!);
      const [name, votes] = parts.map((p) => p.getBoundingClientRect()) as [DOMRect, DOMRect];
      const box = tile.getBoundingClientRect();
      return {
        name: parts[0]!.textContent ?? '',
        fonts: parts.map((p) => parseFloat(getComputedStyle(p).fontSize)),
        cut: parts.some(
          (p) => p.scrollWidth > p.clientWidth + 1 || p.scrollHeight > p.clientHeight + 1,
        ),
        overlap:
          name.right > votes.left &&
          name.left < votes.right &&
          name.bottom > votes.top &&
          name.top < votes.bottom,
        outside: [name, votes].some(
          (r) =>
            r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom,
        ),
      };
    }),
  );
}

describe('the mosaic’s tiles on a projector', () => {
  const suite = serverAndBrowser();

  it('write each territory’s name and points whole and large, at 720p and 1080p', async () => {
    const territories = [...BSL_TERRITORIES];
    const forum = await createForum(suite.server, { territories });
    const boards = forum.boards.filter((b) => b.kind === 'territory');
    const api = (path: string, body: unknown, token?: string) =>
      forumRequest(suite.server, forum, path, { body, token });
    // Les Basques' first note gets an idea (a blank note takes no dot), then twelve dots.
    const basques = boards.find((b) => b.title.includes('Les Basques'))!;
    const writer = await connectSeedClient(suite.server.syncUrl, basques.id, basques.edit.token);
    const noteId = writer.board.listShapes().find((s) => s.type === 'note')!.id;
    writer.board.run(
      (tx) => tx.update(noteId, { text: 'Lutte aux préjugés' }),
      localOrigin('user:seed'),
    );
    // The server has the idea once another client receives it from the server.
    const watcher = await connectSeedClient(suite.server.syncUrl, basques.id, basques.edit.token);
    const written = () => {
      const note = watcher.board.getShape(noteId);
      return note?.type === 'note' && note.text !== '';
    };
    await new Promise<void>((resolve, reject) => {
      if (written()) return resolve();
      const timer = setTimeout(
        () => reject(new Error('the idea never reached the server')),
        10_000,
      );
      watcher.board.doc.on('update', () => {
        if (!written()) return;
        clearTimeout(timer);
        resolve();
      });
    });
    writer.close();
    watcher.close();
    const opened = await api('/votes', {
      title: 'Nos priorités',
      boardIds: boards.map((b) => b.id),
      dotsPerParticipant: 3,
    });
    expect(opened.status).toBe(201);
    const { vote } = (await opened.json()) as { vote: { id: string } };
    for (let dot = 0; dot < 12; dot++) {
      const voterId = `votant-basques-${String(Math.floor(dot / 3)).padStart(4, '0')}`;
      const body = { boardId: basques.id, shapeId: noteId, voterId };
      const answer = await api(`/votes/${vote.id}/dots`, body, basques.edit.token);
      expect(answer.status).toBe(201);
    }

    const { context, page } = await newParticipant(suite.browser, 'Marie-Anne', {
      viewport: { width: 1280, height: 720 },
    });
    try {
      const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
      await openBoard(page, `${suite.server.url}/b/${plenary.id}#token=${forum.facilitator.token}`);
      await page.getByRole('button', { name: 'Mosaïque' }).click();
      await page
        .locator('li.mosaic-tile svg')
        .filter({ hasText: /Conditions présentes/ })
        .nth(territories.length - 1)
        .waitFor({ timeout: 15_000 });
      await page
        .locator('.mosaic-votes')
        .filter({ hasText: 'Vote\u00a0: 12 points' })
        .waitFor({ timeout: 10_000 });
      for (const [width, height, least] of [
        [1280, 720, 18],
        [1920, 1080, 27],
      ] as const) {
        await page.setViewportSize({ width, height });
        // The layout follows the window's size on the next frame.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
        const tiles = await captions(page);
        expect(tiles.map((t) => t.name).sort()).toEqual([...territories].sort());
        for (const tile of tiles) {
          const label = `${tile.name} at ${width} × ${height}`;
          expect(Math.min(...tile.fonts), label).toBeGreaterThanOrEqual(least);
          expect(tile.cut, label).toBe(false);
          expect(tile.overlap, label).toBe(false);
          expect(tile.outside, label).toBe(false);
        }
      }
    } finally {
      await context.close();
    }
  });
});
