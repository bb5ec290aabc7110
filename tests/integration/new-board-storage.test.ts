// R54, R6: a new board that storage refuses (a full disk, a lost database) answers 503
// storage_unavailable in the JSON error shape — the code the forum page explains in French —
// never 500, and leaves nothing the forum counts: no board row, no token, no image in its
// quota. The store is made to fail on real storage (the server's SQLite file here, its
// PostgreSQL database in integration-postgres: apps/server/src/archive/test-refused-writes.ts).
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { probeStore, type StoreProbe } from '../../apps/server/src/archive/test-refused-writes.ts';
import { boardFileWithPhoto } from '../../apps/server/src/archive/test-board-file.ts';
import { databaseUrlFor, startServer, type CartonServer } from '../support/server.ts';
import { png } from './fixtures/images.ts';
import { authFetch, createForum, type CreatedForum } from './helpers.ts';

let server: CartonServer;
let probe: StoreProbe;
let forum: CreatedForum;

beforeAll(async () => {
  server = await startServer();
  probe = await probeStore(server.dataDir, databaseUrlFor(server.dataDir));
  forum = await createForum(server, {
    title: 'Forum des Alliances — Rêvons ensemble notre future Alliance',
    territories: ['Kamouraska', 'La Mitis'],
    templates: false,
  });
});

afterEach(async () => {
  await probe.allowInserts('boards');
  await probe.allowInserts('blobs');
});

afterAll(async () => {
  await probe?.close();
  await server?.dispose();
});

const photo = png(40, 30); // TEST_PHOTO's natural size
const photoId = createHash('sha256').update(photo).digest('hex');

/** « Cartes postales », a board file with one postcard and its photo (new to the forum). */
const postcards = boardFileWithPhoto(photo, photoId, {
  title: 'Cartes postales',
  kind: 'postcards',
});

function newBoard(body: unknown): Promise<Response> {
  return authFetch(server, `/api/forums/${forum.forum.id}/boards`, forum.facilitator.token, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** What the forum counts: its boards, its links, its images. */
async function forumRows(): Promise<unknown> {
  const tally = await probe.tally();
  const page = await authFetch(server, `/api/forums/${forum.forum.id}`, forum.facilitator.token);
  expect(page.status).toBe(200);
  const { boards } = (await page.json()) as { boards: Array<{ id: string }> };
  return {
    boards: boards.map((board) => board.id),
    boardRows: tally['boards']?.[forum.forum.id] ?? 0,
    tokens: tally['tokens']?.[forum.forum.id] ?? 0,
    images: await probe.blobIds(forum.forum.id),
  };
}

async function expectStorageUnavailable(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('storage_unavailable');
  expect(body.error.message).toMatch(/try again/i);
}

describe('R54, R6: a new board storage refuses', () => {
  it('R54, R6: its row refused, it answers 503 storage_unavailable and leaves no row, link or image', async () => {
    const before = await forumRows();
    await probe.refuseInserts('boards');
    await expectStorageUnavailable(
      await newBoard({
        title: 'Cartes postales du Kamouraska',
        kind: 'postcards',
        file: postcards,
      }),
    );
    await probe.allowInserts('boards');
    expect(await forumRows()).toEqual(before);
  });

  it('R54, R6: its images refused, it answers 503 storage_unavailable and creates nothing', async () => {
    const before = await forumRows();
    await probe.refuseInserts('blobs');
    await expectStorageUnavailable(
      await newBoard({ title: 'Cartes postales de La Mitis', kind: 'postcards', file: postcards }),
    );
    await probe.allowInserts('blobs');
    expect(await forumRows()).toEqual(before);
    // Storage back, the same request succeeds: nothing half-made stands in its way.
    const again = await newBoard({
      title: 'Cartes postales de La Mitis',
      kind: 'postcards',
      file: postcards,
    });
    expect(again.status).toBe(201);
    expect(await probe.blobIds(forum.forum.id)).toEqual([photoId]);
  });
});
