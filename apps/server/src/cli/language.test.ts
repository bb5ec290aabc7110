// The CLI in English for an English terminal (LANG=en_CA.UTF-8), French otherwise, as before.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createForum } from '../forums/create-forum.ts';
import { SqliteForumStore } from '../forums/sqlite-forum-store.ts';
import { openDatabase } from '../storage/database.ts';
import { SqliteBoardStorage } from '../storage/sqlite-board-storage.ts';
import { runCli } from './cli.ts';
import { archiveRefusalText } from './errors-fr.ts';
import { cliLanguage, type CliLanguage } from './language.ts';

async function run(command: Parameters<typeof runCli>[0], language: CliLanguage) {
  let text = '';
  await runCli(command, (chunk) => (text += chunk), language);
  return text;
}

async function forumIn(dataDir: string): Promise<string> {
  const db = openDatabase(dataDir);
  const boards = new SqliteBoardStorage(db);
  try {
    const created = await createForum(
      { title: 'Forum de l’Alliance', territories: ['Kamouraska'], templates: false },
      { forums: new SqliteForumStore(db), boards, baseUrl: 'http://salle.local' },
    );
    return created.forum.id;
  } finally {
    boards.close();
  }
}

describe('carton speaks the terminal’s language', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG; English only for an English locale', () => {
    expect(cliLanguage({ LANG: 'en_CA.UTF-8' })).toBe('en');
    expect(cliLanguage({ LANG: 'en' })).toBe('en');
    expect(cliLanguage({ LC_ALL: 'fr_CA.UTF-8', LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(cliLanguage({ LC_MESSAGES: 'en_GB.UTF-8', LANG: 'fr_CA.UTF-8' })).toBe('en');
    expect(cliLanguage({ LANG: 'C.UTF-8' })).toBe('fr');
    expect(cliLanguage({ LANG: 'eng' })).toBe('fr');
    expect(cliLanguage({})).toBe('fr');
  });

  it('prints its own sentences in English, without French spacing or guillemets', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'carton-cli-en-'));
    const empty = mkdtempSync(join(tmpdir(), 'carton-cli-en-'));
    openDatabase(empty).close();
    expect(await run({ kind: 'forums', dataDir: empty }, 'en')).toBe(`No forums in ${empty}\n`);
    expect(await run({ kind: 'forums', dataDir: empty }, 'fr')).toBe(`Aucun forum dans ${empty}\n`);
    const forumId = await forumIn(dataDir);
    const link = await run(
      { kind: 'facilitator-link', dataDir, forumId, publicUrl: 'http://salle.local' },
      'en',
    );
    expect(link).toMatch(/^New facilitator link: http:\/\/salle\.local\/f\/\S+#token=\S+\n/);
    expect(link).toContain('“Replace link” gives new ones.');
    expect(link).not.toMatch(/[«»\u00a0]| [:;?!]/);
    for (const folder of [dataDir, empty]) rmSync(folder, { recursive: true, force: true });
  });

  it('gives its help in the terminal’s language, French typography in French', async () => {
    const french = await run({ kind: 'help' }, 'fr');
    expect(french).toMatch(
      /^Utilisation\u00a0:\n {2}carton export --data <dossier> --forum <idForum>/,
    );
    expect(french).toContain('recrée le forum archivé comme NOUVEAU forum');
    // NBSP before « : », NNBSP before « ; », never a plain space.
    expect(french).not.toMatch(/ [:;]/);
    const english = await run({ kind: 'help' }, 'en');
    expect(english).toMatch(/^Usage:\n {2}carton export --data <dir> --forum <forumId>/);
    expect(english).not.toMatch(/[\u00a0\u202f]/);
  });

  it('says a refused archive in English, then the same code line', () => {
    const error = { code: 'not_zip' as const, message: 'not a zip', path: '(archive)' };
    expect(archiveRefusalText(error, 'import', 'en')).toBe(
      'carton: This file is not a .zip archive, or it is damaged. Nothing was imported.\n' +
        '  not_zip: not a zip\n',
    );
    expect(archiveRefusalText(error, 'import')).toContain('Rien n’a été importé.');
    const tooLarge = { code: 'archive_too_large' as const, message: 'm', path: '(archive)' };
    expect(archiveRefusalText(tooLarge, 'export', 'en')).toContain(
      'Keep its boards one by one instead',
    );
  });
});
