// « Exporter » after a dot vote, in real Chromium: a facilitator who exports the Kamouraska carton
// once the vote is closed, to put it in the forum's report, gets its votes — « Avec les points du
// vote », ticked, draws the dark badges the board, the projector and the archive show, at the
// same place (off a stamp in the corner), in the PNG, the SVG and the PDF. Unticked, the carton as
// written. No such option where no closed vote covers the board (none, or one still open).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { localOrigin } from '@carton/board';
import { launchBrowser, newParticipant, savedDownload } from '../support/browser';
import { REPO_ROOT, startServer, type CartonServer } from '../support/server';
import { createForum, openBoard, waitForShapes, type CreatedForum } from './fixtures';
import { connectSeedClient } from './seed';
import { exportDialog, openExportMenu } from './export-dialog';

/** The badges' fill, #1d2b3a (VOTE_BADGE_FILL). */
const BADGE = [0x1d, 0x2b, 0x3a];
/** Kamouraska's carton, and its two notes (board units). */
const CARTON = { x: 0, y: 0, w: 900, h: 560 };
const VOTED = { x: 40, y: 110, w: 200, h: 200 };
const STAMPED = { x: 300, y: 110, w: 200, h: 200 };
/** A heart stamped in STAMPED's top-right corner, where a badge always sat. */
const HEART = { x: 430, y: 120, size: 64 };

const OUT = join(REPO_ROOT, 'test-results/exports');

/** Clicks « Télécharger »; the file is kept under test-results/exports as `keep`, to look at. */
async function download(page: Page, keep?: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: 'Télécharger' }).click(),
  ]);
  const bytes = readFileSync(await savedDownload(file));
  if (keep) {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, keep), bytes);
  }
  return bytes;
}

/**
 * Pixels of the badges' fill in a board rectangle of a carton PNG at 1× (the picture's origin
 * is the carton's top-left less the 40 units of padding).
 */
function badgePixels(png: PNG, area: { x: number; y: number; w: number; h: number }): number {
  let count = 0;
  for (let y = Math.max(0, area.y + 40); y < Math.min(png.height, area.y + 40 + area.h); y++)
    for (let x = Math.max(0, area.x + 40); x < Math.min(png.width, area.x + 40 + area.w); x++) {
      const at = (png.width * y + x) * 4;
      if (
        Math.abs(png.data[at]! - BADGE[0]!) <= 2 &&
        Math.abs(png.data[at + 1]! - BADGE[1]!) <= 2 &&
        Math.abs(png.data[at + 2]! - BADGE[2]!) <= 2
      )
        count++;
    }
  return count;
}

/** Around a note's top-right corner, where its badge straddles it (48 units high). */
const topRight = (note: typeof VOTED) => ({
  x: note.x + note.w - 40,
  y: note.y - 30,
  w: 70,
  h: 60,
});
const topLeft = (note: typeof VOTED) => ({ x: note.x - 30, y: note.y - 30, w: 70, h: 60 });

describe('export with the dots of a closed vote', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;
  let page: Page;
  const api = async (path: string, token: string, body: unknown = {}) => {
    const response = await fetch(`${server.url}/api/forums/${forum.forum.id}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as { vote: { id: string } };
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, {
      territories: ['Kamouraska', 'Rimouski-Neigette'],
      templates: false,
    });
    const kamouraska = forum.boards.find((b) => b.kind === 'territory')!;
    const client = await connectSeedClient(
      `${server.url.replace('http', 'ws')}/sync`,
      kamouraska.id,
      kamouraska.edit.token,
    );
    const ids = client.board.run((tx) => {
      const carton = tx.create('carton', { ...CARTON, title: 'Conditions de succès — Kamouraska' });
      const voted = tx.create('note', {
        ...VOTED,
        color: 'green',
        parentId: carton,
        text: 'Participation citoyenne',
      });
      const stamped = tx.create('note', {
        ...STAMPED,
        color: 'pink',
        parentId: carton,
        text: 'Bon leadership',
      });
      tx.create('stamp', { ...HEART, kind: 'heart', parentId: carton });
      return { voted, stamped };
    }, localOrigin('user:seed'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    client.close();
    const { vote } = await api('/votes', forum.facilitator.token, {
      title: 'Nos incontournables',
      boardIds: [kamouraska.id],
      dotsPerParticipant: 3,
    });
    const dot = (shapeId: string, voterId: string) =>
      api(`/votes/${vote.id}/dots`, kamouraska.edit.token, {
        boardId: kamouraska.id,
        shapeId,
        voterId,
      });
    for (let n = 0; n < 3; n++) await dot(ids.voted, 'voter-one-abcdefgh');
    await dot(ids.stamped, 'voter-two-abcdefgh');
    await api(`/votes/${vote.id}/close`, forum.facilitator.token);
    ({ page } = await newParticipant(browser, 'Émilie'));
    await openBoard(page, kamouraska.edit.url);
    await waitForShapes(page, '(s) => s.length === 4');
    // The board itself shows the closed vote's counts.
    await page.locator(`.vote-dot.count[data-shape-id="${ids.voted}"]`).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('PNG: « Avec les points du vote », ticked, draws the badges as the board places them', async () => {
    await openExportMenu(page);
    await page.getByLabel('Image PNG').check();
    await exportDialog(page).getByLabel('Contenu').selectOption('carton');
    await page.getByLabel('Échelle').selectOption('1');
    const option = page.getByRole('checkbox', { name: 'Avec les points du vote' });
    await option.waitFor({ timeout: 10_000 });
    expect(await option.isChecked()).toBe(true);
    expect(await exportDialog(page).locator('#export-dots-hint').textContent()).toBe(
      'Vote fermé «\u00a0Nos incontournables\u00a0»\u00a0: 4 points sur ce tableau.',
    );
    await exportDialog(page).screenshot({
      path: join(REPO_ROOT, 'test-results/screenshots/export-vote-dots-dialog.png'),
    });
    const dotted = PNG.sync.read(await download(page, 'kamouraska-with-dots.png'));
    // Carton 900 × 560 (+8 shadow), padded 40: the same picture, badges or not.
    expect([dotted.width, dotted.height]).toEqual([988, 648]);
    // « 3 » on the voted note's top-right corner: a dark pill, ~48 units across.
    expect(badgePixels(dotted, topRight(VOTED))).toBeGreaterThan(800);
    // « 1 » on the stamped note, off the heart: at its top-left corner, none over the heart.
    expect(badgePixels(dotted, topLeft(STAMPED))).toBeGreaterThan(800);
    expect(badgePixels(dotted, topRight(STAMPED))).toBe(0);

    await option.uncheck();
    const plain = PNG.sync.read(await download(page, 'kamouraska-without-dots.png'));
    expect([plain.width, plain.height]).toEqual([988, 648]);
    expect(badgePixels(plain, topRight(VOTED))).toBe(0);
    expect(badgePixels(plain, topLeft(STAMPED))).toBe(0);
    await option.check();
  });

  it('SVG and PDF of the carton draw them too; JSON offers no such option', async () => {
    await openExportMenu(page);
    await page.getByLabel('Carton en SVG').check();
    const option = page.getByRole('checkbox', { name: 'Avec les points du vote' });
    expect(await option.isChecked()).toBe(true);
    const svg = (await download(page, 'kamouraska-with-dots.svg')).toString('utf8');
    expect(svg.match(/class="vote-badge"/g)).toHaveLength(2);
    expect(svg).toContain('data-count="3"');
    expect(svg).toContain('fill="#1d2b3a"');
    await option.uncheck();
    expect((await download(page)).toString('utf8')).not.toContain('vote-badge');
    await option.check();

    await page.getByLabel('Carton en PDF (affiche)').check();
    expect(await option.isChecked()).toBe(true);
    const withDots = await download(page);
    await option.uncheck();
    const withoutDots = await download(page);
    expect(withDots.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The same page, its picture differing by the badges.
    expect(withDots.equals(withoutDots)).toBe(false);
    await option.check();

    await page.getByLabel('Tableau complet (JSON)').check();
    expect(await option.count()).toBe(0);
  });

  it('a board no closed vote covers offers no dots: none, or one still open', async () => {
    const rimouski = forum.boards.filter((b) => b.kind === 'territory')[1]!;
    const wall = forum.boards.find((b) => b.kind === 'postcards')!;
    // A timer started on the forum tells the pages their forum room has arrived.
    await api('/timer', forum.facilitator.token, { action: 'start', durationMs: 600_000 });
    const other = await page.context().newPage();
    try {
      await openBoard(other, rimouski.edit.url);
      await other.locator('.forum-timer').waitFor({ timeout: 10_000 });
      await openExportMenu(other);
      await other.getByLabel('Image PNG').check();
      await exportDialog(other).getByLabel('Contenu').waitFor();
      expect(await other.getByRole('checkbox', { name: 'Avec les points du vote' }).count()).toBe(
        0,
      );

      // A vote open over the postcard wall, with a dot: not the results yet.
      const { vote } = await api('/votes', forum.facilitator.token, {
        title: 'Cartes postales',
        boardIds: [wall.id],
        dotsPerParticipant: 3,
      });
      const client = await connectSeedClient(
        `${server.url.replace('http', 'ws')}/sync`,
        wall.id,
        wall.edit.token,
      );
      const note = client.board.run(
        (tx) => tx.create('note', { x: 0, y: 0, text: 'Plaisir !' }),
        localOrigin('user:seed'),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      client.close();
      await api(`/votes/${vote.id}/dots`, wall.edit.token, {
        boardId: wall.id,
        shapeId: note,
        voterId: 'voter-three-abcdefgh',
      });
      await openBoard(other, wall.edit.url);
      await other.locator('.vote-banner').waitFor({ timeout: 10_000 });
      await openExportMenu(other);
      await other.getByLabel('Image PNG').check();
      await exportDialog(other).getByLabel('Contenu').waitFor();
      expect(await other.getByRole('checkbox', { name: 'Avec les points du vote' }).count()).toBe(
        0,
      );
    } finally {
      await other.close();
    }
  });
});
