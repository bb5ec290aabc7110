// The plenary on a participant's phone while the room votes, as the forum day's rehearsal found
// it: a 320 × 568 phone (iPhone SE), the timer running, the facilitator presenting the plenary
// (« Vous suivez Marie-Anne »), a dot vote open on it. In French « EN » took a third header row
// alone under « Exporter »: 51 px more chrome tipped the board's band under its 40 % share
// (boardBand.ts), the page grew to 1,194 px and the vote's banner (« Voter en liste ») lay at
// y = 976, below the window, with nothing to say it was there. And « Vous suivez … », gone up
// beside the pill while a vote is open, was still counted in the bottom stack: with the vote's
// question on two lines the page grew just the same, in French and in English. The
// header now keeps two rows (« Exporter » as its icon there), the page the window's height and
// the banner in it; and where the page does grow taller than the window (text at 200 %), the
// page is scrolled down to the banner as the vote opens.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newParticipant, type Participant } from '../support/browser';
import {
  createForum,
  forumRequest,
  openBoard,
  serverAndBrowser,
  type CreatedForum,
} from './fixtures';
import { boxes, boxesAtOnce, rowsOf } from './layout-boxes';
import { votingForum } from './voting-forum';
import { SHOTS } from '../support/server';

const LANGUAGES = [
  {
    locale: 'fr-CA',
    list: 'Voter en liste',
    exportName: 'Exporter / Importer',
  },
  {
    locale: 'en-US',
    list: 'Vote from a list',
    exportName: 'Export / Import',
  },
] as const;

const suite = serverAndBrowser();
const opened: Participant[] = [];
afterAll(async () => {
  for (const participant of opened) await participant.context.close();
});

/** A question on three lines of a 320 px phone's banner. */
const LONG_QUESTION =
  'Parmi les conditions de succès nommées par les territoires, lesquelles voulez-vous retenir pour la prochaine Alliance ?';

/** A forum whose plenary is presented, timed and voted on, as during the day's plenary. */
async function plenaryVoting(
  // A question on two lines of the phone's banner, as the day's was.
  question = 'Quelles conditions de succès retenir pour toute la région ?',
): Promise<{ forum: CreatedForum; plenary: string }> {
  const { forum, board } = await votingForum(suite.server, {
    presenter: 'Marie-Anne',
    question,
    timerMs: 600_000,
  });
  return { forum, plenary: board.edit.url };
}

async function phoneOn(
  url: string,
  locale: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const participant = await newParticipant(suite.browser, 'Maëlle', {
    viewport,
    locale,
    hasTouch: true,
    isMobile: true,
  });
  opened.push(participant);
  await openBoard(participant.page, url);
  await participant.page.locator('.editor [role=timer]').waitFor();
  await participant.page.locator('.vote-banner').waitFor();
  return participant.page;
}

/** Two frames: the stacks, the header's rows and the page's height have followed. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

describe('the plenary on a 320 × 568 phone during the vote', () => {
  for (const lang of LANGUAGES) {
    it(`keeps the header in two rows and the vote in the window (${lang.locale})`, async () => {
      const { plenary } = await plenaryVoting();
      const page = await phoneOn(plenary, lang.locale, { width: 320, height: 568 });
      await page.locator('.spotlight-banner').waitFor();
      await settled(page);
      const header = await boxes(page, '.editor-header > *');
      expect(rowsOf(header)).toBe(2);
      // The page is the window's height (not a tall page scrolled from its top).
      const page_ = await page.evaluate(() => ({
        tall: 'tall' in document.querySelector<HTMLElement>('.editor')!.dataset,
        height: document.scrollingElement!.scrollHeight,
      }));
      expect(page_).toEqual({ tall: false, height: 568 });
      // « Exporter / Importer » still there, by its name, a finger target on the header's row.
      const exporter = (await page.getByRole('button', { name: lang.exportName }).boundingBox())!;
      expect(exporter.width).toBeGreaterThanOrEqual(44);
      expect(exporter.height).toBeGreaterThanOrEqual(44);
      // The banner and its two buttons, side by side, inside the window.
      const banner = (await page.locator('.vote-banner').boundingBox())!;
      expect(banner.y + banner.height).toBeLessThanOrEqual(568);
      const list = (await page.getByRole('button', { name: lang.list }).boundingBox())!;
      expect(list.y + list.height).toBeLessThanOrEqual(568);
    });
  }
});

describe('« ? » on the vote’s banner at 320 × 568', () => {
  it('keeps the banner and the help just asked for in the window as the page grows', async () => {
    // A question on three lines: once « 0:00 » and « Temps écoulé ! » stand one above the other
    // (eb14cec), a two-line question and its help no longer fill a 320 × 568 window.
    const { forum, plenary } = await plenaryVoting(LONG_QUESTION);
    const page = await phoneOn(plenary, 'fr-CA', { width: 320, height: 568 });
    await page.locator('.spotlight-banner').waitFor();
    // The vote's time is up: « 0:00 » over « Temps écoulé ! ».
    const timer = { action: 'start', durationMs: 1_000 };
    expect((await forumRequest(suite.server, forum, '/timer', { body: timer })).status).toBe(200);
    await page.locator('.editor [role=timer]').filter({ hasText: 'Temps écoulé' }).waitFor();
    await settled(page);
    expect(await page.locator('.editor[data-tall]').count()).toBe(0);
    await page.getByRole('button', { name: 'Comment voter' }).tap();
    // The help under the question makes the page taller than the window (its chrome no longer
    // fits one above the other): the page then scrolls to the banner.
    await page.locator('.editor[data-tall]').waitFor({ state: 'attached' });
    const inWindow = () =>
      page.evaluate(() => {
        const within = (selector: string) => {
          const box = document.querySelector(selector)!.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight;
        };
        return { more: within('.vote-more'), help: within('.vote-banner .hint') };
      });
    await expect.poll(inWindow, { timeout: 5000 }).toEqual({ more: true, help: true });
    await page.screenshot({ path: join(SHOTS, 'phone-howto-after.png') });
  });
});

describe('a phone at 200 % text, where the page grows taller than the window', () => {
  it('scrolls down to the vote’s banner as it opens, « Voter en liste » in the window', async () => {
    const forum = await createForum(suite.server, { territories: ['Kamouraska'] });
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const timer = { action: 'start', durationMs: 600_000 };
    expect((await forumRequest(suite.server, forum, '/timer', { body: timer })).status).toBe(200);
    // A 390 × 844 phone at 200 %: 195 × 422 CSS px.
    const participant = await newParticipant(suite.browser, 'Maëlle', {
      viewport: { width: 195, height: 422 },
      hasTouch: true,
      isMobile: true,
    });
    opened.push(participant);
    const { page } = participant;
    await openBoard(page, plenary.edit.url);
    await page.locator('.editor [role=timer]').waitFor();
    await page.locator('.editor[data-tall]').waitFor();
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    // The vote opens while the phone shows the page's top.
    const vote = { title: 'Nos priorités', boardIds: [plenary.id], dotsPerParticipant: 3 };
    expect((await forumRequest(suite.server, forum, '/votes', { body: vote })).status).toBe(201);
    await page.locator('.vote-banner').waitFor();
    // Scrolled to it (smoothly, as the person's system allows): the banner and « Voter en
    // liste » in the window.
    const inWindow = () =>
      page.evaluate(() => {
        const banner = document.querySelector('.vote-banner')!.getBoundingClientRect();
        const list = document.querySelector('.vote-list-open')!.getBoundingClientRect();
        return {
          banner: banner.top >= 0 && banner.top < innerHeight,
          list: list.top >= 0 && list.bottom <= innerHeight,
        };
      });
    await expect.poll(inWindow, { timeout: 5000 }).toEqual({ banner: true, list: true });
  });
});

// The vote's time running out while the room still votes, the presenter's name long, the
// question on three lines: for two minutes the timer says « 0:00 Temps écoulé ! », which
// wanted ~310 px of a kit capped at 216 on a 320 px phone. « Mosaïque » took a row of its own
// (+44 px), the page grew past the window and the banner went below it just as time ran out.
/** Whether the board's page is taller than the window (boardBand.ts), and its height. */
function pageHeight(page: Page): Promise<{ tall: boolean; height: number }> {
  return page.evaluate(() => ({
    tall: 'tall' in document.querySelector<HTMLElement>('.editor')!.dataset,
    height: document.scrollingElement!.scrollHeight,
  }));
}

describe('time up during the vote, on phones', () => {
  const PHONES = [
    { width: 320, height: 568 },
    { width: 360, height: 640 },
    { width: 390, height: 844 },
    { width: 568, height: 320 },
  ];
  for (const viewport of PHONES) {
    it(`keeps « Mosaïque » beside the timer and the banner in the window (${viewport.width} × ${viewport.height})`, async () => {
      const { forum, board: plenary } = await votingForum(suite.server, {
        presenter: 'Marie-Ève Bouchard-Lévesque',
        question: LONG_QUESTION,
      });
      const participant = await newParticipant(suite.browser, 'Maëlle', {
        viewport,
        locale: 'fr-CA',
        hasTouch: true,
        isMobile: true,
      });
      opened.push(participant);
      const { page } = participant;
      // The page's clock: the timer's 20 s go by when the test says.
      await page.clock.install();
      await openBoard(page, plenary.edit.url);
      await page.locator('.vote-banner').waitFor();
      await page.locator('.spotlight-banner').waitFor();
      const timer = { action: 'start', durationMs: 20_000 };
      expect((await forumRequest(suite.server, forum, '/timer', { body: timer })).status).toBe(200);
      const shown = page.locator('.editor [role=timer]');
      await shown.waitFor();
      await settled(page);
      // The page as it is with the time still running: the window's height upright; held
      // sideways (320 px high) already taller, scrolled to the banner (voteBannerInView).
      const running = await pageHeight(page);
      if (viewport.height > viewport.width) {
        expect(running).toEqual({ tall: false, height: viewport.height });
      }
      await page.clock.fastForward(21_000);
      await shown.filter({ hasText: 'Temps écoulé' }).waitFor();
      // A screen reader hears it: said once by the board's live region.
      await page
        .getByTestId('forum-news')
        .filter({ hasText: 'Minuterie\u00a0: temps écoulé.' })
        .waitFor({ state: 'attached' });
      await settled(page);
      await page.screenshot({
        path: join(SHOTS, `timeup-${viewport.width}x${viewport.height}.png`),
      });
      const [[time], [mosaic], [banner]] = await boxesAtOnce(
        page,
        '.editor .forum-timer',
        '.forum-kit > .kit-button',
        '.vote-banner',
      );
      // « Mosaïque » on the timer's row.
      expect(mosaic!.top).toBeLessThan(time!.bottom);
      // Time up adds nothing to the page's height.
      expect(await pageHeight(page)).toEqual(running);
      expect(banner!.top).toBeGreaterThanOrEqual(0);
      expect(banner!.bottom).toBeLessThanOrEqual(viewport.height);
    });
  }
});
