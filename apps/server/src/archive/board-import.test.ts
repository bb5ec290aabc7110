// R35, R54: a board import whose change is not stored removes the photos it inserted — but never
// one that another board of the forum shows by then (read as the relay holds it). Such a board
// shows the photo without having put it: an element copied from the importing board's room
// while its change was on screen, or a board restored without its image. Real server on port
// 0 and its real SQLite file; a trigger in that file refuses the import's append (a full disk).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Board, SERVER_ORIGIN } from '@carton/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { startServer, type RunningServer } from '../http/server.ts';
import { postForum } from '../http/test-forum.ts';
import { silentLogger } from '../log.ts';
import { openDatabase, type SqliteDatabase } from '../storage/database.ts';
import { solidPng } from './test-support.ts';

let dir: string;
let server: RunningServer;
let probe: SqliteDatabase;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carton-board-import-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', CARTON_DATA_DIR: dir });
  server = await startServer(config, silentLogger);
  // A second connection on the server's own file (WAL), to make its appends fail on demand.
  probe = openDatabase(dir);
});
afterAll(async () => {
  probe?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const IMAGE = { w: 400, h: 300, mime: 'image/png', naturalWidth: 40, naturalHeight: 30 } as const;

/** A board file whose shapes show `photos` (embedded, as the editor exports it). */
function fileWithPhotos(photos: readonly Uint8Array[]): string {
  return JSON.stringify({
    format: 'carton-board',
    version: 1,
    meta: { schemaVersion: 1, title: 'Conditions de succès — Kamouraska', kind: 'territory' },
    shapes: photos.map((photo, i) => ({
      id: `shape:image000000000000000000${i}`,
      type: 'image',
      x: 420 * i,
      y: 0,
      rotation: 0,
      index: `a${i}`,
      parentId: null,
      blobId: sha256(photo),
      ...IMAGE,
    })),
    images: Object.fromEntries(
      photos.map((photo) => [
        sha256(photo),
        { mime: 'image/png', data: Buffer.from(photo).toString('base64') },
      ]),
    ),
  });
}

function storedPhotos(forumId: string): string[] {
  return probe
    .prepare<[string], { sha256: string }>(
      'SELECT sha256 FROM blobs WHERE forum_id = ? ORDER BY sha256',
    )
    .all(forumId)
    .map((row) => row.sha256);
}

describe('a board import not stored', () => {
  it('R35, R54: removes the photos it inserted, not one another board shows', async () => {
    const forum = await postForum(server.url, { territories: ['Kamouraska', 'La Mitis'] });
    const kamouraska = forum.boards.find((b) => b.territory === 'Kamouraska')!;
    const mitis = forum.boards.find((b) => b.territory === 'La Mitis')!;
    const poster = solidPng(40, 30, [200, 40, 40]);
    const postcard = solidPng(40, 30, [40, 40, 200]);
    // La Mitis shows the poster already (stored), though the forum does not hold its bytes.
    const shown = await server.relay.changeBoard(mitis.id, (doc) => {
      const board = new Board(doc);
      board.run(
        (tx) => tx.create('image', { x: 80, y: 80, blobId: sha256(poster), ...IMAGE }),
        SERVER_ORIGIN,
      );
      board.destroy();
    });
    expect(shown).toBe(true);
    expect(storedPhotos(forum.forum.id)).toEqual([]);

    probe.exec(
      `CREATE TRIGGER refuse_board_updates BEFORE INSERT ON board_updates
       BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
    );
    try {
      const response = await fetch(`${server.url}/api/boards/${kamouraska.id}/import`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${kamouraska.edit.token}`,
          'Content-Type': 'application/json',
        },
        body: fileWithPhotos([poster, postcard]),
      });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: { code: 'storage_unavailable' } });
    } finally {
      probe.exec('DROP TRIGGER IF EXISTS refuse_board_updates');
    }
    // The postcard nothing shows is gone (R35's quota); the poster La Mitis shows stays.
    expect(storedPhotos(forum.forum.id)).toEqual([sha256(poster)]);
    const kept = await fetch(`${server.url}/api/boards/${mitis.id}/images/${sha256(poster)}`, {
      headers: { Authorization: `Bearer ${mitis.edit.token}` },
    });
    expect(kept.status).toBe(200);
    expect(new Uint8Array(await kept.arrayBuffer())).toEqual(poster);
  });
});
