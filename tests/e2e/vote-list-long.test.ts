// « Voter en liste » on a board of 3,000 notes, on a phone. Drawing every note at once (6,000
// buttons) made the list slow to open and to scroll (bench/phone/vote-list.mjs): it draws a page
// of notes and the next as its end comes near, each note still reachable in the board's reading
// order. And a list left open does not open by itself over the next vote.
import { beforeAll, describe, expect, it } from 'vitest';
import { localOrigin } from '@carton/board';
import type { Page } from 'playwright-core';
import { newParticipant } from '../support/browser';
import type { CartonServer } from '../support/server';
import {
  createForum,
  forumRequest,
  openBoard,
  PHONE,
  serverAndBrowser,
  shapes,
  type CreatedForum,
} from './fixtures';
import { postcardWall, seedClientOn } from './forum-notes';

const NOTES = 3_000;
const COLUMNS = 60;

/** The notes drawn in the open list, by shape id. */
function drawnIds(page: Page): Promise<string[]> {
  return page
    .locator('.vote-list-note')
    .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset['shapeId']!));
}

/** Opens a 5-dot vote titled `title` over the wall; its id. */
async function openVote(server: CartonServer, forum: CreatedForum, title: string) {
  const opened = await forumRequest(server, forum, '/votes', {
    body: { title, boardIds: [postcardWall(forum).id], dotsPerParticipant: 5 },
  });
  expect(opened.status).toBe(201);
  return ((await opened.json()) as { vote: { id: string } }).vote.id;
}

describe('« Voter en liste » over 3,000 notes on a phone', () => {
  const suite = serverAndBrowser();
  let forum: CreatedForum;
  let phone: Page;
  let firstVote: string;

  beforeAll(async () => {
    const { server, browser } = suite;
    forum = await createForum(server, { territories: ['Kamouraska'], templates: false });
    const { board, close } = await seedClientOn(server, postcardWall(forum));
    // In batches of 250: one update of 3,000 notes is more than the server takes in one message.
    for (let from = 0; from < NOTES; from += 250) {
      board.run((tx) => {
        for (let i = from; i < from + 250; i++) {
          tx.create('note', {
            x: (i % COLUMNS) * 210,
            y: Math.floor(i / COLUMNS) * 210,
            w: 190,
            h: 190,
            text: `Idée ${i + 1} : logement abordable près des services`,
          });
        }
      }, localOrigin('user:seed'));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    close();
    firstVote = await openVote(server, forum, 'Nos incontournables');
    ({ page: phone } = await newParticipant(browser, 'Hélène', {
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
    }));
    await openBoard(phone, postcardWall(forum).edit.url);
    await phone.getByText('Il vous reste 5 points').waitFor({ timeout: 20_000 });
  }, 90_000);

  it('opens on a page of notes; every note is reached by scrolling, in reading order', async () => {
    await phone.getByRole('button', { name: 'Voter en liste', exact: true }).tap();
    const dialog = phone.getByRole('dialog', { name: 'Nos incontournables' });
    await dialog.waitFor();
    await phone.locator('.vote-list-note').first().waitFor();
    // A page, not the whole board: a few hundred rows at most in the page at first.
    const first = await drawnIds(phone);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThanOrEqual(200);

    const wall = (await shapes(phone))
      .filter((s) => s.type === 'note')
      .sort((a, b) => a.y - b.y || a.x - b.x)
      .map((s) => s.id);
    expect(wall).toHaveLength(NOTES);
    expect(first).toEqual(wall.slice(0, first.length));

    // Scrolled to its end again and again, the list draws on until it holds every note.
    const body = phone.locator('.vote-list-body');
    for (let round = 0; round < 100; round++) {
      if ((await phone.locator('.vote-list-note').count()) === NOTES) break;
      await body.evaluate((el) => (el.scrollTop = el.scrollHeight));
      await phone.waitForTimeout(100);
    }
    expect(await drawnIds(phone)).toEqual(wall);
    await expect.poll(() => phone.locator('.vote-list-more').count()).toBe(0);

    // The last note takes a dot like the first: my dots and the dots left agree.
    const last = phone.locator(`.vote-list-note[data-shape-id="${wall.at(-1)}"]`);
    await last.getByRole('button', { name: /^Donner un point/ }).tap();
    await expect.poll(() => last.getAttribute('data-mine')).toBe('1');
    await phone.locator('.vote-list-status[data-remaining="4"]').waitFor();
    await phone.getByRole('button', { name: 'Revenir au tableau' }).tap();
  });

  it('by keyboard, « Afficher la suite » goes on to the first note it drew', async () => {
    await phone.getByRole('button', { name: 'Voter en liste', exact: true }).tap();
    const more = phone.locator('.vote-list-more');
    await more.waitFor();
    // The list puts the focus on its heading once it has opened: « Afficher la suite » is focused
    // only after that, or the heading takes the focus back from it (CI's loaded run: Enter then
    // fell on the heading while the list drew on by itself, its end scrolled into sight).
    await phone.waitForFunction(() => document.activeElement?.closest('[role="dialog"]') != null);
    const before = await phone.locator('.vote-list-note').count();
    expect(await more.textContent()).toBe(`Afficher la suite (encore ${NOTES - before} idées)`);
    await more.focus();
    await phone.keyboard.press('Enter');
    await expect.poll(() => phone.locator('.vote-list-note').count()).toBeGreaterThan(before);
    const focused = await phone.evaluate(
      () =>
        (document.activeElement?.closest('.vote-list-note') as HTMLElement | null)?.dataset[
          'shapeId'
        ],
    );
    const wall = (await shapes(phone))
      .filter((s) => s.type === 'note')
      .sort((a, b) => a.y - b.y || a.x - b.x);
    expect(focused).toBe(wall[before]!.id);
    await phone.keyboard.press('Escape');
    await phone.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('a list left open does not open by itself over the next vote', async () => {
    await phone.getByRole('button', { name: 'Voter en liste', exact: true }).tap();
    await phone.getByRole('dialog', { name: 'Nos incontournables' }).waitFor();
    // The facilitator closes the vote: the list stays, to say so.
    const closed = await forumRequest(suite.server, forum, `/votes/${firstVote}/close`);
    expect(closed.status).toBe(200);
    await phone.locator('.vote-list-panel[data-state="closed"]').waitFor();
    // Then opens another over the wall: its banner, not a list the participant never asked for.
    await openVote(suite.server, forum, 'Deuxième tour');
    await phone.getByText('Deuxième tour').first().waitFor();
    expect(await phone.getByRole('dialog').count()).toBe(0);
    await phone.getByRole('button', { name: 'Voter en liste', exact: true }).waitFor();
  });
});
