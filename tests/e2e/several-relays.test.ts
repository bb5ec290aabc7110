// The several-relay deployment as participants see it (SPEC R59–R67): two Carton processes on
// one PostgreSQL database and one Redis, the real web client in Chromium. Émilie's board is
// served by process A, Pierre's same board by process B, the facilitator's page by B.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { startRedis, type TestRedis } from '../support/redis';
import { startServer, type CartonServer } from '../support/server';
import { addNote, createForum, openBoard, waitForShapes, type CreatedForum } from './fixtures';

/** The same link, served by another process (any process serves any board). */
function on(server: CartonServer, url: string): string {
  const link = new URL(url);
  return `${server.url}${link.pathname}${link.hash}`;
}

describe('two processes behind one PostgreSQL and one Redis', () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  let a: CartonServer;
  let b: CartonServer;
  let browser: Browser;
  let emilie: Participant;
  let pierre: Participant;
  let forum: CreatedForum;

  beforeAll(async () => {
    // What does not wait on another starts at once: Chromium beside the database and Redis, B
    // beside the participants and the forum once A has prepared the database (two servers
    // preparing one new database at once would race).
    [[postgres, redis], browser] = await Promise.all([
      Promise.all([startTestPostgres(), startRedis()]),
      launchBrowser(),
    ]);
    const env = {
      CARTON_DATABASE_URL: await postgres.createDatabase(),
      CARTON_REDIS_URL: redis.url,
    };
    a = await startServer({ env });
    [b, emilie, pierre, forum] = await Promise.all([
      startServer({ env }),
      newParticipant(browser, 'Émilie'),
      newParticipant(browser, 'Pierre'),
      createForum(a, { territories: ['Kamouraska'], templates: false }),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await a?.dispose();
    await b?.dispose();
    await redis?.stop();
    await postgres?.stop();
  });

  it('a note written on A appears on B, and each sees the other’s cursor', async () => {
    const board = forum.boards.find((x) => x.kind === 'territory')!;
    await openBoard(emilie.page, on(a, board.edit.url));
    await openBoard(pierre.page, on(b, board.edit.url));
    await emilie.page.bringToFront();
    await addNote(emilie.page, 420, 320, 'Transport collectif');
    const seen = await waitForShapes(
      pierre.page,
      '(s) => s.some((x) => x.type === "note" && x.text === "Transport collectif")',
    );
    expect(seen.filter((s) => s.type === 'note')).toHaveLength(1);
    // Presence crosses too: Pierre moves his pointer, Émilie's board lists him.
    await pierre.page.bringToFront();
    await pierre.page.mouse.move(600, 400);
    await pierre.page.mouse.move(640, 420);
    await emilie.page.waitForFunction(
      () => window.__carton?.peers().some((p) => p.name === 'Pierre') === true,
      null,
      { timeout: 10_000 },
    );
    await pierre.page.waitForFunction(
      () => window.__carton?.peers().some((p) => p.name === 'Émilie') === true,
      null,
      { timeout: 10_000 },
    );
  });

  it('the timer started from the facilitator’s page on B shows on Émilie’s board on A', async () => {
    const page = await pierre.context.newPage();
    await page.goto(
      `${b.url}/f/${forum.forum.id}#token=${encodeURIComponent(forum.facilitator.token)}`,
    );
    await page.locator('.forum-minutes').fill('5');
    await page.getByRole('button', { name: 'Démarrer' }).click();
    const timer = emilie.page.getByTestId('forum-timer');
    await timer.waitFor({ timeout: 10_000 });
    expect(await timer.getAttribute('data-state')).toBe('running');
    await page.close();
  });

  it('A stops: Émilie reopens the same link on B and finds her board, Pierre still there', async () => {
    await a.kill('SIGKILL');
    const board = forum.boards.find((x) => x.kind === 'territory')!;
    await openBoard(emilie.page, on(b, board.edit.url));
    await waitForShapes(
      emilie.page,
      '(s) => s.some((x) => x.type === "note" && x.text === "Transport collectif")',
    );
    await emilie.page.bringToFront();
    await addNote(emilie.page, 420, 520, 'Logement abordable');
    await waitForShapes(
      pierre.page,
      '(s) => s.some((x) => x.type === "note" && x.text === "Logement abordable")',
    );
  });
});
