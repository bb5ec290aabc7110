// The forum day's chain, hand-off by hand-off, as the data leaves one step for the next (not
// pixels; each screen has its own tests): the forum is created with its territories; a table
// draws its carton (notes and a photo from a laptop, another territory's notes from a second
// client); a dot vote is opened, voted and closed from the forum page; « Les incontournables »
// are compiled, two duplicates merged and the facilitator's question set aside; the forum archive
// downloaded from the page becomes a new forum on a second server with its boards, photo, votes,
// merges and the idea set aside.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { localOrigin } from '@carton/board';
import { launchBrowser, newParticipant, savedDownload, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { addNote, createForum, openBoard, shapes, toScreen, type CreatedForum } from './fixtures';
import { flyerPng } from './plenary-cartons';
import { connectSeedClient } from './seed';

interface VoteSummary {
  id: string;
  title: string;
  state: string;
}
interface Result {
  text: string;
  count: number;
  territory: string | null;
}
interface Item {
  text: string;
  count: number;
  territories: string[];
}
/** The question the facilitator copies to every carton: no idea of the incontournables (C7). */
const QUESTION = 'Qu’est-ce qui est incontournable pour vous ?';

describe('forum day, from creation to the archive on another server', () => {
  let server: CartonServer;
  let second: CartonServer | undefined;
  let browser: Browser;
  let facilitator: Participant;
  let emilie: Participant;
  let forum: CreatedForum;
  const board = (territory: string) => forum.boards.find((b) => b.title.includes(territory))!;
  const api = async <T>(base: string, path: string, token: string): Promise<T> => {
    const response = await fetch(`${base}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    facilitator = await newParticipant(browser, 'Marie-Anne', {
      viewport: { width: 1366, height: 768 },
    });
    emilie = await newParticipant(browser, 'Émilie');
    forum = await createForum(server, { territories: ['Kamouraska', 'La Matanie'] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    await second?.dispose();
  });

  it('created: a plenary, the territories and the postcards, each with its links', () => {
    expect(forum.boards.map((b) => b.kind)).toEqual([
      'plenary',
      'territory',
      'territory',
      'postcards',
    ]);
    expect(board('Kamouraska').edit.url).toMatch(/\/b\/[\w-]+#token=/);
  });

  it('drawn: notes and a photo from the browser, another table’s notes from a second client', async () => {
    const kamouraska = board('Kamouraska');
    await openBoard(emilie.page, kamouraska.edit.url);
    await addNote(emilie.page, 300, 620, 'Participation citoyenne');
    await emilie.page.keyboard.press('Escape');
    await addNote(emilie.page, 620, 620, 'Bon leadership');
    await emilie.page.keyboard.press('Escape');
    await emilie.page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name: 'depliant.png', mimeType: 'image/png', buffer: flyerPng() });
    await emilie.page.waitForFunction(
      () => (window.__carton?.shapes() ?? []).some((s) => s.type === 'image'),
      null,
      { timeout: 15_000 },
    );
    const matanie = board('La Matanie');
    const other = await connectSeedClient(server.syncUrl, matanie.id, matanie.edit.token);
    other.board.run((tx) => {
      tx.create('note', { x: 100, y: 900, w: 210, h: 210, text: 'Participation citoyenne' });
      tx.create('note', { x: 340, y: 900, w: 210, h: 210, text: 'Bon leadership rassembleur' });
      // The facilitator's question, copied to the carton: not an idea (set aside when compiled).
      tx.create('note', { x: 580, y: 900, w: 210, h: 210, text: QUESTION });
    }, localOrigin('user:louise'));
    other.close();

    // What the server holds is what the next steps read.
    const stored = await api<{ shapes: { type: string; text?: string }[] }>(
      server.url,
      `/api/boards/${kamouraska.id}/export.json`,
      kamouraska.edit.token,
    );
    const texts = stored.shapes.filter((s) => s.type === 'note').map((s) => s.text);
    expect(texts).toEqual(expect.arrayContaining(['Participation citoyenne', 'Bon leadership']));
    expect(stored.shapes.filter((s) => s.type === 'image')).toHaveLength(1);
  });

  it('voted: opened and closed from the forum page, dots placed on the board', async () => {
    const page = facilitator.page;
    await page.goto(`${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
    await page.locator('.vote-title').fill('Nos incontournables', { timeout: 15_000 });
    await page.getByRole('button', { name: 'Ouvrir le vote', exact: true }).click();

    const voter = emilie.page;
    await voter.getByText('Il vous reste 3 points').waitFor({ timeout: 10_000 });
    await voter.bringToFront();
    const notes = await shapes(voter);
    const centre = async (text: string) => {
      const note = notes.find((s) => s.type === 'note' && s.text === text);
      if (note?.type !== 'note') throw new Error(`no note ${text}`);
      return toScreen(voter, note.x + note.w / 2, note.y + note.h / 2);
    };
    // The carton's « Écrivez ici… » note is empty: it takes no dot.
    const empty = notes.find((s) => s.type === 'note' && s.text === '');
    if (empty?.type !== 'note') throw new Error('the carton has no empty note');
    const blank = await toScreen(voter, empty.x + empty.w / 2, empty.y + empty.h / 2);
    await voter.mouse.click(blank.x, blank.y);
    const said = voter.getByText(
      'Ce papillon est vide\u00a0: placez votre point sur une idée écrite.',
    );
    await said.waitFor();
    // On its own line under the banner's row, not a column that covers the notes.
    const banner = (await voter.locator('.vote-banner').boundingBox())!;
    expect((await said.boundingBox())!.width).toBeGreaterThan(banner.width * 0.8);
    expect(await voter.locator('.vote-remaining').getAttribute('data-remaining')).toBe('3');
    const spot = await centre('Participation citoyenne');
    await voter.mouse.click(spot.x, spot.y);
    await voter.getByText('Il vous reste 2 points').waitFor();
    await voter.mouse.click(spot.x, spot.y);
    await voter.getByText('Il vous reste 1 point', { exact: true }).waitFor();

    await page.bringToFront();
    await page.getByRole('button', { name: 'Fermer le vote' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Fermer le vote' }).click();
    await page.locator('.vote-results li').first().waitFor({ timeout: 10_000 });

    // The forum room lists the votes; the server answers each one's results.
    const row = page.locator('.vote-list li.vote');
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('data-state')).toBe('closed');
    const { vote, results } = await api<{ vote: VoteSummary; results: Result[] }>(
      server.url,
      `/api/forums/${forum.forum.id}/votes/${await row.getAttribute('data-vote-id')}`,
      forum.facilitator.token,
    );
    expect([vote.title, vote.state]).toEqual(['Nos incontournables', 'closed']);
    expect(results.map((r) => [r.text, r.count, r.territory])).toEqual([
      ['Participation citoyenne', 2, 'Kamouraska'],
    ]);
  });

  it('compiled: the same idea from two tables once, a near duplicate merged, the question set aside', async () => {
    const page = facilitator.page;
    await page.getByRole('button', { name: 'Compiler' }).click();
    const item = (text: string) =>
      page
        .locator('.compilation-item')
        .filter({ has: page.locator('.item-text', { hasText: text }) });
    await item('Bon leadership rassembleur').waitFor({ timeout: 10_000 });
    await item('Bon leadership rassembleur')
      .locator('select')
      .selectOption({ label: 'Bon leadership' });
    await page.getByText('fait maintenant partie de', { exact: false }).waitFor();

    const { items } = await api<{ items: Item[] }>(
      server.url,
      `/api/forums/${forum.forum.id}/compilation`,
      forum.facilitator.token,
    );
    const summary = items.map((i) => [i.text, i.count, [...i.territories].sort()]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['Participation citoyenne', 2, ['Kamouraska', 'La Matanie']],
        ['Bon leadership', 2, ['Kamouraska', 'La Matanie']],
      ]),
    );
    expect(items.some((i) => i.text === 'Bon leadership rassembleur')).toBe(false);

    // C7: « Écarter » takes the question out of the list into « Écartées (1) ».
    await item(QUESTION).getByRole('button', { name: 'Écarter' }).click();
    await page.locator('.compilation-set-aside summary', { hasText: 'Écartées (1)' }).waitFor();
    expect(await item(QUESTION).count()).toBe(0);
  });

  it('archived and imported: a second server gets the boards, the photo, the vote, the merge and the idea set aside', async () => {
    const page = facilitator.page;
    await page.getByRole('navigation').getByRole('button', { name: 'Archive du forum' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Télécharger l’archive du forum (.zip)' }).click(),
    ]);
    const archive = await savedDownload(download);

    second = await startServer();
    await page.goto(`${second.url}/`);
    await page.getByLabel('Choisir l’archive du forum (.zip)').setInputFiles(archive);
    await page.waitForURL(/\/f\/[^/]+#token=/, { timeout: 30_000 });
    await page.locator('.forum-links tr[data-kind="territory"]').first().waitFor();
    const url = new URL(page.url());
    const forumId = url.pathname.split('/')[2]!;
    const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
    const base = second.url;

    const imported = await api<{ boards: { id: string; kind: string; title: string }[] }>(
      base,
      `/api/forums/${forumId}`,
      token,
    );
    expect(imported.boards.map((b) => b.kind)).toEqual(forum.boards.map((b) => b.kind));
    const kamouraska = imported.boards.find((b) => b.title.includes('Kamouraska'))!;
    const stored = await api<{ shapes: { type: string; text?: string; blobId?: string }[] }>(
      base,
      `/api/boards/${kamouraska.id}/export.json`,
      token,
    );
    expect(stored.shapes.filter((s) => s.type === 'note').map((s) => s.text)).toEqual(
      expect.arrayContaining(['Participation citoyenne', 'Bon leadership']),
    );
    const photo = stored.shapes.find((s) => s.type === 'image');
    const bytes = await fetch(`${base}/api/boards/${kamouraska.id}/images/${photo!.blobId}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(bytes.status).toBe(200);
    expect(Buffer.from(await bytes.arrayBuffer()).equals(flyerPng())).toBe(true);

    const row = page.locator('.vote-list li.vote');
    await row.first().waitFor({ timeout: 10_000 });
    expect(await row.count()).toBe(1);
    const { vote, results } = await api<{ vote: VoteSummary; results: Result[] }>(
      base,
      `/api/forums/${forumId}/votes/${await row.getAttribute('data-vote-id')}`,
      token,
    );
    expect([vote.title, vote.state]).toEqual(['Nos incontournables', 'closed']);
    expect(results.map((r) => [r.text, r.count, r.territory])).toEqual([
      ['Participation citoyenne', 2, 'Kamouraska'],
    ]);
    const { items, setAside } = await api<{ items: Item[]; setAside: Item[] }>(
      base,
      `/api/forums/${forumId}/compilation`,
      token,
    );
    expect(setAside.map((i) => i.text)).toEqual([QUESTION]);
    expect(items.find((i) => i.text === 'Bon leadership')?.count).toBe(2);
    expect(items.some((i) => i.text === 'Bon leadership rassembleur')).toBe(false);
    expect(items.some((i) => i.text === QUESTION)).toBe(false);
  });
});
