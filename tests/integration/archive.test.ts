// Forum archives across processes (ARCHIVE rules): a forum made on one built server, archived
// over HTTP and by the command line, recreated on a SECOND server with its own data directory;
// every board exports the same JSON there.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, carton } from '../support/cli.ts';
import { REPO_ROOT, startServer, type CartonServer } from '../support/server.ts';
import { editArchive } from '../../apps/server/src/archive/test-archives.ts';
import { png } from './fixtures/images.ts';
import {
  authFetch,
  connect,
  createForum,
  docUntil,
  exportJson,
  territoryBoard,
  unzip,
  type CreatedForum,
} from './helpers.ts';

let a: CartonServer;
let b: CartonServer;
let forum: CreatedForum;
let blobId: string;

beforeAll(async () => {
  [a, b] = await Promise.all([
    // The PNGs at the size a facilitator gets (2 px per board unit), not the tests' 1 Mpx.
    startServer({ env: { CARTON_ARCHIVE_PNG_MAX_PIXELS: '64000000' } }),
    startServer(),
  ]);
  forum = await createForum(a);
  const kamouraska = territoryBoard(forum, 'Kamouraska');
  const upload = await fetch(`${a.url}/api/boards/${kamouraska.id}/images`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${kamouraska.edit.token}`, 'Content-Type': 'image/png' },
    body: new Uint8Array(png(48, 32)),
  });
  blobId = ((await upload.json()) as { blobId: string }).blobId;
  const writer = connect(a, kamouraska.id, kamouraska.edit.token);
  const observer = connect(a, kamouraska.id, kamouraska.view.token);
  await Promise.all([writer.synced, observer.synced]);
  writer.run((tx) => {
    const carton = tx.create('carton', { x: 0, y: 0, w: 1000, h: 700, title: 'Kamouraska' });
    const note = tx.create('note', {
      x: 60,
      y: 120,
      text: 'Concertation forte entre partenaires, partage des savoirs',
      color: 'blue',
      parentId: carton,
    });
    tx.create('stamp', { x: 40, y: 100, kind: 'star', color: 'yellow', parentId: carton });
    tx.create('arrow', {
      x: 270,
      y: 200,
      end: { x: 120, y: 40 },
      startBinding: { shapeId: note, anchor: { x: 1, y: 0.5 } },
    });
    tx.create('image', {
      x: 1100,
      y: 0,
      blobId,
      mime: 'image/png',
      naturalWidth: 48,
      naturalHeight: 32,
    });
  });
  // The view client got them from the server, so the server stored them (R5).
  await docUntil(observer.doc, '5 shapes', () => observer.board.listShapes().length === 5);
  writer.destroy();
  observer.destroy();
});

afterAll(async () => {
  await Promise.all([a?.dispose(), b?.dispose()]);
});

async function exportsOf(server: CartonServer, created: CreatedForum): Promise<unknown[]> {
  return Promise.all(
    created.boards.map(async (board) =>
      (await exportJson(server, board.id, board.view.token)).json(),
    ),
  );
}

async function archive(token: string, forumId = forum.forum.id): Promise<Response> {
  return authFetch(a, `/api/forums/${forumId}/archive.zip`, token);
}

/** The forum's archive from server A, imported into server B over HTTP. */
async function importIntoB(): Promise<CreatedForum> {
  const zip = Buffer.from(await (await archive(forum.facilitator.token)).arrayBuffer());
  const response = await fetch(`${b.url}/api/forums/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/zip' },
    body: zip,
  });
  expect(response.status).toBe(201);
  return (await response.json()) as CreatedForum;
}

describe('forum archive over HTTP', () => {
  it('ARCHIVE: the facilitator downloads a zip: manifest, a JSON and a PNG per board, each image once', async () => {
    const response = await archive(forum.facilitator.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="forum-regional/,
    );
    const files = unzip(Buffer.from(await response.arrayBuffer()));
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}');
    expect(manifest.forum.title).toBe(forum.forum.title);
    expect(manifest.boards).toHaveLength(forum.boards.length);
    const entry = manifest.boards.find(
      (board: { territory: string }) => board.territory === 'Kamouraska',
    );
    const file = JSON.parse(files.get(entry.json)?.toString('utf8') ?? '{}');
    expect(file.shapes).toHaveLength(5);
    // The photo is once in the archive, by its SHA-256 (manifest version 2), not in the JSON.
    expect(file.images).toBeUndefined();
    expect(manifest.version).toBe(2);
    expect(files.get(`images/${blobId}.png`)).toEqual(png(48, 32));
    const image = files.get(entry.png) ?? Buffer.alloc(0);
    expect(image.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(image.readUInt32BE(16)).toBeGreaterThan(2000); // width: 2 px per board unit
  });

  it('ARCHIVE: a version 2 archive whose photo was swapped → 400 checksum_mismatch', async () => {
    const zip = new Uint8Array(await (await archive(forum.facilitator.token)).arrayBuffer());
    // The manifest's checksums follow the swap: only the photo's own name can tell.
    const swapped = editArchive(zip, (files) => (files[`images/${blobId}.png`] = png(49, 32)));
    const response = await fetch(`${b.url}/api/forums/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/zip' },
      body: Buffer.from(swapped),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'checksum_mismatch', path: `images/${blobId}.png` },
    });
  });

  it('ARCHIVE: only this forum’s facilitator token', async () => {
    const kamouraska = territoryBoard(forum, 'Kamouraska');
    expect((await archive(kamouraska.edit.token)).status).toBe(403);
    expect((await fetch(`${a.url}/api/forums/${forum.forum.id}/archive.zip`)).status).toBe(401);
    const other = await createForum(a, { title: 'Autre forum', territories: ['La Mitis'] });
    expect((await archive(other.facilitator.token)).status).toBe(403);
  });

  it('ARCHIVE: imported into a second server, every board exports the same JSON, images too', async () => {
    const created = await importIntoB();
    expect(created.forum.title).toBe(forum.forum.title);
    expect(created.facilitator.url).toBe(
      `${b.url}/f/${created.forum.id}#token=${created.facilitator.token}`,
    );
    expect(created.boards.map((board) => [board.kind, board.title, board.territory])).toEqual(
      forum.boards.map((board) => [board.kind, board.title, board.territory]),
    );
    expect(created.boards.every((board, i) => board.id !== forum.boards[i]?.id)).toBe(true);
    expect(await exportsOf(b, created)).toEqual(await exportsOf(a, forum));
    const kamouraska = territoryBoard(created, 'Kamouraska');
    const image = await fetch(`${b.url}/api/boards/${kamouraska.id}/images/${blobId}`, {
      headers: { Authorization: `Bearer ${kamouraska.view.token}` },
    });
    expect(Buffer.from(await image.arrayBuffer())).toEqual(png(48, 32));
  });

  it('ARCHIVE: the imported forum’s facilitator page lists every board’s links again (L1)', async () => {
    const created = await importIntoB();
    const page = await fetch(`${b.url}/api/forums/${created.forum.id}`, {
      headers: { Authorization: `Bearer ${created.facilitator.token}` },
    });
    expect(page.status).toBe(200);
    const listed = (await page.json()) as {
      boards: { id: string; edit: { url: string } | null; view: { url: string } | null }[];
    };
    expect(listed.boards.map((board) => [board.id, board.edit?.url, board.view?.url])).toEqual(
      created.boards.map((board) => [board.id, board.edit.url, board.view.url]),
    );
  });
});

describe('carton command line', () => {
  it('ARCHIVE: export from a running server’s data directory, import into another running one', async () => {
    expect(existsSync(CLI)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'carton-cli-'));
    try {
      const out = join(dir, 'forum.zip');
      const exported = await carton([
        'export',
        '--data',
        a.dataDir,
        '--forum',
        forum.forum.id,
        '--out',
        out,
      ]);
      expect(exported.stdout.trim()).toBe(out);
      expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
      const imported = await carton([
        'import',
        '--data',
        b.dataDir,
        '--public-url',
        b.url,
        '--json',
        out,
      ]);
      const created = JSON.parse(imported.stdout) as CreatedForum;
      expect(await exportsOf(b, created)).toEqual(await exportsOf(a, forum));
      const links = await carton([
        'import',
        '--data',
        b.dataDir,
        '--public-url',
        'http://salle.local',
        out,
      ]);
      expect(links.stdout).toMatch(/^Forum « Forum régional de l’Alliance 2023 »/);
      expect(links.stdout).toMatch(/édition : http:\/\/salle\.local\/b\/[\w-]+#token=/);
      const refused = await carton([
        'import',
        '--data',
        b.dataDir,
        join(REPO_ROOT, 'package.json'),
      ]).catch((error: { code: number; stderr: string }) => error);
      expect(refused).toMatchObject({
        code: 1,
        // French first (cli/errors-fr.ts), then the code.
        stderr: expect.stringMatching(
          /^carton: Ce fichier n’est pas une archive \.zip.*\n {2}not_zip: /,
        ),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
