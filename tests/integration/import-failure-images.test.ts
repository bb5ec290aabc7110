// ARCHIVE, R35: an import that fails after its images were stored (storage refusing the
// board's change, or the forum's dots) removes the images it inserted — they would otherwise
// count in the forum's image quota for good, shown by nothing — and only those: a photo the
// forum already had stays. A forum import failing part-way leaves nothing at all of the new
// forum (rows, documents, dots), touches no other forum, and answers 503 storage_unavailable. The store is made to fail on real storage (SQLite file here,
// PostgreSQL in integration-postgres: apps/server/src/archive/test-refused-writes.ts).
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { editArchive } from '../../apps/server/src/archive/test-archives.ts';
import {
  probeStore,
  type StoreProbe,
  type Tally,
} from '../../apps/server/src/archive/test-refused-writes.ts';
import { databaseUrlFor, startServer, type CartonServer } from '../support/server.ts';
import { png } from './fixtures/images.ts';
import { authFetch, createForum, territoryBoard, type CreatedForum } from './helpers.ts';

let server: CartonServer;
let probe: StoreProbe;
let forum: CreatedForum;

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

beforeAll(async () => {
  server = await startServer();
  probe = await probeStore(server.dataDir, databaseUrlFor(server.dataDir));
  forum = await createForum(server);
});

afterEach(async () => {
  await probe.allowInserts('board_updates');
  await probe.allowInserts('vote_dots');
  await probe.allowInserts('tokens');
});

afterAll(async () => {
  await probe?.close();
  await server?.dispose();
});

/** A board file with one note and the photos given, each shown by an image shape. */
function boardFile(photos: readonly Buffer[]): string {
  return JSON.stringify({
    format: 'carton-board',
    version: 1,
    meta: { schemaVersion: 1, title: 'Conditions de succès — Kamouraska', kind: 'territory' },
    shapes: [
      {
        id: 'shape:note00000000000000000001',
        type: 'note',
        x: 40,
        y: 120,
        rotation: 0,
        index: 'a0',
        parentId: null,
        text: 'Concertation forte entre partenaires, partage des savoirs',
        color: 'blue',
        w: 200,
        h: 200,
      },
      ...photos.map((photo, i) => ({
        id: `shape:image0000000000000000000${i}`,
        type: 'image',
        x: 300 + 100 * i,
        y: 0,
        rotation: 0,
        index: `a${i + 1}`,
        parentId: null,
        w: 48,
        h: 32,
        blobId: sha256(photo),
        mime: 'image/png',
        naturalWidth: 48,
        naturalHeight: 32,
      })),
    ],
    images: Object.fromEntries(
      photos.map((photo) => [sha256(photo), { mime: 'image/png', data: photo.toString('base64') }]),
    ),
  });
}

/**
 * A failed import left no row it did not find: every table's rows per owner are as before.
 * Boards that existed may meanwhile have stored a version or folded their updates (their rooms
 * unload, R8): those two tables may only name documents that already existed.
 */
function expectNothingLeft(before: Tally, after: Tally): void {
  const documents = Object.keys(before.board_state ?? {});
  for (const [table, owners] of Object.entries(after)) {
    if (table === 'board_updates' || table === 'board_snapshots') {
      expect(
        Object.keys(owners).filter((id) => !documents.includes(id)),
        table,
      ).toEqual([]);
    } else {
      expect(owners, table).toEqual(before[table]);
    }
  }
}

function postArchive(zip: Uint8Array): Promise<Response> {
  return fetch(`${server.url}/api/forums/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/zip' },
    body: Buffer.from(zip),
  });
}

/** The refused import's answer: 503 storage_unavailable, in the JSON error shape (R25). */
async function expectStorageUnavailable(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('storage_unavailable');
  expect(typeof body.error.message).toBe('string');
}

/** The other forum still reads as before: its facilitator page, its boards, its photos. */
async function expectIntact(other: CreatedForum, photos: readonly string[]): Promise<void> {
  const read = await authFetch(server, `/api/forums/${other.forum.id}`, other.facilitator.token);
  expect(read.status).toBe(200);
  const page = (await read.json()) as { forum: { id: string }; boards: unknown[] };
  expect(page.forum.id).toBe(other.forum.id);
  expect(page.boards).toHaveLength(other.boards.length);
  expect(await probe.blobIds(other.forum.id)).toEqual(photos);
}

function importFile(boardId: string, token: string, file: string): Promise<Response> {
  return authFetch(server, `/api/boards/${boardId}/import`, token, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: file,
  });
}

describe('images of a failed import', () => {
  it('ARCHIVE: a board import whose change storage refuses removes the photos it added, not one the forum had', async () => {
    const board = territoryBoard(forum, 'Kamouraska');
    // A participant's photo, already in the forum, and a new one the file brings.
    const theirs = png(48, 32);
    const uploaded = await authFetch(server, `/api/boards/${board.id}/images`, board.edit.token, {
      method: 'POST',
      headers: { 'Content-Type': 'image/png' },
      body: new Uint8Array(theirs),
    });
    expect(uploaded.status).toBe(201);
    const brought = png(47, 32);
    await probe.refuseInserts('board_updates');
    const response = await importFile(board.id, board.edit.token, boardFile([theirs, brought]));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'storage_unavailable' } });
    expect(await probe.blobIds(forum.forum.id)).toEqual([sha256(theirs)]);
    // Storage back: the same file is imported, with both photos.
    await probe.allowInserts('board_updates');
    const again = await importFile(board.id, board.edit.token, boardFile([theirs, brought]));
    expect(again.status).toBe(200);
    expect(await probe.blobIds(forum.forum.id)).toEqual([sha256(theirs), sha256(brought)].sort());
  });

  it('ARCHIVE: a forum import failing after its photos were stored (its dots refused) leaves none stored', async () => {
    const source = await createForum(server, { title: 'Forum de la Gaspésie', templates: false });
    const board = source.boards[1]!;
    const photo = png(46, 32);
    expect((await importFile(board.id, board.edit.token, boardFile([photo]))).status).toBe(200);
    const zip = new Uint8Array(
      await (
        await authFetch(
          server,
          `/api/forums/${source.forum.id}/archive.zip`,
          source.facilitator.token,
        )
      ).arrayBuffer(),
    );
    // A closed vote with three dots on the note: written after the photos (restoreDots).
    const voted = editArchive(zip, (_, manifest) => {
      manifest.facilitation = {
        votes: [
          {
            id: 'vote-1',
            title: 'Priorités',
            boardIds: [board.id],
            dotsPerParticipant: 3,
            state: 'closed',
            openedAt: 1_700_000_000_000,
            closedAt: 1_700_000_600_000,
            counts: { [`${board.id}/shape:note00000000000000000001`]: 3 },
          },
        ],
        compilation: null,
      };
    });
    const stored = await probe.blobIds(source.forum.id, { except: true });
    const before = await probe.tally();
    await probe.refuseInserts('vote_dots');
    await expectStorageUnavailable(await postArchive(voted));
    expect(await probe.blobIds(source.forum.id, { except: true })).toEqual(stored);
    expectNothingLeft(before, await probe.tally());
    await expectIntact(source, [sha256(photo)]);
    // The same archive, storage back: imported with its photo.
    await probe.allowInserts('vote_dots');
    const imported = await postArchive(voted);
    expect(imported.status).toBe(201);
    const created = (await imported.json()) as CreatedForum;
    expect(await probe.blobIds(created.forum.id)).toEqual([sha256(photo)]);
  });

  it('ARCHIVE: a forum import whose rows storage refuses leaves none of its board documents', async () => {
    const source = await createForum(server, { title: 'Forum du Bas-Saint-Laurent' });
    const zip = new Uint8Array(
      await (
        await authFetch(
          server,
          `/api/forums/${source.forum.id}/archive.zip`,
          source.facilitator.token,
        )
      ).arrayBuffer(),
    );
    const before = await probe.tally();
    // Every board's document and the forum document are written before the rows (tokens).
    await probe.refuseInserts('tokens');
    await expectStorageUnavailable(await postArchive(zip));
    expectNothingLeft(before, await probe.tally());
    await expectIntact(source, []);
    await probe.allowInserts('tokens');
    const imported = await postArchive(zip);
    expect(imported.status).toBe(201);
    expect(((await imported.json()) as CreatedForum).boards).toHaveLength(source.boards.length);
  });
});
