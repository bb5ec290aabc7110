// The server's JSON errors said in plain words on real pages (real server, built client, Debian
// Chromium): the server answers each refusal for real, and the page must say it in French (and
// English in the English UI), never « erreur 400 » or the server's English message.
// - « Importer un forum (.zip) » on the home page: a zip whose entry is named `../manifest.json`
//   is refused by the archive reader (400 unsafe_path).
// - On PostgreSQL, a board's lock held by a stuck session makes the server's change fail to
//   store (503 storage_unavailable, R6): « Renommer » on the forum page, « Copier vers… »,
//   which names the board the copy did not reach, and « Restaurer » in a board's « Versions ».
// The first block also checks, at compile time, that the web's list of archive codes is the
// server's (its ArchiveErrorCode type; the web itself may not import server code).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ArchiveErrorCode } from '../../apps/server/src/archive/errors.ts';
import { STORAGE_UNAVAILABLE } from '../../apps/server/src/http/errors.ts';
import { ApiError } from '../../apps/web/src/board/api.ts';
import {
  ARCHIVE_ERROR_CODES,
  archiveImportErrorText,
} from '../../apps/web/src/forum/archiveImportError.ts';
import { forumErrorText } from '../../apps/web/src/forum/errorText.ts';
import { testTranslator } from '../../apps/web/src/i18n/testTranslator.ts';
import { launchBrowser, newParticipant, type Participant } from '../support/browser.ts';
import { addNote, openBoard, shapes } from './fixtures.ts';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { startServer, type CartonServer } from '../support/server.ts';
import { zipOf } from '../support/zip.ts';

const NBSP = '\u00a0';

/** Every code of the server's type, and no other: the compiler checks both ways. */
const SERVER_ARCHIVE_CODES: Record<ArchiveErrorCode, true> = {
  not_zip: true,
  unsafe_path: true,
  zip_bomb: true,
  too_large: true,
  missing_manifest: true,
  wrong_format: true,
  future_version: true,
  invalid_manifest: true,
  missing_file: true,
  checksum_mismatch: true,
  invalid_board: true,
  broken_image: true,
  image_quota_exceeded: true,
  archive_too_large: true,
};
type WebArchiveCode = (typeof ARCHIVE_ERROR_CODES)[number];
/** Fails to compile if the server has a code the web's list lacks. */
const everyServerCodeListed: [Exclude<ArchiveErrorCode, WebArchiveCode>] extends [never]
  ? true
  : false = true;

interface CreatedForum {
  forum: { id: string };
  facilitator: { token: string; url: string };
  boards: { id: string; territory: string | null }[];
}

describe('the web has a sentence for every code the server can answer', () => {
  it('archive codes (the server’s ArchiveErrorCode) and R6’s storage_unavailable', async () => {
    expect(everyServerCodeListed).toBe(true);
    expect([...ARCHIVE_ERROR_CODES].sort()).toEqual(Object.keys(SERVER_ARCHIVE_CODES).sort());
    for (const lang of ['fr-CA', 'en'] as const) {
      const t = await testTranslator(lang);
      for (const code of ARCHIVE_ERROR_CODES) {
        expect(archiveImportErrorText(new ApiError(400, code, 'x'), t)).not.toMatch(/^home\./);
      }
      const notStored = new ApiError(
        STORAGE_UNAVAILABLE.status,
        STORAGE_UNAVAILABLE.code,
        STORAGE_UNAVAILABLE.message,
      );
      expect(forumErrorText(notStored, t)).not.toMatch(/^serverErrors\.|could not be stored/);
      expect(forumErrorText(notStored, t)).not.toBe(
        forumErrorText(new ApiError(503, 'unavailable', 'x'), t),
      );
    }
  });
});

// One PostgreSQL server for the whole file (the archive's refusal does not depend on the store),
// and Marie-Anne's one laptop: she tries the archive on the home page, then runs the forum.
let browser: Browser;
let postgres: TestPostgres;
let server: CartonServer;
let database: string;
let forum: CreatedForum;
let facilitator: Participant;

beforeAll(async () => {
  [browser, postgres] = await Promise.all([launchBrowser(), startTestPostgres()]);
  const url = await postgres.createDatabase();
  database = new URL(url).pathname.slice(1);
  // A held board lock makes the append wait past this timeout, then fail.
  server = await startServer({
    env: { CARTON_DATABASE_URL: url, CARTON_DATABASE_STATEMENT_TIMEOUT_MS: '2000' },
  });
  const created = await fetch(`${server.url}/api/forums`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title: 'Forum des Alliances — Rêvons ensemble notre future Alliance',
      territories: ['Kamouraska', 'La Mitis'],
    }),
  });
  expect(created.status).toBe(201);
  forum = (await created.json()) as CreatedForum;
  facilitator = await newParticipant(browser, 'Marie-Anne');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await postgres?.stop();
});

describe('« Importer un forum (.zip) »: a refused archive said in plain words', () => {
  const tampered = zipOf('../manifest.json', Buffer.from('{}'));

  it('an entry named to leave its folder (../): French, then English', async () => {
    // The server refuses it for real (the reader's own check, not a page's guess).
    const answer = await fetch(`${server.url}/api/forums/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/zip' },
      body: new Uint8Array(tampered),
    });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('unsafe_path');

    const page = facilitator.page;
    await page.goto(`${server.url}/`);
    await page.getByLabel('Choisir l’archive du forum (.zip)').setInputFiles({
      name: 'forum-des-alliances-2023-10-26.zip',
      mimeType: 'application/zip',
      buffer: tampered,
    });
    const alert = page.locator('.home-import [role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toBe(
      `Cette archive contient un fichier dont le nom sortirait de son dossier (comme «${NBSP}../${NBSP}»)${NBSP}: elle n’a pas été écrite par Carton telle quelle. Rien n’a été importé.`,
    );
    // Nothing was created: the page stays home, no forum kept on this device.
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.evaluate(() => localStorage.getItem('carton.forums'))).toBeNull();

    // The same page in English (its language switch), the archive tried again; then French
    // again for the forum page below.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Choose the forum archive (.zip)').setInputFiles({
      name: 'forum.zip',
      mimeType: 'application/zip',
      buffer: tampered,
    });
    const inEnglish = page.locator('.home-import [role="alert"]', { hasText: 'This archive' });
    await inEnglish.waitFor();
    expect(await inEnglish.innerText()).toBe(
      'This archive holds a file whose name would leave its folder (such as “../”): Carton did not write it as it is. Nothing was imported.',
    );
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByLabel('Choisir l’archive du forum (.zip)').waitFor();
  });
});

describe('R6 on PostgreSQL: a change the database did not store, said on the forum page', () => {
  const boardId = (territory: string) => forum.boards.find((b) => b.territory === territory)!.id;
  const row = (territory: string) =>
    facilitator.page.locator(`.forum-links tr[data-board-id="${boardId(territory)}"]`);

  it('« Renommer »: nothing was changed, try again — and the name stays', async () => {
    const page = facilitator.page;
    await page.goto(forum.facilitator.url);
    const kamouraska = row('Kamouraska');
    await kamouraska.waitFor();
    const release = await postgres.holdBoardLock(database, boardId('Kamouraska'));
    try {
      await kamouraska.getByRole('button', { name: 'Renommer' }).click();
      await kamouraska
        .getByLabel(`Nouveau nom de «${NBSP}Kamouraska${NBSP}»`)
        .fill('Kamouraska-Est');
      await kamouraska.getByRole('button', { name: 'Enregistrer' }).click();
      const alert = kamouraska.getByRole('alert');
      await alert.waitFor({ timeout: 20_000 });
      expect(await alert.innerText()).toBe(
        `Le serveur n’a pas pu enregistrer ce changement${NBSP}: rien n’a été modifié. Réessayez dans un instant.`,
      );
    } finally {
      await release();
    }
    const boards = (await (
      await fetch(`${server.url}/api/forums/${forum.forum.id}/boards`, {
        headers: { Authorization: `Bearer ${forum.facilitator.token}` },
      })
    ).json()) as { boards: { territory: string | null }[] };
    expect(boards.boards.map((b) => b.territory)).toContain('Kamouraska');
    expect(boards.boards.map((b) => b.territory)).not.toContain('Kamouraska-Est');
  }, 40_000);

  it('« Copier vers… »: the board the copy did not reach is named, with why', async () => {
    const page = facilitator.page;
    // The rename form, still open from above, is closed (« Annuler »): the row's buttons are back.
    const kamouraska = row('Kamouraska');
    await kamouraska.getByRole('button', { name: 'Annuler' }).click();
    const release = await postgres.holdBoardLock(database, boardId('La Mitis'));
    try {
      await kamouraska.getByRole('button', { name: 'Copier vers…' }).click();
      const dialog = page.getByRole('dialog', {
        name: `Copier «${NBSP}Kamouraska${NBSP}» vers d’autres tableaux`,
      });
      await dialog.getByLabel('La Mitis').check();
      await dialog.getByRole('button', { name: 'Copier sur 1 tableau' }).click();
      const refused = dialog.locator(
        `.copy-board-refused li[data-board-id="${boardId('La Mitis')}"]`,
      );
      await refused.waitFor({ timeout: 20_000 });
      expect(await refused.getAttribute('data-code')).toBe('storage_unavailable');
      expect(await refused.innerText()).toBe(
        `Pas copié sur La Mitis${NBSP}: le serveur n’a pas pu enregistrer la copie sur ce tableau\u202f; rien n’y a été ajouté. Réessayez dans un instant.`,
      );
    } finally {
      await release();
    }
  }, 40_000);

  it('« Versions », « Restaurer »: nothing was restored, said in French', async () => {
    const page = facilitator.page;
    const laMitis = boardId('La Mitis');
    await openBoard(page, `${server.url}/b/${laMitis}#token=${forum.facilitator.token}`);
    await page.getByRole('button', { name: 'Versions' }).click();
    await page.getByLabel('Nom de la nouvelle version').fill('Avant la plénière');
    await page.getByRole('button', { name: 'Enregistrer la version' }).click();
    const named = page.locator('[data-testid="history-item"]', { hasText: 'Avant la plénière' });
    await named.waitFor();
    // A note written after the version: restoring must write (delete it), so it must store.
    await page.getByTestId('history-panel').getByRole('button', { name: 'Fermer' }).click();
    await addNote(page, 520, 360, 'Incontournable : le logement abordable');
    // Stored before the lock is taken: the server confirmed every change of this page.
    await page.waitForFunction(
      () => document.querySelector('[data-pending]')?.getAttribute('data-pending') === '0',
    );
    const before = (await shapes(page)).length;
    await page.getByRole('button', { name: 'Versions' }).click();
    await named.waitFor();
    const release = await postgres.holdBoardLock(database, laMitis);
    try {
      await named.getByRole('button', { name: 'Restaurer' }).click();
      await page.getByRole('button', { name: 'Oui, restaurer' }).click();
      const problem = page.locator('.history-problem[role="alert"]');
      await problem.waitFor({ timeout: 20_000 });
      expect(await problem.innerText()).toBe(
        `Le serveur n’a pas pu enregistrer ce changement${NBSP}: rien n’a été modifié. Réessayez dans un instant.`,
      );
    } finally {
      await release();
    }
    // Nothing was restored: the note is still there, no « Avant la restauration » version.
    expect((await shapes(page)).length).toBe(before);
    expect(
      await page
        .locator('[data-testid="history-item"]', { hasText: 'Avant la restauration' })
        .count(),
    ).toBe(0);
  }, 60_000);
});
