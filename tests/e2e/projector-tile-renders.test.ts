// The projector's mosaic while the room votes on one territory: the forum room's snapshot
// changes with each dot (and each move of the facilitator's spotlight camera), and every vote in
// it was a new object each time, so the tile of a territory whose vote is closed — its drawing
// with each note's dot badges, memo'd on its vote — was drawn again at every dot given
// elsewhere. The room keeps a vote that did not change the object it was (room.ts,
// keepUnchanged). React's commits are watched through the hook its developer tools use (as
// forum-page-vote-renders, react-renders.ts): the tile's props at each commit.
import { beforeAll, describe, expect, it } from 'vitest';
import { createForum, forumRequest, type CreatedForum, serverAndBrowser } from './fixtures';
import { writeNotes, type WrittenNote } from './forum-notes';
import { rendersSoFar, watchRenders, watchSelector } from './react-renders';

const suite = serverAndBrowser();

describe('the projector’s mosaic while the room votes', () => {
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

    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(watchRenders, { selector: '', props: ['vote', 'onOpen'] });
    const page = await context.newPage();
    try {
      const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
      await page.goto(`${suite.server.url}/p/${plenary.id}#token=${forum.facilitator.token}`);
      const tile = page.locator(`li.mosaic-tile[data-board-id="${kamouraska[0]!.boardId}"]`);
      // The plenary holds nothing to show: the projector opens on the territories' mosaic.
      await tile.locator('.mosaic-votes[data-total="2"]').waitFor({ timeout: 15_000 });
      await watchSelector(page, `li.mosaic-tile[data-board-id="${kamouraska[0]!.boardId}"]`);
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
      // Drawn again 5 times before (a new vote object at each dot, and a new onOpen at each
      // render of the projector): 0.
      expect((await renders()) - before).toBe(0);
      // The tile still opens its territory's slide.
      await tile.locator('.mosaic-open').click();
      await page
        .locator('.projector-territory-name', { hasText: 'Kamouraska' })
        .waitFor({ timeout: 10_000 });
    } finally {
      await context.close();
    }
  });
});
