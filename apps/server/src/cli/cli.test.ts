// What a technician meets with a mistyped path: a plain refusal, never a stack trace or a new
// empty database beside the server's.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveError } from '../archive/errors.ts';
import { createForum } from '../forums/create-forum.ts';
import { SqliteBlobStore } from '../blobs/blob-store.ts';
import { SqliteForumStore } from '../forums/sqlite-forum-store.ts';
import { openDatabase } from '../storage/database.ts';
import { SqliteBoardStorage } from '../storage/sqlite-board-storage.ts';
import { runCli } from './cli.ts';
import { CliRefusal } from './language.ts';
import { archiveRefusalText } from './errors-fr.ts';

const scratchFolders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), 'carton-cli-unit-'));
  scratchFolders.push(folder);
  return folder;
};
afterAll(() => {
  for (const folder of scratchFolders) rmSync(folder, { recursive: true, force: true });
});

describe('carton CLI paths', () => {
  it('ARCHIVE: import of a missing archive is refused, and creates no database', async () => {
    const dataDir = join(scratch(), 'data');
    const run = runCli(
      {
        kind: 'import',
        dataDir,
        archive: join(dataDir, 'forum.zip'),
        publicUrl: 'http://localhost:8787',
        json: false,
      },
      () => {},
    );
    await expect(run).rejects.toThrow(CliRefusal);
    await expect(run).rejects.toThrow(
      /impossible de lire .*forum\.zip\u00a0: ce fichier n’existe pas/,
    );
    expect(existsSync(join(dataDir, 'carton.sqlite'))).toBe(false);
  });

  it('ARCHIVE: export from a directory without a database says so, and creates none', async () => {
    const dataDir = join(scratch(), 'dat');
    const run = runCli(
      { kind: 'export', dataDir, forumId: 'abc', out: join(dataDir, 'x.zip'), png: false },
      () => {},
    );
    await expect(run).rejects.toThrow(CliRefusal);
    await expect(run).rejects.toThrow(/aucune base de données Carton dans .*--data/);
    expect(existsSync(join(dataDir, 'carton.sqlite'))).toBe(false);
  });
});

async function run(command: Parameters<typeof runCli>[0]): Promise<string> {
  let text = '';
  await runCli(command, (chunk) => (text += chunk));
  return text;
}

/** Anything that would act on a terminal: C0/C1 controls but \n, bidi controls. */
const RAW = /(?!\n)[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

describe('carton prints archive and database text escaped', () => {
  it('ARCHIVE: forums lists a stored title holding ESC and U+202E escaped', async () => {
    const dataDir = scratch();
    const db = openDatabase(dataDir);
    const boards = new SqliteBoardStorage(db);
    try {
      await createForum(
        { title: 'Forum de l’Alliance', territories: ['Kamouraska'], templates: false },
        { forums: new SqliteForumStore(db), boards, baseUrl: 'http://salle.local' },
      );
      // A name stored before R24 refused control characters (or written by hand).
      db.prepare('UPDATE forums SET title = ?').run('Forum\u202e\u001b[2J de l’Alliance\r');
    } finally {
      boards.close();
    }
    const listed = await run({ kind: 'forums', dataDir });
    expect(listed).not.toMatch(RAW);
    expect(listed).toContain('  Forum\\u202E\\u001B[2J de l’Alliance\\u000D\n');
  });

  it('ARCHIVE: a refused archive’s entry names are printed escaped, its French unchanged', async () => {
    // Two entries of one name (refused) whose name hides a bidi override and C1's CSI, which
    // the zip reader lets through (no C0 control, no « .. »).
    const disguised = 'images/\u202egnp.exe\u009b2J';
    const twin = 'images/\u202egnp.exe\u009b3J';
    const zip = Buffer.from(
      zipSync({ [disguised]: strToU8('x'), [twin]: strToU8('y') }, { level: 0 }),
    );
    const archive = join(scratch(), 'forum.zip');
    // The second name becomes the first, in its local header and in the central directory.
    writeFileSync(
      archive,
      Buffer.from(
        zip
          .toString('latin1')
          .replaceAll(
            Buffer.from(twin).toString('latin1'),
            Buffer.from(disguised).toString('latin1'),
          ),
        'latin1',
      ),
    );
    const failure = run({
      kind: 'import',
      dataDir: join(scratch(), 'data'),
      archive,
      publicUrl: 'http://salle.local',
      json: false,
    });
    await expect(failure).rejects.toBeInstanceOf(ArchiveError);
    const error = (await failure.catch((caught: unknown) => caught)) as ArchiveError;
    // The crafted name reaches the refusal as it is (its place); only the printing escapes it.
    expect(error.path).toContain('\u202egnp.exe\u009b');
    const text = archiveRefusalText(error, 'import');
    expect(text).not.toMatch(RAW);
    expect(text).toContain('\\u202Egnp.exe\\u009B');
    // The French sentence and the code are as before.
    expect(text.split('\n')[0]).toMatch(/^carton: \S.+ Rien n’a été importé\.$/);
    expect(text.split('\n')[1]).toMatch(new RegExp(`^  ${error.code}: `));
  });
});

describe('carton delete', () => {
  it('R70: says what it would erase and erases nothing without --yes, in French and English', async () => {
    const dataDir = scratch();
    const db = openDatabase(dataDir);
    const forums = new SqliteForumStore(db);
    const boards = new SqliteBoardStorage(db);
    let forumId: string;
    try {
      const created = await createForum(
        { title: 'Forum de l’Alliance', territories: ['Kamouraska', 'La Mitis'], templates: false },
        { forums, boards, baseUrl: 'http://salle.local' },
      );
      forumId = created.forum.id;
      const data = new Uint8Array(1_500_000).fill(7);
      const blobId = 'a'.repeat(64);
      const info = { blobId, mime: 'image/png' as const, width: 1, height: 1, bytes: data.length };
      new SqliteBlobStore(db).put(forumId, [{ info, data }], 1e9);
      forums.removeBoard(created.boards[2]!.id, forumId);
    } finally {
      boards.close();
    }
    const command = { kind: 'delete' as const, dataDir, forumId, yes: false };
    for (const [language, erases, refusal] of [
      [
        'fr',
        '  4 tableaux (dont 1 retiré)\u00a0: chaque papillon',
        'rien n’a été supprimé\u00a0: ajoutez --yes',
      ],
      ['en', '  4 boards (1 taken out): every note', 'nothing was deleted: add --yes'],
    ] as const) {
      let printed = '';
      const run = runCli(command, (chunk) => (printed += chunk), language);
      await expect(run).rejects.toThrow(CliRefusal);
      await expect(run).rejects.toThrow(refusal);
      expect(printed).toContain(erases);
      expect(printed).toContain(language === 'fr' ? '1,5\u00a0Mo de photos' : '1.5 MB of photos');
      expect(printed).toContain(`carton export --forum ${forumId} --out forum.zip`);
      if (language === 'fr') {
        expect(printed).toContain('(dont 1 retiré)');
        expect(printed).not.toMatch(/ [:;?!»]|« /);
      }
    }
    expect(await run({ kind: 'forums', dataDir })).toContain('Forum de l’Alliance');

    const done = await run({ ...command, yes: true });
    expect(done).toContain(
      `(${forumId}) supprimé\u00a0: 4 tableaux (dont 1 retiré) et 1,5\u00a0Mo`,
    );
    expect(done).not.toMatch(/ [:;?!»]|« /);
    expect(await run({ kind: 'forums', dataDir })).not.toContain('Forum de l’Alliance');
    for (const again of [
      { ...command, yes: true },
      { kind: 'export' as const, dataDir, forumId, out: join(dataDir, 'x.zip'), png: false },
      { kind: 'facilitator-link' as const, dataDir, forumId, publicUrl: 'http://salle.local' },
    ]) {
      await expect(run(again)).rejects.toThrow(
        new CliRefusal(`le forum ${forumId} est déjà supprimé`),
      );
    }
  });
});
