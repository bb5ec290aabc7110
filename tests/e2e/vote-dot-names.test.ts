// The dots drawn on notes once I leave vote mode (« Revenir aux outils ») and, after the vote, every
// note's count: a screen reader met bare numbers, « 2 », « 3 », with nothing to say whose dots
// or on which idea. Each is now a picture named by its note — « Vos 2 points sur « … » »,
// « 3 points sur « … », dont 2 à vous » — in French and in English, and axe-core finds nothing
// to say of a board with a closed vote. While voting, the dot that takes mine back says so of
// its note and starts with the number it shows: « 2 points à vous sur « … » : en retirer un ».
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import {
  createForum,
  forumRequest,
  openBoard,
  territoryBoard,
  type CreatedForum,
} from './fixtures';
import { writeNotes, type WrittenNote } from './forum-notes';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const HELENE = 'voter-helene-0001';
const q = (text: string) => `«\u00a0${text}\u00a0»`;

/** A board page (1366 × 768) in `locale`, on a device that voted as `voter` if given. */
async function boardPage(
  browser: Browser,
  url: string,
  locale: string,
  voter: string | null,
): Promise<Page> {
  // The test's own context bypasses the CSP so axe's script may run.
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale,
    bypassCSP: true,
  });
  await context.addInitScript((id) => {
    try {
      localStorage.setItem('carton.name', 'Hélène');
      if (id) localStorage.setItem('carton.voterId', id);
    } catch {
      // about:blank has no storage.
    }
  }, voter);
  const page = await context.newPage();
  await openBoard(page, url);
  return page;
}

/** axe-core's violations, every impact, on the dots; serious and critical ones on the page. */
async function audit(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (context: string | Document) => Promise<AxeResults> };
    };
    const dots = (await axe.run('.vote-dot')).violations.map((v) => `dot: ${v.id}`);
    const whole = (await axe.run(document)).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `page: ${v.id}`);
    return [...dots, ...whole];
  });
}

describe('dots on notes are named by their idea', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;
  let voteId = '';
  let notes: WrittenNote[] = [];

  const place = async (note: WrittenNote, voterId: string) => {
    const placed = await forumRequest(server, forum, `/votes/${voteId}/dots`, {
      token: note.token,
      body: { boardId: note.boardId, shapeId: note.shapeId, voterId },
    });
    expect(placed.status).toBe(201);
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['Kamouraska'], templates: false });
    const board = territoryBoard(forum);
    notes = await writeNotes(server, board, ['Participation citoyenne', 'Bon leadership']);
    const opened = await forumRequest(server, forum, '/votes', {
      body: { title: 'Nos incontournables', boardIds: [board.id], dotsPerParticipant: 5 },
    });
    expect(opened.status).toBe(201);
    voteId = ((await opened.json()) as { vote: { id: string } }).vote.id;
    await place(notes[0]!, HELENE);
    await place(notes[0]!, HELENE);
    await place(notes[0]!, 'voter-pierre-0002');
    await place(notes[1]!, 'voter-pierre-0002');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('names my dots once I leave vote mode, then every count once the vote is closed', async () => {
    const page = await boardPage(browser, territoryBoard(forum).edit.url, 'fr-CA', HELENE);
    await page.getByText('Il vous reste 3 points').waitFor({ timeout: 10_000 });
    // While voting, the dot that takes mine back names its note too (it said « Retirer mon
    // point » on every note), and says it holds two of them.
    const takeBack = page.getByRole('button', {
      name: `2\u00a0points à vous sur ${q('Participation citoyenne')}\u00a0: en retirer un`,
      exact: true,
    });
    await takeBack.waitFor({ timeout: 5_000 });
    expect(await takeBack.getAttribute('data-shape-id')).toBe(notes[0]!.shapeId);
    expect(await page.locator('button.vote-dot').count()).toBe(1);
    await page.getByRole('button', { name: 'Revenir aux outils' }).click();
    const mine = page.getByRole('img', {
      name: `Vos 2 points sur ${q('Participation citoyenne')}`,
    });
    await mine.waitFor({ timeout: 5_000 });
    expect(await mine.getAttribute('data-count')).toBe('2');

    const closed = await forumRequest(server, forum, `/votes/${voteId}/close`);
    expect(closed.status).toBe(200);
    const counted = page.getByRole('img', {
      name: `3 points sur ${q('Participation citoyenne')}, dont 2 à vous`,
    });
    await counted.waitFor({ timeout: 10_000 });
    expect(await counted.getAttribute('class')).toBe('vote-dot count');
    expect(
      await page
        .getByRole('img', { name: `1 point sur ${q('Bon leadership')}`, exact: true })
        .count(),
    ).toBe(1);
    expect(await audit(page)).toEqual([]);
    await page.context().close();
  });

  it('says the counts in English, without « yours » on a device that did not vote', async () => {
    const page = await boardPage(browser, territoryBoard(forum).view.url, 'en', null);
    const counted = page.getByRole('img', {
      name: '3 dots on “Participation citoyenne”',
      exact: true,
    });
    await counted.waitFor({ timeout: 10_000 });
    expect(
      await page.getByRole('img', { name: '1 dot on “Bon leadership”', exact: true }).count(),
    ).toBe(1);
    expect(await audit(page)).toEqual([]);
    await page.context().close();
  });
});
