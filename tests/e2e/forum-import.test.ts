// « Importer un tableau (JSON) » from the facilitator's forum page (R54), in real Chromium: a
// bad file is refused in French and creates nothing; a board file exported from a seed board
// becomes a new board, listed with its links and QR codes, whose edit link shows the shapes.
// In a board's « Exporter / Importer » menu the facilitator has « Dans un nouveau tableau »;
// a participant's edit link only says that the facilitator creates boards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { openBoard, waitForShapes } from './fixtures';

interface CreatedForum {
  forum: { id: string };
  facilitator: { token: string; url: string };
  boards: { id: string; territory: string | null; edit: { token: string } }[];
}
interface FileShape {
  type: string;
  text?: string;
  title?: string;
}

const BUTTON = 'Importer un tableau (JSON)';
const NBSP = '\u00a0';

async function rowCount(page: Page): Promise<number> {
  return page.locator('.forum-links tr').count();
}

describe('forum page: import a board file into a new board (R54)', () => {
  let server: CartonServer;
  let browser: Browser;
  let facilitator: Participant;
  let participant: Participant;
  let forum: CreatedForum;
  let file: { meta: { title: string; territory?: string }; shapes: FileShape[] };
  let fileBytes: Buffer;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    [facilitator, participant] = await Promise.all([
      newParticipant(browser, 'Marie-Anne'),
      newParticipant(browser, 'Émilie'),
    ]);
    // A forum from the seed's templates; the Kamouraska board, exported, is the file to import.
    const response = await fetch(`${server.url}/api/forums`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'Forum des Alliances — Rêvons ensemble notre future Alliance',
        territories: ['Kamouraska', 'La Mitis'],
      }),
    });
    expect(response.status).toBe(201);
    forum = (await response.json()) as CreatedForum;
    const source = forum.boards.find((b) => b.territory === 'Kamouraska')!;
    const exported = await fetch(`${server.url}/api/boards/${source.id}/export.json`, {
      headers: { Authorization: `Bearer ${source.edit.token}` },
    });
    fileBytes = Buffer.from(await exported.arrayBuffer());
    file = JSON.parse(fileBytes.toString('utf8')) as typeof file;
    expect(file.shapes.length).toBeGreaterThan(0);
  });

  /** The forum's boards as the server lists them. */
  const forumBoards = async () => {
    const answer = await fetch(`${server.url}/api/forums/${forum.forum.id}/boards`, {
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
    });
    return ((await answer.json()) as { boards: { id: string; kind: string; territory: unknown }[] })
      .boards;
  };

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('refuses a bad file in French and creates nothing', async () => {
    const page = facilitator.page;
    await page.goto(forum.facilitator.url);
    await page.locator('.forum-links tr').first().waitFor();
    const before = await rowCount(page);
    await page.getByLabel(BUTTON).setInputFiles({
      name: 'pas-un-tableau.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ "type": "excalidraw", "elements": [] }'),
    });
    const alert = page.locator('.new-board-import [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'Ce fichier JSON n’est pas un tableau Carton. (emplacement\u00a0: format)',
    );
    expect(await page.locator('.new-board-dialog').count()).toBe(0);
    expect(await rowCount(page)).toBe(before);
  });

  it('a territory that has its board already: said before, cancel creates nothing', async () => {
    const page = facilitator.page;
    const before = await rowCount(page);
    await page.getByLabel(BUTTON).setInputFiles({
      name: 'conditions-de-succes-kamouraska.json',
      mimeType: 'application/json',
      buffer: fileBytes,
    });
    const dialog = page.getByRole('dialog', { name: 'Nouveau tableau à partir d’un fichier' });
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'Kamouraska a déjà un tableau dans ce forum. Importé comme territoire, ce fichier ' +
        `doublerait les idées de Kamouraska dans «${NBSP}Les incontournables${NBSP}».` +
        'Importé comme autre tableau, il ne sera pas dans la mosaïque de la plénière ni coché ' +
        `pour le vote et «${NBSP}Les incontournables${NBSP}» (vous pourrez l’y cocher).`,
    );
    expect(await dialog.getByRole('button', { name: 'Créer le tableau' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await rowCount(page)).toBe(before);
    expect((await forumBoards()).length).toBe(forum.boards.length);
  });

  it('imported as another board, it is no territory and not compiled; its edit link shows the shapes', async () => {
    const page = facilitator.page;
    const before = await rowCount(page);
    await page.getByLabel(BUTTON).setInputFiles({
      name: 'conditions-de-succes-kamouraska.json',
      mimeType: 'application/json',
      buffer: fileBytes,
    });
    const dialog = page.getByRole('dialog', { name: 'Nouveau tableau à partir d’un fichier' });
    await dialog.waitFor();
    const title = dialog.getByLabel('Titre du nouveau tableau');
    expect(await title.inputValue()).toBe(file.meta.title);
    await title.fill('Conditions de succès — Kamouraska (reprise)');
    await dialog.getByRole('button', { name: 'Importer comme autre tableau' }).click();

    const row = page.locator('.forum-links tr').nth(before);
    await row.waitFor();
    expect(await rowCount(page)).toBe(before + 1);
    expect(await row.locator('.board-name').textContent()).toBe(
      'Conditions de succès — Kamouraska (reprise)',
    );
    expect(await row.locator('.board-kind').textContent()).toBe('Autre tableau');
    const rowId = await row.getAttribute('data-board-id');
    const created = (await forumBoards()).find((b) => b.id === rowId);
    expect(created).toMatchObject({ kind: 'territory', territory: null });
    // « Les incontournables » leave it out by default: Kamouraska's ideas are not counted twice.
    const compiled = await fetch(`${server.url}/api/forums/${forum.forum.id}/compilation`, {
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
    });
    const { boardIds } = (await compiled.json()) as { boardIds: string[] };
    expect(boardIds).not.toContain(created!.id);
    expect(boardIds).toContain(forum.boards.find((b) => b.territory === 'Kamouraska')!.id);
    await row.locator('img.qr').nth(1).waitFor();
    expect(await row.locator('img.qr').count()).toBe(2);
    const editUrl = await row.locator('input.link-url[data-role="edit"]').inputValue();
    const boardId = (await row.getAttribute('data-board-id')) ?? '';
    expect(editUrl).toContain(`/b/${boardId}#token=`);

    // The list survives a reload: the links were sealed for the facilitator (L1).
    await page.reload();
    await page.locator(`.forum-links tr[data-board-id="${boardId}"]`).waitFor();

    await openBoard(participant.page, editUrl);
    const shapes = await waitForShapes(
      participant.page,
      `(s) => s.length === ${file.shapes.length}`,
    );
    const words = (list: readonly FileShape[]) =>
      list
        .map((s) => s.text ?? s.title ?? '')
        .filter(Boolean)
        .sort();
    expect(words(shapes as unknown as FileShape[])).toEqual(words(file.shapes));
    expect(words(file.shapes)).toContain('Conditions présentes');
  });

  it('a territory the forum has no board for: the export becomes that territory’s board', async () => {
    const page = facilitator.page;
    await page.goto(forum.facilitator.url);
    await page.locator('.forum-links tr').first().waitFor();
    const before = await rowCount(page);
    // Kamouraska's board as another forum's Témiscouata would have exported it before files
    // named their territory: the title says it.
    const { territory: _kamouraska, ...olderMeta } = file.meta;
    const temiscouata = {
      ...file,
      meta: { ...olderMeta, title: 'Conditions de succès — Témiscouata' },
    };
    await page.getByLabel(BUTTON).setInputFiles({
      name: 'conditions-de-succes-temiscouata.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(temiscouata)),
    });
    const dialog = page.getByRole('dialog', { name: 'Nouveau tableau à partir d’un fichier' });
    await dialog.getByText(`Territoire${NBSP}: Témiscouata`).waitFor();
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Créer le tableau' }).click();
    const row = page.locator('.forum-links tr').nth(before);
    await row.waitFor();
    expect(await row.locator('.board-kind').textContent()).toBe('Territoire');
    expect(await row.locator('.board-name').textContent()).toBe('Témiscouata');
    const rowId = await row.getAttribute('data-board-id');
    const created = (await forumBoards()).find((b) => b.id === rowId);
    expect(created).toMatchObject({ kind: 'territory', territory: 'Témiscouata' });
  });

  it('a title typed while the forum’s boards are read: the dialog still learns the territory is taken', async () => {
    const page = facilitator.page;
    await page.goto(forum.facilitator.url);
    await page.locator('.forum-links tr').first().waitFor();
    // The read of the forum's boards is held until the title has been typed.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const reading = new Promise<void>((resolve) => (asked = resolve));
    await page.route(/\/api\/forums\/[^/]+\/boards$/, async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      asked();
      await held;
      await route.continue();
    });
    await page.getByLabel(BUTTON).setInputFiles({
      name: 'conditions-de-succes-kamouraska.json',
      mimeType: 'application/json',
      buffer: fileBytes,
    });
    const dialog = page.getByRole('dialog', { name: 'Nouveau tableau à partir d’un fichier' });
    await reading;
    await dialog.getByLabel('Titre du nouveau tableau').fill('Kamouraska, deuxième version');
    release();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('button', { name: 'Importer comme autre tableau' }).count()).toBe(
      1,
    );
    expect(await dialog.getByLabel('Titre du nouveau tableau').inputValue()).toBe(
      'Kamouraska, deuxième version',
    );
    await page.unroute(/\/api\/forums\/[^/]+\/boards$/);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('a renamed territory board’s export still names its territory', async () => {
    const laMitis = forum.boards.find((b) => b.territory === 'La Mitis')!;
    const renamed = await fetch(`${server.url}/api/forums/${forum.forum.id}/boards/${laMitis.id}`, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${forum.facilitator.token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ title: 'Le carton de La Mitis, version finale' }),
    });
    expect(renamed.status).toBe(200);
    const exported = await fetch(`${server.url}/api/boards/${laMitis.id}/export.json`, {
      headers: { Authorization: `Bearer ${laMitis.edit.token}` },
    });
    const bytes = Buffer.from(await exported.arrayBuffer());
    const meta = (JSON.parse(bytes.toString('utf8')) as { meta: { title: string } }).meta;
    expect(meta).toMatchObject({ title: 'Le carton de La Mitis, version finale' });

    const page = facilitator.page;
    await page.goto(forum.facilitator.url);
    await page.locator('.forum-links tr').first().waitFor();
    await page.getByLabel(BUTTON).setInputFiles({
      name: 'le-carton-de-la-mitis.json',
      mimeType: 'application/json',
      buffer: bytes,
    });
    const dialog = page.getByRole('dialog', { name: 'Nouveau tableau à partir d’un fichier' });
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    // Its title no longer says it, yet the file is La Mitis's: the forum has La Mitis already.
    expect(await alert.textContent()).toMatch(/^La Mitis a déjà un tableau dans ce forum\./);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('« Dans un nouveau tableau » is the facilitator’s, in the board menu', async () => {
    const laMitis = forum.boards.find((b) => b.territory === 'La Mitis')!;
    await openBoard(participant.page, `${server.url}/b/${laMitis.id}#token=${laMitis.edit.token}`);
    await participant.page.getByRole('button', { name: 'Exporter / Importer' }).click();
    const menu = participant.page.getByRole('dialog', { name: 'Exporter ou importer' });
    await menu
      .getByText('Seule l’animation peut créer un nouveau tableau', { exact: false })
      .waitFor();
    expect(await menu.getByLabel('Dans un nouveau tableau').count()).toBe(0);

    const page = facilitator.page;
    await openBoard(page, `${server.url}/b/${laMitis.id}#token=${forum.facilitator.token}`);
    await page.getByRole('button', { name: 'Exporter / Importer' }).click();
    const own = page.getByRole('dialog', { name: 'Exporter ou importer' });
    await own.getByLabel('Dans un nouveau tableau').setInputFiles({
      name: 'kamouraska.json',
      mimeType: 'application/json',
      buffer: fileBytes,
    });
    const dialog = page.getByRole('dialog', { name: 'Nouveau tableau à partir d’un fichier' });
    // Kamouraska has its board: here too the file becomes another board, not a territory.
    await dialog.getByRole('button', { name: 'Importer comme autre tableau' }).click();
    const open = own.getByRole('link', { name: 'Ouvrir le nouveau tableau' });
    await open.waitFor();
    const href = (await open.getAttribute('href')) ?? '';
    const newId = /^\/b\/([^#]+)#token=/.exec(href)?.[1] ?? '';
    const listing = await fetch(`${server.url}/api/forums/${forum.forum.id}`, {
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
    });
    const boards = (
      (await listing.json()) as { boards: { id: string; title: string; territory: unknown }[] }
    ).boards;
    expect(boards.find((b) => b.id === newId)?.title).toBe(file.meta.title);
    expect(boards.find((b) => b.id === newId)).toMatchObject({ territory: null });
  });
});
