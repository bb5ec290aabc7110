// The plenary page's « Mosaïque » while the room votes on one territory: each dot changes the
// forum room's snapshot and renders the mosaic again. A territory's tile (memo'd: its drawing with
// each note's dot badges once its vote is closed) is drawn again only if its own props change:
// its vote (kept the same object by the room, room.ts) and the panel's onOpen and onBring, which
// must stay the same functions from one render to the next (as the projector's, c164284).
// React's commits are watched through the hook its developer tools use (react-renders.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createForum,
  forumRequest,
  openBoard,
  type CreatedForum,
  serverAndBrowser,
} from './fixtures';
import { writeNotes, type WrittenNote } from './forum-notes';
import { rendersSoFar, watchRenders, watchSelector } from './react-renders';

const suite = serverAndBrowser();

describe('the plenary’s mosaic while the room votes', () => {
  let forum: CreatedForum;
  let kamouraska: WrittenNote[];
  let mitis: WrittenNote[];

  beforeAll(async () => {
    forum = await createForum(suite.server, {
      territories: ['Kamouraska', 'La Mitis'],
      templates: false,
    });
    const [k, m] = forum.boards.filter((b) => b.kind === 'territory');
    kamouraska = await writeNotes(suite.server, k!, ['Participation citoyenne', 'Bon leadership']);
    mitis = await writeNotes(suite.server, m!, ['Transport collectif', 'Logement']);
  });

  const dot = async (voteId: string, note: WrittenNote, voter: string) => {
    const given = await forumRequest(suite.server, forum, `/votes/${voteId}/dots`, {
      token: note.token,
      body: { boardId: note.boardId, shapeId: note.shapeId, voterId: voter },
    });
    expect(given.status).toBeLessThan(300);
  };
  const openVote = async (boardId: string) => {
    const opened = await forumRequest(suite.server, forum, '/votes', {
      body: { title: 'Nos incontournables', boardIds: [boardId], dotsPerParticipant: 5 },
    });
    return ((await opened.json()) as { vote: { id: string } }).vote.id;
  };

  it('does not draw a closed vote’s tile again for each dot given on another territory', async () => {
    const closed = await openVote(kamouraska[0]!.boardId);
    await dot(closed, kamouraska[0]!, 'voter-a-abcdefgh');
    await dot(closed, kamouraska[1]!, 'voter-b-abcdefgh');
    expect(
      (await forumRequest(suite.server, forum, `/votes/${closed}/close`, { body: {} })).status,
    ).toBe(200);
    const open = await openVote(mitis[0]!.boardId);

    const context = await suite.browser.newContext({
      viewport: { width: 1280, height: 720 },
      locale: 'fr-CA',
    });
    await context.addInitScript(() => {
      try {
        localStorage.setItem('carton.name', 'Animation');
      } catch {
        // about:blank has no storage.
      }
    });
    await context.addInitScript(watchRenders, {
      selector: '',
      props: ['vote', 'onOpen', 'onBring'],
    });
    const page = await context.newPage();
    try {
      const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
      await openBoard(page, `${suite.server.url}/b/${plenary.id}#token=${forum.facilitator.token}`);
      await page.getByRole('button', { name: 'Mosaïque' }).click();
      const selector = `li.mosaic-tile[data-board-id="${kamouraska[0]!.boardId}"]`;
      const tile = page.locator(selector);
      await tile.locator('.mosaic-votes[data-total="2"]').waitFor({ timeout: 15_000 });
      // The facilitator's tiles bring a territory to the plenary: onBring is given.
      await tile.locator('.mosaic-bring').waitFor();
      await watchSelector(page, selector);
      const mitisTile = page.locator(`li.mosaic-tile[data-board-id="${mitis[0]!.boardId}"]`);
      const renders = () => rendersSoFar(page);
      // A first commit to take the tile's props.
      await dot(open, mitis[0]!, 'voter-0-abcdefgh');
      await mitisTile.locator('.mosaic-votes[data-total="1"]').waitFor({ timeout: 10_000 });
      const before = await renders();
      for (let n = 1; n <= 5; n++) {
        await dot(open, mitis[n % 2]!, `voter-${n}-abcdefgh`);
        await mitisTile
          .locator(`.mosaic-votes[data-total="${n + 1}"]`)
          .waitFor({ timeout: 10_000 });
      }
      expect((await renders()) - before).toBe(0);
      // The tile still opens its territory large.
      await tile.locator('.mosaic-open').click();
      await page.locator('.mosaic-focus', { hasText: 'Kamouraska' }).waitFor({ timeout: 10_000 });
    } finally {
      await context.close();
    }
  });
});
