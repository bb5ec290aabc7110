// The plenary board on the projector (usability audit): the « Mosaïque » of the territories'
// cartons fills the screen, the timer's pulse at 0:00 leaves « Mosaïque » uncovered, and a dot
// vote's totals (then each note's dots) show on the tiles. Read from the back of the room: with
// the seed's eight territories and a dot vote open, every tile writes its territory's name and
// its points whole (no « … ») and at least 18 px at 1280 × 720 (a projector's common size), 27 px
// at 1920 × 1080 (side by side in 58 % and 38 % of a 306 px tile, every open vote's total read
// « Vote : 1… »). A territory added (or taken out) on the forum page during the plenary shows in
// the mosaic as soon as the facilitator comes back to the plenary's window, without reopening
// the mosaic; the other tiles stay as they are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BSL_TERRITORIES, localOrigin } from '@carton/board';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, forumRequest, newPhone, openBoard, type CreatedForum } from './fixtures';
import { CARTONS, fillTerritory } from './plenary-cartons';
import { connectSeedClient } from './seed';

// The seed's eight MRCs of the Bas-Saint-Laurent.
const BSL = [...BSL_TERRITORIES];
// A territory carton (1600 × 1000) with the mosaic's margin.
const CARTON = 1648 / 1048;

interface TileBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
  aspect: number;
}

async function tileBoxes(page: Page): Promise<TileBox[]> {
  return page.locator('li.mosaic-tile').evaluateAll((tiles) =>
    tiles.map((tile) => {
      const r = tile.getBoundingClientRect();
      const drawing = tile.querySelector('.mosaic-svg')!.getBoundingClientRect();
      return {
        left: r.left,
        top: r.top,
        right: r.right,
        bottom: r.bottom,
        aspect: drawing.width / drawing.height,
      };
    }),
  );
}

/** Every carton drawn whole inside the window, at the carton's aspect. */
async function expectAllInView(page: Page, count: number, label: string): Promise<TileBox[]> {
  await page
    .locator('li.mosaic-tile')
    .nth(count - 1)
    .waitFor();
  // The layout follows the window's size on the next frame.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  const boxes = await tileBoxes(page);
  const view = page.viewportSize()!;
  expect(boxes, label).toHaveLength(count);
  for (const box of boxes) {
    expect(box.left, label).toBeGreaterThanOrEqual(0);
    expect(box.right, label).toBeLessThanOrEqual(view.width);
    expect(box.bottom, label).toBeLessThanOrEqual(view.height);
    expect(Math.abs(box.aspect - CARTON), label).toBeLessThan(0.03);
  }
  return boxes;
}

interface Caption {
  name: string;
  fonts: number[];
  cut: boolean;
  overlap: boolean;
  outside: boolean;
}

/** Each tile's name and total: their sizes, whether either is cut, overlaps or leaves the tile. */
function captions(page: Page): Promise<Caption[]> {
  return page.locator('li.mosaic-tile').evaluateAll((tiles) =>
    tiles.map((tile) => {
      const parts = ['.mosaic-name', '.mosaic-votes'].map((s) => tile.querySelector(s)!);
      const [name, votes] = parts.map((p) => p.getBoundingClientRect()) as [DOMRect, DOMRect];
      const box = tile.getBoundingClientRect();
      return {
        name: parts[0]!.textContent ?? '',
        fonts: parts.map((p) => parseFloat(getComputedStyle(p).fontSize)),
        cut: parts.some(
          (p) => p.scrollWidth > p.clientWidth + 1 || p.scrollHeight > p.clientHeight + 1,
        ),
        overlap:
          name.right > votes.left &&
          name.left < votes.right &&
          name.bottom > votes.top &&
          name.top < votes.bottom,
        outside: [name, votes].some(
          (r) =>
            r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom,
        ),
      };
    }),
  );
}

describe('the plenary on the projector', () => {
  let server: CartonServer;
  let browser: Browser;
  let screen: Participant;
  let forum: CreatedForum;
  const boardOf = (territory: string) =>
    forum.boards.find((b) => b.kind === 'territory' && b.title.includes(territory))!;
  const api = (path: string, body: unknown, token = forum.facilitator.token) =>
    fetch(`${server.url}/api/forums/${forum.forum.id}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: BSL });
    screen = await newParticipant(browser, 'Marie-Anne', {
      viewport: { width: 1920, height: 1080 },
    });
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    await openBoard(screen.page, `${server.url}/b/${plenary.id}#token=${forum.facilitator.token}`);
    await screen.page.getByRole('button', { name: 'Mosaïque' }).click();
    await screen.page
      .locator('li.mosaic-tile svg')
      .filter({ hasText: /Conditions présentes/ })
      .nth(BSL.length - 1)
      .waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('lays eight cartons out to fill a projector, and a laptop, without scrolling', async () => {
    const page = screen.page;
    const boxes = await expectAllInView(page, 8, '1920 × 1080');
    // Two rows of four left the bottom quarter empty, the cartons 465 px wide: three rows
    // reach the bottom of the screen and the cartons are larger.
    expect(Math.max(...boxes.map((b) => b.bottom))).toBeGreaterThan(1080 * 0.9);
    expect(Math.min(...boxes.map((b) => b.right - b.left))).toBeGreaterThan(475);
    // The territory's name is written large enough to read from the room.
    const nameSize = await page
      .locator('li.mosaic-tile .mosaic-name')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(nameSize).toBeGreaterThanOrEqual(18);

    for (const [width, height] of [
      [1366, 768],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expectAllInView(page, 8, `${width} × ${height}`);
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('at 0:00 the timer pulses without covering « Mosaïque » beside it', async () => {
    const page = screen.page;
    expect((await api('/timer', { action: 'start', durationMs: 1_000 })).status).toBe(200);
    try {
      await page.locator('.forum-kit .forum-timer-done').waitFor({ timeout: 10_000 });
      const covered = await page.evaluate(() => {
        const timer = document.querySelector<HTMLElement>('.forum-kit .forum-timer-done')!;
        const button = [...document.querySelectorAll('.forum-kit .kit-button')].find(
          (b) => b.textContent === 'Mosaïque',
        )!;
        const animations = timer.getAnimations();
        const hits: number[] = [];
        // Every moment of one beat of the pulse (1 s), its box and its outer glow.
        for (let ms = 0; ms < 1000; ms += 100) {
          for (const a of animations) {
            a.pause();
            a.currentTime = ms;
          }
          const r = timer.getBoundingClientRect();
          let glow = 0;
          const shadow = getComputedStyle(timer).boxShadow;
          for (const part of shadow === 'none' ? [] : shadow.split(/,(?![^(]*\))/)) {
            if (part.includes('inset')) continue;
            const [dx = 0, dy = 0, blur = 0, spread = 0] = [...part.matchAll(/(-?[\d.]+)px/g)].map(
              (m) => Number(m[1]),
            );
            glow = Math.max(glow, Math.max(Math.abs(dx), Math.abs(dy)) + blur + spread);
          }
          const b = button.getBoundingClientRect();
          if (r.right + glow > b.left && r.left - glow < b.right) hits.push(ms);
        }
        return { hits, animations: animations.length };
      });
      // Still a pulse to catch the eye, never over the button.
      expect(covered.animations).toBeGreaterThan(0);
      expect(covered.hits).toEqual([]);
    } finally {
      await api('/timer', { action: 'stop' });
    }
  });

  it('shows each tile’s dots while a vote is open, and each note’s once it is closed', async () => {
    const page = screen.page;
    const kamouraska = boardOf('Kamouraska');
    const rdl = boardOf('Rivière-du-Loup');
    // A blank template note takes no dot (V3 empty_note): write an idea on the first one.
    const noteOf = async (board: { id: string; edit: { token: string } }) => {
      const text = 'Financement systémique';
      const writer = await connectSeedClient(server.syncUrl, board.id, board.edit.token);
      const noteId = writer.board.listShapes().find((s) => s.type === 'note')!.id;
      writer.board.run((tx) => tx.update(noteId, { text }), localOrigin('user:seed'));
      // The server has the text once another client receives it from the server.
      const watcher = await connectSeedClient(server.syncUrl, board.id, board.edit.token);
      const written = () => {
        const note = watcher.board.getShape(noteId);
        return note?.type === 'note' && note.text === text;
      };
      try {
        await new Promise<void>((resolve, reject) => {
          if (written()) return resolve();
          const timer = setTimeout(() => reject(new Error('the note text never came')), 10_000);
          watcher.board.doc.on('update', () => {
            if (!written()) return;
            clearTimeout(timer);
            resolve();
          });
        });
      } finally {
        writer.close();
        watcher.close();
      }
      return noteId;
    };
    const opened = await api('/votes', {
      title: 'Nos priorités',
      // Les Basques is in the vote and gets no dot.
      boardIds: [kamouraska.id, rdl.id, boardOf('Les Basques').id],
      dotsPerParticipant: 3,
    });
    expect(opened.status).toBe(201);
    const { vote } = (await opened.json()) as { vote: { id: string } };
    const dot = async (board: typeof kamouraska, shapeId: string, voterId: string) =>
      expect(
        (
          await api(
            `/votes/${vote.id}/dots`,
            { boardId: board.id, shapeId, voterId },
            board.edit.token,
          )
        ).status,
      ).toBe(201);
    const kNote = await noteOf(kamouraska);
    await dot(kamouraska, kNote, 'votant-emilie-0001');
    await dot(kamouraska, kNote, 'votant-emilie-0001');
    await dot(kamouraska, kNote, 'votant-sylvain-001');
    await dot(rdl, await noteOf(rdl), 'votant-sylvain-001');

    const tile = (board: { id: string }) =>
      page.locator(`li.mosaic-tile[data-board-id="${board.id}"]`);
    const total = tile(kamouraska).locator('.mosaic-votes');
    await total.filter({ hasText: 'Vote : 3 points' }).waitFor({ timeout: 10_000 });
    expect(await total.getAttribute('data-state')).toBe('open');
    expect(await tile(rdl).locator('.mosaic-votes').textContent()).toBe('Vote\u00a0: 1 point');
    const basques = tile(boardOf('Les Basques')).locator('.mosaic-votes');
    expect(await basques.textContent()).toBe('Vote\u00a0: 0 point');
    // Not in the vote: nothing written on it.
    expect(await tile(boardOf('Témiscouata')).locator('.mosaic-votes').count()).toBe(0);
    // While the room votes, which notes lead stays unsaid.
    expect(await tile(kamouraska).locator('g.tile-vote').count()).toBe(0);
    expect(
      await total.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(18);

    expect((await api(`/votes/${vote.id}/close`, {})).status).toBe(200);
    await tile(kamouraska)
      .locator('.mosaic-votes[data-state="closed"]', { hasText: '3 points' })
      .waitFor({ timeout: 10_000 });
    // Closed: a tile without dots says nothing (a red « 0 point » on each was noise).
    expect(await basques.count()).toBe(0);
    const badge = tile(kamouraska).locator(`g.tile-vote[data-shape-id="${kNote}"]`);
    await badge.waitFor({ timeout: 10_000 });
    expect(await badge.getAttribute('data-count')).toBe('3');
    // Legible from afar: the dot is drawn about as large as the name is written. Read until the
    // tile's new picture is laid out (once, on a loaded machine, the badge read 0 px wide).
    await expect
      .poll(() => badge.locator('circle').evaluate((c) => c.getBoundingClientRect().width), {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(26);
  });
  it('on a facilitator’s phone, the forum buttons sit clear of the header and the people', async () => {
    // The buttons were centred at the height of the phone header's second row: « Mosaïque »
    // covered the zoom's + and « Tout afficher ».
    const phone = await newPhone(browser, 'Marie-Anne');
    try {
      const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
      await openBoard(phone.page, `${server.url}/b/${plenary.id}#token=${forum.facilitator.token}`);
      await phone.page.getByRole('button', { name: 'Mosaïque' }).waitFor();
      // The timer's settings open too: they must not cover the buttons either.
      await phone.page.getByRole('button', { name: 'Minuterie' }).click();
      await phone.page.locator('.forum-kit-popover').waitFor();
      const boxes = await phone.page.evaluate(() => {
        const box = (el: Element) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        };
        return {
          kit: [...document.querySelectorAll('.forum-kit > *')].map(box),
          others: [
            ...document.querySelectorAll(
              '.editor-header > *:not(.header-gap), .people, .forum-kit-popover',
            ),
          ].map(box),
          width: window.innerWidth,
        };
      });
      expect(boxes.kit.length).toBeGreaterThan(0);
      expect(boxes.others.length).toBeGreaterThan(3);
      for (const button of boxes.kit) {
        expect(button.left).toBeGreaterThanOrEqual(0);
        expect(button.right).toBeLessThanOrEqual(boxes.width);
        for (const other of boxes.others) {
          const overlaps =
            button.left < other.right &&
            other.left < button.right &&
            button.top < other.bottom &&
            other.top < button.bottom;
          expect(overlaps, JSON.stringify({ button, other })).toBe(false);
        }
      }
    } finally {
      await phone.context.close();
    }
  });

  // The other forums below open on the projector's page (a context each before): the page goes
  // to their plenary as a facilitator's laptop would from the forum page.
  it('twelve territories fit a laptop screen whole (they scrolled off the bottom)', async () => {
    const twelve = await createForum(server, {
      territories: [...BSL, 'Avignon', 'Bonaventure', 'La Côte-de-Gaspé', 'La Haute-Gaspésie'],
      templates: false,
    });
    const page = screen.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    const plenary = twelve.boards.find((b) => b.kind === 'plenary')!;
    await openBoard(page, `${server.url}/b/${plenary.id}#token=${twelve.facilitator.token}`);
    await page.getByRole('button', { name: 'Mosaïque' }).click();
    const boxes = await expectAllInView(page, 12, '12 at 1366 × 768');
    expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(3);
  });

  it('the tiles write each territory’s name and points whole and large, at 720p and 1080p', async () => {
    const territories = [...BSL_TERRITORIES];
    const forum = await createForum(server, { territories });
    const boards = forum.boards.filter((b) => b.kind === 'territory');
    const api = (path: string, body: unknown, token?: string) =>
      forumRequest(server, forum, path, { body, token });
    // Les Basques' first note gets an idea (a blank note takes no dot), then twelve dots.
    const basques = boards.find((b) => b.title.includes('Les Basques'))!;
    const writer = await connectSeedClient(server.syncUrl, basques.id, basques.edit.token);
    const noteId = writer.board.listShapes().find((s) => s.type === 'note')!.id;
    writer.board.run(
      (tx) => tx.update(noteId, { text: 'Lutte aux préjugés' }),
      localOrigin('user:seed'),
    );
    // The server has the idea once another client receives it from the server.
    const watcher = await connectSeedClient(server.syncUrl, basques.id, basques.edit.token);
    const written = () => {
      const note = watcher.board.getShape(noteId);
      return note?.type === 'note' && note.text !== '';
    };
    await new Promise<void>((resolve, reject) => {
      if (written()) return resolve();
      const timer = setTimeout(
        () => reject(new Error('the idea never reached the server')),
        10_000,
      );
      watcher.board.doc.on('update', () => {
        if (!written()) return;
        clearTimeout(timer);
        resolve();
      });
    });
    writer.close();
    watcher.close();
    const opened = await api('/votes', {
      title: 'Nos priorités',
      boardIds: boards.map((b) => b.id),
      dotsPerParticipant: 3,
    });
    expect(opened.status).toBe(201);
    const { vote } = (await opened.json()) as { vote: { id: string } };
    for (let dot = 0; dot < 12; dot++) {
      const voterId = `votant-basques-${String(Math.floor(dot / 3)).padStart(4, '0')}`;
      const body = { boardId: basques.id, shapeId: noteId, voterId };
      const answer = await api(`/votes/${vote.id}/dots`, body, basques.edit.token);
      expect(answer.status).toBe(201);
    }

    const page = screen.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    {
      const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
      await openBoard(page, `${server.url}/b/${plenary.id}#token=${forum.facilitator.token}`);
      await page.getByRole('button', { name: 'Mosaïque' }).click();
      await page
        .locator('li.mosaic-tile svg')
        .filter({ hasText: /Conditions présentes/ })
        .nth(territories.length - 1)
        .waitFor({ timeout: 15_000 });
      await page
        .locator('.mosaic-votes')
        .filter({ hasText: 'Vote\u00a0: 12 points' })
        .waitFor({ timeout: 10_000 });
      for (const [width, height, least] of [
        [1280, 720, 18],
        [1920, 1080, 27],
      ] as const) {
        await page.setViewportSize({ width, height });
        // The layout follows the window's size on the next frame.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
        const tiles = await captions(page);
        expect(tiles.map((t) => t.name).sort()).toEqual([...territories].sort());
        for (const tile of tiles) {
          const label = `${tile.name} at ${width} × ${height}`;
          expect(Math.min(...tile.fonts), label).toBeGreaterThanOrEqual(least);
          expect(tile.cut, label).toBe(false);
          expect(tile.overlap, label).toBe(false);
          expect(tile.outside, label).toBe(false);
        }
      }
    }
  });

  it('the mosaic follows the forum’s territories: La Mitis, added while the mosaic is open, gets its tile; Les Basques, taken out, leaves', async () => {
    const forum = await createForum(server, {
      territories: ['Kamouraska', 'Témiscouata', 'Les Basques'],
    });
    const api = (method: string, path: string, body?: unknown) =>
      forumRequest(server, forum, path, { method, body });
    const page = screen.page;
    await page.setViewportSize({ width: 1920, height: 1080 });
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    await openBoard(page, `${server.url}/b/${plenary.id}#token=${forum.facilitator.token}`);
    await page.getByRole('button', { name: 'Mosaïque' }).click();
    await page.locator('li.mosaic-tile svg').nth(2).waitFor({ timeout: 15_000 });
    // The tiles already there are marked: they stay the same elements afterwards.
    await page
      .locator('li.mosaic-tile')
      .evaluateAll((tiles) => tiles.forEach((t) => t.setAttribute('data-seen', 'yes')));

    const added = await api('POST', '/boards', {
      title: 'Conditions de succès — La Mitis',
      kind: 'territory',
      territory: 'La Mitis',
      template: true,
    });
    expect(added.status).toBe(201);
    const mitis = ((await added.json()) as { board: { id: string; edit: { token: string } } })
      .board;
    const basques = forum.boards.find((b) => b.title.includes('Les Basques'))!;
    expect((await api('DELETE', `/boards/${basques.id}`)).status).toBe(200);

    // The facilitator comes back from the forum page to the plenary's window.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const tile = page.locator(`li.mosaic-tile[data-board-id="${mitis.id}"]`);
    await tile
      .locator('svg')
      .filter({ hasText: /Conditions présentes/ })
      .waitFor({ timeout: 10_000 });
    await page
      .locator(`li.mosaic-tile[data-board-id="${basques.id}"]`)
      .waitFor({ state: 'detached', timeout: 10_000 });
    expect(await tile.locator('.mosaic-name').textContent()).toBe('La Mitis');
    expect(await page.locator('li.mosaic-tile[data-seen="yes"]').count()).toBe(2);

    // Live like the others: its table writes, the tile shows it.
    await fillTerritory(server.syncUrl, mitis, CARTONS['La Mitis']!, null);
    await tile
      .locator('svg')
      .filter({ hasText: /latitude/ })
      .waitFor({ timeout: 10_000 });
  });
});
