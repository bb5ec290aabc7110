// « Supprimer le forum du serveur », in real Chromium: the facilitator deletes the forum once its
// archive is kept; a participant writing on a territory board is told, and her device erases its
// copy of the board (IndexedDB, kept changes, remembered info); another tab of the forum page
// says so; the links, opened again, say the forum is gone rather than « lien remplacé ».
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { addNote, openBoard } from './fixtures';

interface Forum {
  forum: { id: string; title: string };
  facilitator: { token: string; url: string };
  boards: { id: string; territory: string | null; edit: { url: string } }[];
}

const TITLE = 'Forum des Alliances — Rêvons ensemble notre future Alliance';
const NBSP = '\u00a0';

/** What this page's origin keeps for the board: its IndexedDB copy and its localStorage keys. */
function deviceTraces(
  page: Page,
  boardId: string,
): Promise<{ databases: string[]; keys: string[] }> {
  return page.evaluate(async (id) => {
    const databases = (await indexedDB.databases())
      .map((d) => d.name ?? '')
      .filter((name) => name === `carton-board-${id}`);
    const keys = Object.keys(localStorage).filter(
      (key) => key === `carton.pending.${id}` || key.startsWith(`carton.boardInfo.${id}.`),
    );
    return { databases, keys };
  }, boardId);
}

describe('deleting a forum from the server', () => {
  let server: CartonServer;
  let browser: Browser;
  let facilitator: Participant;
  let colleague: Participant;
  let participant: Participant;
  let forum: Forum;
  let kamouraska: Forum['boards'][number];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    [facilitator, colleague, participant] = await Promise.all([
      newParticipant(browser, 'Marie-Anne'),
      newParticipant(browser, 'Pierre'),
      newParticipant(browser, 'Émilie'),
    ]);
    const response = await fetch(`${server.url}/api/forums`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: TITLE, territories: ['Kamouraska', 'La Mitis'] }),
    });
    expect(response.status).toBe(201);
    forum = (await response.json()) as Forum;
    kamouraska = forum.boards.find((b) => b.territory === 'Kamouraska')!;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('is asked for twice, then erases the forum; the board’s participant is told and keeps nothing', async () => {
    // Émilie writes on Kamouraska's board: her device keeps a copy of it.
    await openBoard(participant.page, kamouraska.edit.url);
    await addNote(participant.page, 640, 420, 'Transport collectif entre les villages');
    await participant.page.waitForFunction(
      async (id) => (await indexedDB.databases()).some((d) => d.name === `carton-board-${id}`),
      kamouraska.id,
    );
    expect((await deviceTraces(participant.page, kamouraska.id)).keys.length).toBeGreaterThan(0);

    // A colleague has the forum page open too.
    await colleague.page.goto(forum.facilitator.url);
    await colleague.page.locator('.forum-links tr').first().waitFor();

    // La Mitis's board was taken out of the forum (R56): the archive leaves it out.
    const mitis = forum.boards.find((b) => b.territory === 'La Mitis')!;
    const removed = await fetch(`${server.url}/api/forums/${forum.forum.id}/boards/${mitis.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
    });
    expect(removed.status).toBe(200);

    const page = facilitator.page;
    await page.goto(forum.facilitator.url);
    await page.locator('.forum-links tr').first().waitFor();
    expect(await page.evaluate(() => localStorage.getItem('carton.forums') ?? '')).toContain(
      forum.forum.id,
    );
    await page.getByRole('button', { name: 'Supprimer le forum…' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.getAttribute('aria-label')).toBe(
      `Supprimer «${NBSP}${TITLE}${NBSP}» du serveur\u202f? Ses tableaux, ses versions, ses photos, ` +
        'ses votes et ses liens seront effacés pour de bon.',
    );
    // Said before it is too late: the removed board is not in the archive.
    expect(await dialog.locator('.forum-delete-removed').textContent()).toBe(
      `Le tableau retiré du forum (voir «${NBSP}Tableaux retirés${NBSP}» plus haut) n’est pas ` +
        `dans l’archive${NBSP}: il sera effacé avec le forum. Remettez-le d’abord pour le garder.`,
    );
    const erase = dialog.getByRole('button', { name: 'Supprimer définitivement' });
    // Not before the archive is said to be kept (or not wanted).
    expect(await erase.isDisabled()).toBe(true);
    await dialog
      .getByLabel('J’ai téléchargé l’archive du forum (ou je n’en ai pas besoin).')
      .check();
    expect(await erase.isDisabled()).toBe(false);
    await erase.click();

    const gone = page.getByRole('status').filter({ hasText: 'a été supprimé du serveur' });
    await gone.waitFor();
    expect(await gone.locator('p').textContent()).toBe(
      `Le forum «${NBSP}${TITLE}${NBSP}» a été supprimé du serveur${NBSP}: ses tableaux, ses ` +
        'photos, ses votes et ses liens n’existent plus.',
    );
    // The link is no longer kept on this device.
    expect(await page.evaluate(() => localStorage.getItem('carton.forums') ?? '')).not.toContain(
      forum.forum.id,
    );

    // Émilie is told, and her device erased the board.
    const banner = participant.page.getByTestId('limit-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-code')).toBe('4410');
    expect(await banner.locator('.limit-message').textContent()).toBe(
      `L’animation a supprimé ce forum du serveur${NBSP}: ce tableau n’existe plus.`,
    );
    expect(await banner.locator('.limit-kept').textContent()).toBe(
      'Ce que cet appareil gardait de ce tableau est effacé aussi.',
    );
    await participant.page.waitForFunction(
      async (id) => !(await indexedDB.databases()).some((d) => d.name === `carton-board-${id}`),
      kamouraska.id,
    );
    expect(await deviceTraces(participant.page, kamouraska.id)).toEqual({
      databases: [],
      keys: [],
    });

    // The colleague's forum page says it too.
    const told = colleague.page.locator('.forum-connection[data-connection="deleted"]');
    await told.waitFor();
    expect(await told.locator('strong').textContent()).toBe('Ce forum a été supprimé du serveur.');
  });

  it('its links, opened again, say the forum is gone', async () => {
    // Émilie reloads her board (the same link: goto would stay in the page).
    await participant.page.reload();
    const board = participant.page.getByRole('alert').filter({ hasText: 'n’existe plus' });
    await board.waitFor();
    expect(await board.locator('p').textContent()).toBe(
      `Ce tableau n’existe plus${NBSP}: l’animation a supprimé son forum du serveur, avec ses ` +
        'tableaux, ses photos et ses liens.',
    );
    // The copy the page opened as it started is erased once the server answered.
    await participant.page.waitForFunction(
      async (id) => !(await indexedDB.databases()).some((d) => d.name === `carton-board-${id}`),
      kamouraska.id,
    );
    expect((await deviceTraces(participant.page, kamouraska.id)).keys).toEqual([]);

    // The colleague's facilitator link, opened again.
    await colleague.page.reload();
    const page = colleague.page.getByRole('status').filter({ hasText: 'supprimé du serveur' });
    await page.waitFor();
    expect(await page.locator('p').textContent()).toBe(
      `Ce forum a été supprimé du serveur${NBSP}: ses tableaux, ses photos, ses votes et ses ` +
        'liens n’existent plus.',
    );
  });
});
