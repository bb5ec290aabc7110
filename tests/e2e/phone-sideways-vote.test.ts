// A phone held sideways during a vote, as participants turn it to see the mosaic better: the
// forum's timer running, the facilitator presenting the board (« Vous suivez … » with a long
// name), a dot vote open with a three-line question. The header in two rows, the forum's buttons,
// « Vous suivez … », the banner's three lines and the toolbar's two rows stood one above the
// other: at 568 × 320 the page was 840 px tall, scrolled to the banner, the board pushed up out of
// the window; at 844 × 390 the page fitted but « Vous suivez … » sat just above the banner and
// left 8 px of board between them. Now (vote-sideways.css) the header holds one row, the
// forum's buttons and « Vous suivez … » the next, the toolbar is a column at the left and the
// banner (its question on one or two lines, whole behind « ? ») is at the bottom: the page is the
// window, and the board has the band between them.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newParticipant, type Participant } from '../support/browser';
import { openBoard, serverAndBrowser } from './fixtures';
import { boxesAtOnce, overlaps } from './layout-boxes';
import { votingForum } from './voting-forum';
import { SHOTS } from '../support/server';

const QUESTION =
  'Parmi les conditions de succès nommées par les territoires, lesquelles voulez-vous retenir pour la prochaine Alliance ?';
const PRESENTER = 'Marie-Ève Bouchard-Lévesque';

/** The sideways phones, and the board's band each reaches (px between the top's chrome and the
 *  banner; 97, 137 and 214 when written). */
const SIDEWAYS = [
  { viewport: { width: 568, height: 320 }, band: 90 },
  { viewport: { width: 640, height: 360 }, band: 130 },
  { viewport: { width: 844, height: 390 }, band: 200 },
] as const;

const suite = serverAndBrowser();
const opened: Participant[] = [];
afterAll(async () => {
  for (const participant of opened) await participant.context.close();
});

/** Two frames: the stacks, the header's row and the page's height have followed. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

/** A participant's sideways phone on a forum's `kind` board, timed, presented and voted on. */
async function votingSideways(
  kind: 'plenary' | 'territory',
  viewport: { width: number; height: number },
): Promise<Page> {
  const { board } = await votingForum(suite.server, {
    kind,
    presenter: PRESENTER,
    question: QUESTION,
    timerMs: 600_000,
  });
  const participant = await newParticipant(suite.browser, 'Maëlle', {
    viewport,
    locale: 'fr-CA',
    hasTouch: true,
    isMobile: true,
  });
  opened.push(participant);
  const { page } = participant;
  await openBoard(page, board.edit.url);
  await page.locator('.editor [role=timer]').waitFor();
  await page.locator('.vote-banner').waitFor();
  await page.locator('.spotlight-banner').filter({ hasText: 'Bouchard' }).waitFor();
  await settled(page);
  return page;
}

describe('a phone held sideways during a vote', () => {
  for (const kind of ['plenary', 'territory'] as const) {
    for (const { viewport, band } of SIDEWAYS) {
      const size = `${viewport.width} × ${viewport.height}`;
      it(`fits the window, the board between the chrome and the banner (${kind}, ${size})`, async () => {
        const page = await votingSideways(kind, viewport);
        await page.screenshot({
          path: join(SHOTS, `sideways-vote-${kind}-${viewport.width}x${viewport.height}.png`),
        });
        // The page is the window: nothing to scroll to, nothing scrolled away.
        const fit = await page.evaluate(() => ({
          tall: 'tall' in document.querySelector<HTMLElement>('.editor')!.dataset,
          height: document.scrollingElement!.scrollHeight,
          scrolled: window.scrollY,
        }));
        expect(fit).toEqual({ tall: false, height: viewport.height, scrolled: 0 });
        const [top, [banner], [toolbar], [people], chrome] = await boxesAtOnce(
          page,
          '.editor > :is(.editor-header, .forum-kit, .spotlight-banner)',
          '.vote-banner',
          '.editor > .toolbar',
          '.editor > .people',
          '.editor > :is(.editor-header, .forum-kit, .spotlight-banner, .vote-banner, .toolbar, .people)',
        );
        // The banner in the window, whole.
        expect(banner!.top).toBeGreaterThanOrEqual(0);
        expect(banner!.bottom).toBeLessThanOrEqual(viewport.height);
        // The board's band: from below the header, the forum's buttons and « Vous suivez … » to
        // the banner (the toolbar a column at its left, the people's pill floating at its right).
        const topEnd = Math.max(...top.map((box) => box.bottom));
        expect(banner!.top - topEnd).toBeGreaterThanOrEqual(band);
        expect(toolbar!.right).toBeLessThanOrEqual(banner!.left);
        expect(people!.top).toBeGreaterThanOrEqual(topEnd);
        expect(people!.bottom).toBeLessThanOrEqual(banner!.top);
        // Nothing over anything else.
        expect(overlaps(chrome)).toEqual([]);
      });
    }
  }

  it('says the whole question and the presenter, shows them whole, all at a finger’s size', async () => {
    const page = await votingSideways('plenary', { width: 568, height: 320 });
    // Screen readers hear the question whole: it names the banner.
    await expect
      .poll(() => page.getByRole('region', { name: QUESTION, exact: true }).count())
      .toBe(1);
    await page
      .getByRole('status')
      .filter({ hasText: `Vous suivez ${PRESENTER}` })
      .waitFor();
    // Shown, « Vous suivez … » whole on its two lines (not cut).
    const following = await page
      .locator('.spotlight-banner > span')
      .evaluate((el) => ({ shown: el.clientHeight, whole: el.scrollHeight }));
    expect(following.whole).toBeLessThanOrEqual(following.shown + 1);
    // Finger targets: the banner's buttons, « Arrêter de suivre », the header's and the tools.
    const targets = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          '.vote-banner button, .spotlight-banner button, .editor-header button, .toolbar .tool',
        ),
      ]
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.width > 0)
        .map((r) => Math.min(r.width, r.height)),
    );
    expect(Math.min(...targets)).toBeGreaterThanOrEqual(44);
    // The question is cut to two lines; « ? » (« Comment voter ») shows it whole, with the help,
    // and the banner still ends in the window.
    const question = page.locator('.vote-banner strong');
    expect(await question.evaluate((el) => el.scrollHeight > el.clientHeight + 1)).toBe(true);
    await page.getByRole('button', { name: 'Comment voter' }).tap();
    await page.locator('.vote-banner .hint').waitFor();
    await settled(page);
    const whole = await question.evaluate((el) => ({
      shown: el.clientHeight,
      whole: el.scrollHeight,
    }));
    expect(whole.whole).toBeLessThanOrEqual(whole.shown + 1);
    await expect
      .poll(() =>
        page.locator('.vote-banner').evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        }),
      )
      .toBe(true);
    await page.screenshot({ path: join(SHOTS, 'sideways-vote-howto-568x320.png') });
    // The tools past the column's end come in as it scrolls, inside the window.
    const last = page.locator('.toolbar .tool').last();
    await last.scrollIntoViewIfNeeded();
    const box = (await last.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(320);
    expect(box.y).toBeGreaterThanOrEqual(0);
  });
});
