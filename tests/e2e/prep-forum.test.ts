// The day before the forum, on a laptop: the facilitator corrects the board list from the
// facilitator page — adds the territory forgotten at creation (ready with its carton and
// headings), fixes a typo in a territory's name, removes a board and brings it back (R54–R56, R58),
// corrects the forum's title; after it, imports its archive on a second server; and gets back a
// lost facilitator link (L4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, openBoard, type CreatedForum } from './fixtures';
import { facilitatorLink } from '../support/cli';

describe('preparing the forum on the facilitator page', () => {
  let server: CartonServer;
  let browser: Browser;
  let facilitator: Participant;
  let forum: CreatedForum;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['Kamouraksa', 'Haute-Gaspésie'] });
    facilitator = await newParticipant(browser, 'Marie-Anne', {
      viewport: { width: 1366, height: 768 },
    });
    await facilitator.page.goto(
      `${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`,
    );
    await facilitator.page.locator('.forum-links tr[data-kind="territory"]').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  // One participant's laptop for the two cases that open a board from its printed link (Luc's,
  // then Gaston's): a context less to create (~1 s, 3–5 s on a loaded CI machine).
  let laptop: Promise<Participant> | undefined;

  /** A participant's laptop with `url` opened, under the name `name`. */
  async function participantOn(url: string, name: string): Promise<Participant> {
    laptop ??= newParticipant(browser, name, { viewport: { width: 1280, height: 800 } });
    const participant = await laptop;
    await participant.page.goto('about:blank');
    await participant.context.addInitScript((n) => localStorage.setItem('carton.name', n), name);
    await openBoard(participant.page, url);
    return participant;
  }

  const names = () =>
    facilitator.page.locator('.forum-links tr[data-kind="territory"] .board-name').allInnerTexts();

  it('warns that localhost links will not open on a phone, before the QR codes are printed', async () => {
    const warning = facilitator.page.locator('.link-warning');
    expect(await warning.innerText()).toContain('«\u00a0localhost\u00a0»');
    expect(await warning.innerText()).toContain('HOST=0.0.0.0');
  });

  it('adds a forgotten territory with its links and its template carton', async () => {
    const page = facilitator.page;
    await page.getByLabel('Nom du territoire').fill('Les Basques');
    await page.getByRole('button', { name: 'Ajouter le tableau' }).click();
    await page.getByRole('status').filter({ hasText: 'Les Basques' }).waitFor();
    expect(await names()).toEqual(['Kamouraksa', 'Haute-Gaspésie', 'Les Basques']);
    const row = page.locator('.forum-links tr').filter({ hasText: 'Les Basques' });
    expect(await row.locator('img.qr').count()).toBe(2);
    const boardId = await row.getAttribute('data-board-id');
    const file = (await (
      await fetch(`${server.url}/api/boards/${boardId}/export.json`, {
        headers: { Authorization: `Bearer ${forum.facilitator.token}` },
      })
    ).json()) as { shapes: Array<{ type: string; title?: string; text?: string }> };
    expect(file.shapes.find((s) => s.type === 'carton')?.title).toBe(
      'Conditions de succès — Les Basques',
    );
    expect(file.shapes.map((s) => s.text)).toContain('Conditions souhaitées');
  });

  it('fixes a typo in a territory; the printed link still opens the board', async () => {
    const page = facilitator.page;
    // A participant already on the board sees the new name without reloading.
    const typo = forum.boards.find((b) => b.title.endsWith('Kamouraksa'))!;
    const participant = await participantOn(typo.edit.url, 'Luc');
    const heading = participant.page.locator('h1.board-title');
    expect(await heading.innerText()).toBe('Conditions de succès — Kamouraksa');
    const row = page.locator('.forum-links tr').filter({ hasText: 'Kamouraksa' });
    await row.getByRole('button', { name: 'Renommer' }).click();
    const field = page.getByLabel('Nouveau nom de « Kamouraksa »');
    await field.fill('Kamouraska');
    await field.press('Enter');
    await page.locator('.forum-links .board-name', { hasText: 'Kamouraska' }).waitFor();
    expect(await names()).toEqual(['Kamouraska', 'Haute-Gaspésie', 'Les Basques']);
    const board = forum.boards.find((b) => b.title.endsWith('Kamouraksa'))!;
    const answer = await fetch(`${server.url}/api/boards/${board.id}`, {
      headers: { Authorization: `Bearer ${board.edit.token}` },
    });
    expect(((await answer.json()) as { board: { title: string } }).board.title).toBe(
      'Conditions de succès — Kamouraska',
    );
    await heading.filter({ hasText: 'Kamouraska' }).waitFor({ timeout: 10_000 });
    expect(await participant.page.title()).toContain('Conditions de succès — Kamouraska');
  });

  const removeOnPage = async (territory: string) => {
    const page = facilitator.page;
    const row = page.locator('.forum-links tr').filter({ hasText: territory });
    await row.getByRole('button', { name: 'Retirer' }).click();
    const dialog = page.getByRole('alertdialog');
    const message = await dialog.innerText();
    await dialog.getByRole('button', { name: 'Retirer le tableau' }).click();
    await row.waitFor({ state: 'detached' });
    return message;
  };

  it('removes a board after a confirmation, and brings it back with its same link (R58)', async () => {
    const page = facilitator.page;
    expect(await page.locator('.removed-boards').count()).toBe(0);
    const message = await removeOnPage('Haute-Gaspésie');
    expect(message).toContain('Haute-Gaspésie');
    // The confirmation says the removal can be undone, and where.
    expect(message).toContain('Tableaux retirés');
    expect(await names()).toEqual(['Kamouraska', 'Les Basques']);
    // After a reload too: the server removed it, not just the page.
    await page.reload();
    await page.locator('.forum-links tr[data-kind="territory"]').first().waitFor();
    expect(await names()).toEqual(['Kamouraska', 'Les Basques']);
    // The plenary offers no « Retirer ».
    const plenary = page.locator('.forum-links tr[data-kind="plenary"]');
    expect(await plenary.getByRole('button', { name: 'Retirer' }).count()).toBe(0);
    const board = forum.boards.find((b) => b.title.endsWith('Haute-Gaspésie'))!;
    const read = () =>
      fetch(`${server.url}/api/boards/${board.id}`, {
        headers: { Authorization: `Bearer ${board.edit.token}` },
      });
    expect((await read()).status).toBe(401);

    // « Remettre »: back in the links table, its printed edit link working again.
    const removed = page.locator('.removed-boards li').filter({ hasText: 'Haute-Gaspésie' });
    await removed.getByRole('button', { name: 'Remettre' }).click();
    const row = page.locator('.forum-links tr').filter({ hasText: 'Haute-Gaspésie' });
    await row.waitFor();
    await page.getByRole('status').filter({ hasText: 'remis dans le forum' }).waitFor();
    expect(await page.locator('.removed-boards li').count()).toBe(0);
    expect(await row.locator('[data-role="edit"] input.link-url').inputValue()).toBe(
      board.edit.url,
    );
    expect((await read()).status).toBe(200);
    const participant = await participantOn(board.edit.url, 'Gaston');
    expect(await participant.page.locator('h1.board-title').innerText()).toContain(
      'Haute-Gaspésie',
    );

    // It was a board made by mistake after all: out again, for the rest of the day.
    await removeOnPage('Haute-Gaspésie');
    expect(await names()).toEqual(['Kamouraska', 'Les Basques']);
  });

  it('corrects the forum’s title and day; « Vos forums » on the home page follows', async () => {
    const page = facilitator.page;
    await page.getByRole('button', { name: 'Modifier le titre ou la date' }).click();
    await page.getByLabel('Titre du forum').fill('Forum des Alliances — Rêvons ensemble');
    await page.getByLabel('Date du forum').fill('2023-10-26');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.locator('.forum-header h1', { hasText: 'Rêvons ensemble' }).waitFor();
    expect(await page.locator('.forum-date').innerText()).toBe('26 octobre 2023');
    // The next morning, on the home page: the forum is there without scrolling, above the form.
    await page.goto(`${server.url}/`);
    const saved = page.locator('.home-boards');
    expect(await saved.innerText()).toContain('Forum des Alliances — Rêvons ensemble');
    const box = (await saved.getByRole('link').first().boundingBox())!;
    expect(box.y + box.height).toBeLessThan(768);
  });

  it('after the forum: its archive becomes a new forum on a second server, from the home page', async () => {
    const archive = Buffer.from(
      await (
        await fetch(`${server.url}/api/forums/${forum.forum.id}/archive.zip`, {
          headers: { Authorization: `Bearer ${forum.facilitator.token}` },
        })
      ).arrayBuffer(),
    );
    const second = await startServer();
    try {
      const page = facilitator.page;
      await page.goto(`${second.url}/`);
      const input = page.getByLabel('Choisir l’archive du forum (.zip)');
      await input.setInputFiles({
        name: 'notes.zip',
        mimeType: 'application/zip',
        buffer: Buffer.from('pas un zip'),
      });
      expect(await page.getByRole('alert').innerText()).toBe(
        'Ce fichier n’est pas une archive .zip, ou il est abîmé.',
      );
      await input.setInputFiles({
        name: 'forum.zip',
        mimeType: 'application/zip',
        buffer: archive,
      });
      await page.waitForURL(/\/f\//);
      await page.locator('.forum-links tr[data-kind="territory"]').first().waitFor();
      expect(await names()).toEqual(['Kamouraska', 'Les Basques']);
      expect(await page.locator('.forum-header h1').innerText()).toBe(
        'Forum des Alliances — Rêvons ensemble',
      );
      expect(await page.locator('.forum-date').innerText()).toBe('26 octobre 2023');
    } finally {
      await second.dispose();
    }
  });

  it('the morning after a lost facilitator link: a new one shows the boards, whose links it replaces', async () => {
    const issued = await facilitatorLink(server.dataDir, forum.forum.id, server.url);
    const url = /http:\S+#token=[\w-]{43}/.exec(issued.stdout)![0];
    const page = facilitator.page;
    await page.goto(url);
    const row = page.locator('.forum-links tr').filter({ hasText: 'Kamouraska' });
    const edit = row.locator('td[data-role="edit"]');
    expect(await edit.innerText()).toContain('Lien non récupérable');
    await edit.getByRole('button', { name: 'Remplacer le lien' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remplacer' }).click();
    await edit.locator('input.link-url').waitFor();
    expect(await edit.locator('input.link-url').inputValue()).toMatch(/\/b\/[\w-]+#token=/);
  });

  it('a colleague with the same link adds a board on another computer: it shows up when the facilitator comes back to the page', async () => {
    const page = facilitator.page;
    const token = /#token=([\w-]+)/.exec(page.url())![1]!;
    const replaced = await page
      .locator('.forum-links tr')
      .filter({ hasText: 'Kamouraska' })
      .locator('[data-role="edit"] input.link-url')
      .inputValue();
    const added = await fetch(`${server.url}/api/forums/${forum.forum.id}/boards`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'La Mitis', kind: 'territory', territory: 'La Mitis' }),
    });
    expect(added.status).toBe(201);
    expect(await names()).toEqual(['Kamouraska', 'Les Basques']);
    // Back on the page (from a board's tab, another window): its boards are read again.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.locator('.forum-links .board-name', { hasText: 'La Mitis' }).waitFor();
    expect(await names()).toEqual(['Kamouraska', 'Les Basques', 'La Mitis']);
    expect(
      await page
        .locator('.forum-links tr')
        .filter({ hasText: 'Kamouraska' })
        .locator('[data-role="edit"] input.link-url')
        .inputValue(),
    ).toBe(replaced);
  });
});
