// A participant's vote banner: the button that leaves vote mode on this phone said « Terminer le
// vote » (« Stop voting »), read by someone new as « I'm done » or « close the vote for
// everyone » — the facilitator's own words, « Fermer le vote », close it from the forum page. It
// now says what it does, « Revenir aux outils » (« Back to tools »): the tools come back to
// change the notes, the dots stay, « Voter » returns to the vote. On a 320 × 568 phone the banner
// keeps its layout (7219dd7): the two buttons side by side on one row of finger targets, the
// banner at most 112 px tall. In French and in English.
import { afterAll, describe, expect, it } from 'vitest';
import { newParticipant, type Participant } from '../support/browser';
import { createForum, forumRequest, openBoard, serverAndBrowser } from './fixtures';

const LANGUAGES = [
  { locale: 'fr-CA', leave: 'Revenir aux outils', list: 'Voter en liste', enter: 'Voter' },
  { locale: 'en-US', leave: 'Back to tools', list: 'Vote from a list', enter: 'Vote' },
] as const;

const suite = serverAndBrowser();
const opened: Participant[] = [];
afterAll(async () => {
  for (const participant of opened) await participant.context.close();
});

describe('the vote banner’s toggle on a 320 × 568 phone', () => {
  for (const lang of LANGUAGES) {
    it(`says « back to the tools », beside « Voter en liste », and comes back as « Voter » (${lang.locale})`, async () => {
      const forum = await createForum(suite.server, { territories: ['Kamouraska'] });
      const board = forum.boards.find((b) => b.kind === 'territory')!;
      const vote = { title: 'Nos priorités', boardIds: [board.id], dotsPerParticipant: 3 };
      expect((await forumRequest(suite.server, forum, '/votes', { body: vote })).status).toBe(201);
      const participant = await newParticipant(suite.browser, 'Maëlle', {
        viewport: { width: 320, height: 568 },
        locale: lang.locale,
        hasTouch: true,
        isMobile: true,
      });
      opened.push(participant);
      const { page } = participant;
      await openBoard(page, board.edit.url);
      const banner = page.locator('.vote-banner');
      await banner.waitFor();
      // No word of ending or closing on a participant's banner: the facilitator closes the vote.
      expect(await banner.innerText()).not.toMatch(/terminer|fermer|finish|close|stop|end\b/iu);
      // The two buttons side by side, each a finger target of one line, the banner ≤ 112 px.
      const leave = (await page.getByRole('button', { name: lang.leave }).boundingBox())!;
      const list = (await page.getByRole('button', { name: lang.list }).boundingBox())!;
      expect(Math.abs(leave.y - list.y)).toBeLessThan(2);
      expect(leave.x + leave.width).toBeLessThanOrEqual(list.x);
      expect(leave.height).toBeGreaterThanOrEqual(40);
      expect(leave.height).toBeLessThanOrEqual(48);
      expect(list.height).toBeLessThanOrEqual(48);
      expect((await banner.boundingBox())!.height).toBeLessThanOrEqual(112);
      // It leaves vote mode on this phone only; « Voter » comes back to it.
      await page.getByRole('button', { name: lang.leave }).tap();
      await expect.poll(() => banner.getAttribute('data-voting')).toBe('false');
      await page.getByRole('button', { name: lang.enter, exact: true }).tap();
      await expect.poll(() => banner.getAttribute('data-voting')).toBe('true');
    });
  }
});
