// `carton import` of an archive whose export left part of the forum day out (the manifest's
// facilitation.leftOut, fit-facilitation.ts): the plain output says what, per kind, after the
// links, in the terminal's language; the JSON output keeps carrying the counts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveManifest } from '../archive/manifest.ts';
import { createForum } from '../forums/create-forum.ts';
import { SqliteForumStore } from '../forums/sqlite-forum-store.ts';
import { openDatabase } from '../storage/database.ts';
import { SqliteBoardStorage } from '../storage/sqlite-board-storage.ts';
import { runCli } from './cli.ts';
import type { CliLanguage } from './language.ts';
import { leftOutLines } from './left-out.ts';

const folders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), 'carton-cli-left-out-'));
  folders.push(folder);
  return folder;
};
let archive = '';
let whole = '';

async function run(command: Parameters<typeof runCli>[0], language: CliLanguage = 'fr') {
  let text = '';
  await runCli(command, (chunk) => (text += chunk), language);
  return text;
}

const importInto = (from: string, language: CliLanguage, json = false) =>
  run(
    {
      kind: 'import',
      dataDir: join(scratch(), 'data'),
      archive: from,
      publicUrl: 'http://salle.local',
      json,
    },
    language,
  );

beforeAll(async () => {
  const dataDir = scratch();
  const db = openDatabase(dataDir);
  const boards = new SqliteBoardStorage(db);
  let forumId: string;
  try {
    const created = await createForum(
      { title: 'Forum de l’Alliance', territories: ['Kamouraska'], templates: false },
      { forums: new SqliteForumStore(db), boards, baseUrl: 'http://salle.local' },
    );
    forumId = created.forum.id;
  } finally {
    boards.close();
  }
  whole = join(scratch(), 'forum.zip');
  await run({ kind: 'export', dataDir, forumId, out: whole, png: false });
  // As the export writes it when the forum doc held more than the import takes (F2).
  const files = unzipSync(readFileSync(whole));
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as ArchiveManifest;
  files['manifest.json'] = strToU8(
    JSON.stringify({
      ...manifest,
      facilitation: {
        votes: [],
        compilation: null,
        ...manifest.facilitation,
        leftOut: { votes: 1, dots: 10_006, merges: 2, distinct: 3 },
      },
    }),
  );
  archive = join(scratch(), 'forum-fitted.zip');
  writeFileSync(archive, zipSync(files));
});

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('carton import says what the archive left out', () => {
  it('in French, per kind, after the links', async () => {
    const text = await importInto(archive, 'fr');
    expect(text).toMatch(/\nForum « Forum de l’Alliance » \(\S+\)\n {2}Animation :/);
    expect(
      text.endsWith(
        '\nPas tout repris\u00a0: le forum dépassait ce qu’un import accepte, et ceci a été laissé de côté\u00a0:\n' +
          '  1 vote\n' +
          '  10\u00a0006 points de vote\n' +
          '  2 fusions d’idées\n' +
          '  3 paires d’idées dites différentes\n',
      ),
    ).toBe(true);
  });

  it('in English for an English terminal', async () => {
    const text = await importInto(archive, 'en');
    expect(text).toContain(
      '\nNot everything came back: the forum held more than an import takes, and this was left out:\n' +
        '  1 vote\n  10,006 dots\n  2 merges of ideas\n  3 pairs of ideas marked different\n',
    );
  });

  it('says nothing of it for a whole archive; the JSON output carries the counts', async () => {
    expect(await importInto(whole, 'fr')).not.toContain('laissé de côté');
    const json = JSON.parse(await importInto(archive, 'fr', true)) as { leftOut?: unknown };
    expect(json.leftOut).toEqual({ votes: 1, dots: 10_006, merges: 2, distinct: 3 });
    expect(leftOutLines({}, 'en')).toEqual([]);
  });
});
