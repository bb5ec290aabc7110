// Shared by the tests of « Les incontournables » and the votes over a forum's boards: notes
// written on a forum's boards through a stock y-websocket client (seed.ts), as participants
// would, and the forum page opened on its compiled list.
import { expect } from 'vitest';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { localOrigin } from '@carton/board';
import { newParticipant } from '../support/browser';
import type { CartonServer } from '../support/server';
import {
  createForum,
  forumRequest,
  openBoard,
  PHONE,
  type BoardLinks,
  type CreatedForum,
} from './fixtures';
import { connectSeedClient } from './seed';

/** The forum's postcard wall (« Cartes postales »). */
export function postcardWall(forum: CreatedForum): CreatedForum['boards'][number] {
  return forum.boards.find((b) => b.kind === 'postcards')!;
}

/** A stock y-websocket client on `board`, with its edit link. */
export function seedClientOn(
  server: CartonServer,
  board: BoardLinks,
): ReturnType<typeof connectSeedClient> {
  return connectSeedClient(`${server.url.replace('http', 'ws')}/sync`, board.id, board.edit.token);
}

/** A note writeNotes wrote: what a dot on it names, and the link it was written with. */
export interface WrittenNote {
  boardId: string;
  shapeId: string;
  token: string;
}

/**
 * Writes `texts` on `board` as notes in a row, 250 apart, then leaves once the server has had
 * `settleMs` to take them.
 */
export async function writeNotes(
  server: CartonServer,
  board: BoardLinks,
  texts: readonly string[],
  settleMs = 200,
): Promise<WrittenNote[]> {
  const { board: model, close } = await seedClientOn(server, board);
  const ids: string[] = [];
  model.run((tx) => {
    texts.forEach((text, n) => ids.push(tx.create('note', { x: n * 250, y: 0, text })));
  }, localOrigin('user:seed'));
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  close();
  return ids.map((shapeId) => ({ boardId: board.id, shapeId, token: board.edit.token }));
}

/**
 * The forum page as its facilitator opens it (1366 × 768, fr-CA, then `options`), « Compiler »
 * pressed and the list shown.
 */
export async function openCompiledList(
  browser: Browser,
  server: CartonServer,
  forum: CreatedForum,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'fr-CA',
    ...options,
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
  await page.getByRole('button', { name: 'Compiler' }).click();
  await page.locator('.compilation-item').first().waitFor({ timeout: 10_000 });
  return page;
}

/**
 * Sixty postcards of three notes each on the forum's postcard wall (6 a row), note `n` of card
 * `card` saying `textOf(card, n)`, written by one client closed once they are sent.
 */
export async function sixtyPostcards(
  server: CartonServer,
  forum: CreatedForum,
  textOf: (card: number, n: number) => string,
): Promise<void> {
  const { board, close } = await seedClientOn(server, postcardWall(forum));
  board.run((tx) => {
    for (let card = 0; card < 60; card++) {
      for (let n = 0; n < 3; n++) {
        tx.create('note', {
          x: (card % 6) * 1300 + 40 + n * 210,
          y: Math.floor(card / 6) * 900 + 220,
          w: 190,
          h: 190,
          text: textOf(card, n),
        });
      }
    }
  }, localOrigin('user:seed'));
  await new Promise((resolve) => setTimeout(resolve, 300));
  close();
}

/** The ideas of the postcard wall votedWallOnPhone writes, one per note in turn. */
export const WALL_IDEAS = [
  'Participation citoyenne',
  'Accompagnement',
  'Plaisir !',
  'Bon leadership',
];

/**
 * A dot vote (5 points) over the forum's postcard wall, written as sixty postcards of three notes
 * (190 units wide, 210 apart: a row of 6 postcards, 10 rows; fitted to a phone, each note is
 * ~10 px wide), opened on a phone by Hélène once her points are said.
 */
export async function votedWallOnPhone(
  browser: Browser,
  server: CartonServer,
  forum: CreatedForum,
): Promise<Page> {
  const wall = postcardWall(forum);
  await sixtyPostcards(server, forum, (card, n) => WALL_IDEAS[(card + n) % WALL_IDEAS.length]!);
  const opened = await forumRequest(server, forum, '/votes', {
    body: { title: 'Nos incontournables', boardIds: [wall.id], dotsPerParticipant: 5 },
  });
  if (opened.status !== 201) throw new Error(`the vote did not open: ${opened.status}`);
  const { page } = await newParticipant(browser, 'Hélène', {
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
  });
  await openBoard(page, wall.edit.url);
  await page.getByText('Il vous reste 5 points').waitFor({ timeout: 10_000 });
  return page;
}

// « Mettre la liste sur la plénière » from the forum page, and the room's vote on the list
// (list-on-plenary-again, list-on-plenary-reload).

/** A forum of La Mitis and Kamouraska whose postcard wall holds three ideas. */
export async function forumOfThreeIdeas(server: CartonServer): Promise<CreatedForum> {
  const forum = await createForum(server, { territories: ['La Mitis', 'Kamouraska'] });
  await writeNotes(server, postcardWall(forum), [
    'Participation citoyenne',
    'Bon leadership',
    'Processus légers et clairs',
  ]);
  return forum;
}

/**
 * Presses « Mettre la liste sur la plénière » on the first placing of the three ideas; returns
 * the list's section once it says they were added.
 */
export async function placeThreeIdeas(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Mettre la liste sur la plénière' }).click();
  const section = page.locator('.list-on-plenary-status');
  await section.getByText('La liste est sur la plénière\u00a0: 3 idées ajoutées.').waitFor();
  return section;
}

/**
 * « Nos incontournables » opened from « Vote par points » on the boards it proposes; the vote's
 * id once its row says it is open.
 */
export async function openListVote(page: Page): Promise<string | null> {
  const votes = page.locator('#forum-votes');
  await votes.locator('.vote-title').fill('Nos incontournables');
  await votes.getByRole('button', { name: 'Ouvrir le vote', exact: true }).click();
  const row = votes.locator('li.vote').filter({ hasText: 'Nos incontournables' });
  await row.and(page.locator('[data-state="open"]')).waitFor({ timeout: 10_000 });
  return row.getAttribute('data-vote-id');
}

/** The facilitator closes a vote (the forum's API). */
export async function closeVote(
  server: CartonServer,
  forum: CreatedForum,
  voteId: string | null,
): Promise<void> {
  const closed = await forumRequest(server, forum, `/votes/${voteId}/close`, { body: {} });
  expect(closed.status).toBe(200);
}

/** A vote over `boardIds` opened and closed through the forum's API (a vote held earlier). */
export async function heldVote(
  server: CartonServer,
  forum: CreatedForum,
  title: string,
  boardIds: string[],
): Promise<void> {
  const opened = await forumRequest(server, forum, '/votes', {
    body: { title, boardIds, dotsPerParticipant: 3 },
  });
  expect(opened.status).toBe(201);
  const voteId = ((await opened.json()) as { vote: { id: string } }).vote.id;
  await closeVote(server, forum, voteId);
}

/** What the page says of « Nos incontournables » once the list's vote is closed. */
export const LIST_VOTE_HELD =
  /^Le vote sur la liste a eu lieu sur la plénière\u00a0: «\u00a0Nos incontournables\u00a0», fermé à \d\d\sh\s\d\d\./;

/** « Vote par points » ticks the plenary alone (`plenary`), or the territories alone. */
export async function expectPlenaryTicked(
  votes: Locator,
  plenaryTitle: string,
  plenary: boolean,
): Promise<void> {
  expect(await votes.getByRole('checkbox', { name: plenaryTitle }).isChecked()).toBe(plenary);
  for (const name of ['La Mitis', 'Kamouraska']) {
    expect(await votes.getByRole('checkbox', { name, exact: true }).isChecked()).toBe(!plenary);
  }
}
