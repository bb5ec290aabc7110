// The forum page while the room votes: the forum room's snapshot changes with every dot (60
// phones, 5 dots each), and the whole page was drawn again for each — « Les incontournables »
// with it, 360 ideas on a 9-territory forum, though nothing in the list had changed (~30 ms a
// dot on a loaded laptop; bench numbers in the commit). The list is drawn again only when its
// own props change. React's commits are watched through the hook its developer tools use: after
// a commit, the list's <section> has a new fiber only if its component was rendered again
// (react-renders.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createForum,
  forumRequest,
  territoryBoard,
  type CreatedForum,
  serverAndBrowser,
} from './fixtures';
import { writeNotes, type WrittenNote } from './forum-notes';
import { rendersSoFar, watchRenders } from './react-renders';

const suite = serverAndBrowser();

describe('the forum page while the room votes', () => {
  let forum: CreatedForum;
  let notes: WrittenNote[];

  beforeAll(async () => {
    forum = await createForum(suite.server, { territories: ['Kamouraska'], templates: false });
    notes = await writeNotes(suite.server, territoryBoard(forum), [
      'Participation citoyenne',
      'Bon leadership',
      'Processus légers et clairs',
    ]);
  });

  it('does not draw « Les incontournables » again for each dot', async () => {
    const context = await suite.browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'fr-CA',
    });
    await context.addInitScript(watchRenders, { selector: '#forum-compilation', props: null });
    const page = await context.newPage();
    try {
      await page.goto(`${suite.server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
      await page.getByRole('button', { name: 'Compiler' }).click();
      await page.locator('.compilation-item').nth(2).waitFor({ timeout: 10_000 });
      const opened = await forumRequest(suite.server, forum, '/votes', {
        body: {
          title: 'Nos incontournables',
          boardIds: [notes[0]!.boardId],
          dotsPerParticipant: 5,
        },
      });
      const { vote } = (await opened.json()) as { vote: { id: string } };
      const row = page.locator(`li.vote[data-vote-id="${vote.id}"]`);
      await row.getByText('ouvert, 0 point placé').waitFor({ timeout: 10_000 });
      // Watched from here: the vote is open on the page, the list shown.
      const renders = () => rendersSoFar(page);
      const before = await renders();

      for (let n = 0; n < 6; n++) {
        const note = notes[n % notes.length]!;
        const dot = await forumRequest(suite.server, forum, `/votes/${vote.id}/dots`, {
          token: note.token,
          body: { boardId: note.boardId, shapeId: note.shapeId, voterId: `voter-${n}-abcdefgh` },
        });
        expect(dot.status).toBeLessThan(300);
        await row.getByText(`ouvert, ${n + 1} point`).waitFor({ timeout: 10_000 });
      }
      expect((await renders()) - before).toBe(0);
    } finally {
      await context.close();
    }
  });
});
