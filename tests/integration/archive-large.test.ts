// ARCHIVE: a forum near the case that broke archives — photos close to the size one board file
// could hold, shown on several boards and in their saved versions — exported by one built
// server and imported by a second: every board the same, every photo there, every version.
// Manifest version 1 embedded each board's photos as base64 (57 MiB of photos → 76 MiB per
// board file, past the 64 MiB an import read per entry); version 2 holds each photo once.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noisePng } from '../../apps/server/src/archive/test-archives.ts';
import { startServer, type CartonServer } from '../support/server.ts';
import {
  authFetch,
  connect,
  createForum,
  docUntil,
  territoryBoard,
  unzip,
  type CreatedBoard,
  type CreatedForum,
} from './helpers.ts';

let a: CartonServer;
let b: CartonServer;
let forum: CreatedForum;
let boards: CreatedBoard[];
const photos: string[] = [];
const PHOTOS = 6;
/** Just under CARTON_MAX_IMAGE_BYTES (10 MiB): a phone photo of a flyer, incompressible. */
const SIDE = 1780;

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

interface Version {
  id: number;
  kind: 'auto' | 'named';
  name: string | null;
  createdAt: number;
}

async function snapshot(board: CreatedBoard, name: string): Promise<void> {
  const response = await authFetch(
    a,
    `/api/boards/${board.id}/snapshots`,
    forum.facilitator.token,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name }),
    },
  );
  expect(response.status).toBe(201);
}

beforeAll(async () => {
  // The photos are made before any request: making one holds this process for ~0.3 s, several
  // seconds on a loaded machine, and an upload sent after more than the server's 5 s keep-alive
  // went out on a socket the server had closed meanwhile (fetch failed: write EPIPE).
  const pngs = Array.from({ length: PHOTOS }, (_, i) => Buffer.from(noisePng(SIDE, SIDE, i + 1)));
  [a, b] = await Promise.all([startServer(), startServer()]);
  forum = await createForum(a);
  boards = [
    forum.boards.find((board) => board.kind === 'plenary')!,
    territoryBoard(forum, 'Kamouraska'),
    territoryBoard(forum, 'Rimouski-Neigette'),
  ];
  for (const png of pngs) {
    const upload = await fetch(`${a.url}/api/boards/${boards[1]!.id}/images`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${boards[1]!.edit.token}`, 'Content-Type': 'image/png' },
      body: png,
    });
    expect(upload.status).toBe(201);
    photos.push(((await upload.json()) as { blobId: string }).blobId);
  }
  for (const board of boards) {
    const writer = connect(a, board.id, board.edit.token);
    const watcher = connect(a, board.id, board.view.token);
    await Promise.all([writer.synced, watcher.synced]);
    const shapes = () => watcher.board.listShapes().length;
    const before = shapes();
    writer.run((tx) => {
      for (const [i, blobId] of photos.entries()) {
        tx.create('image', {
          x: 1200 + 170 * i,
          y: 0,
          blobId,
          mime: 'image/png',
          naturalWidth: SIDE,
          naturalHeight: SIDE,
          w: 160,
          h: 160,
        });
      }
    });
    // Seen by another client: the server stored it (R5) before the version is kept.
    await docUntil(watcher.doc, 'the photos', () => shapes() === before + PHOTOS);
    await snapshot(board, 'Avec les photos');
    writer.run((tx) => tx.create('note', { x: 60, y: 900, text: 'Transport collectif en région' }));
    await docUntil(watcher.doc, 'the note', () => shapes() === before + PHOTOS + 1);
    await snapshot(board, 'Après la plénière');
    writer.destroy();
    watcher.destroy();
  }
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.dispose(), b?.dispose()]);
});

async function versions(server: CartonServer, boardId: string, token: string): Promise<Version[]> {
  const response = await authFetch(server, `/api/boards/${boardId}/snapshots`, token);
  expect(response.status).toBe(200);
  return ((await response.json()) as { snapshots: Version[] }).snapshots;
}

/** The board's shapes as a client of that server sees them (no base64 to download). */
async function boardContent(server: CartonServer, boardId: string, token: string) {
  const client = connect(server, boardId, token);
  await client.synced;
  const shapes = [...client.board.listShapes()].sort((x, y) => x.id.localeCompare(y.id));
  client.destroy();
  return shapes;
}

describe('a forum of many large photos and versions', () => {
  it('ARCHIVE: exported and imported again: each photo once in the zip, boards, photos and versions all there', async () => {
    const download = await authFetch(
      a,
      `/api/forums/${forum.forum.id}/archive.zip`,
      forum.facilitator.token,
    );
    expect(download.status).toBe(200);
    const zip = Buffer.from(await download.arrayBuffer());
    const files = unzip(zip);
    const images = [...files.keys()].filter((path) => path.startsWith('images/'));
    expect(images.sort()).toEqual(photos.map((blobId) => `images/${blobId}.png`).sort());
    // Each photo once (with the boards' PNGs), not three boards' worth of base64.
    expect(zip.byteLength).toBeLessThan(PHOTOS * SIDE * SIDE * 3 * 1.5);

    const response = await fetch(`${b.url}/api/forums/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/zip' },
      body: zip,
    });
    expect(response.status).toBe(201);
    const imported = (await response.json()) as CreatedForum;
    for (const board of boards) {
      const copy = imported.boards.find(
        (other) => other.kind === board.kind && other.territory === board.territory,
      )!;
      expect(await boardContent(b, copy.id, copy.view.token)).toEqual(
        await boardContent(a, board.id, board.view.token),
      );
      const original = await versions(a, board.id, forum.facilitator.token);
      const restored = await versions(b, copy.id, imported.facilitator.token);
      const named = (list: Version[]) =>
        list.filter((v) => v.kind === 'named').map(({ name, createdAt }) => ({ name, createdAt }));
      expect(named(restored)).toEqual(named(original));
      expect(named(restored).map((v) => v.name)).toEqual(['Avec les photos', 'Après la plénière']);
    }
    const kamouraska = territoryBoard(imported, 'Kamouraska');
    for (const blobId of photos) {
      const image = await fetch(`${b.url}/api/boards/${kamouraska.id}/images/${blobId}`, {
        headers: { Authorization: `Bearer ${kamouraska.view.token}` },
      });
      expect(image.status).toBe(200);
      expect(sha256(new Uint8Array(await image.arrayBuffer()))).toBe(blobId);
    }
  }, 60_000);
});
