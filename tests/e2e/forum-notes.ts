// Shared by the tests of « Les incontournables » and the votes over a forum's boards: notes
// written on a forum's boards through a stock y-websocket client (seed.ts), as participants
// would, and the forum page opened on its compiled list.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { localOrigin } from '@carton/board';
import { newParticipant } from '../support/browser';
import type { CartonServer } from '../support/server';
import { forumRequest, openBoard, PHONE, type BoardLinks, type CreatedForum } from './fixtures';
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
