// Generated boards through a real server (M16, M31, R54): board files of every shape type,
// written by the model's generator, made into new boards and imported into empty ones over
// HTTP, then exported again. Nothing is lost; only what M31 says changes (new ids, new indices
// in the same order; records of unknown types skipped). Hostile variants of those files are
// refused with a JSON error, never a 500, and the board and the server are unchanged.
import { createHash } from 'node:crypto';
import type { BoardFile, BoardFileShape } from '@carton/board';
import { isShapeType, serializeBoardFile, withImages } from '@carton/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateBoardFile,
  type GeneratedPhoto,
} from '../../packages/board/src/test/generated-file.ts';
import { hostileFile } from '../../packages/board/src/test/hostile-file.ts';
import { createRng } from '../../packages/board/src/test/prng.ts';
import { startServer, type CartonServer } from '../support/server.ts';
import { png } from './fixtures/images.ts';
import { api } from './forum-support.ts';
import * as Y from 'yjs';
import {
  authFetch,
  connect,
  createForum,
  docUntil,
  exportJson,
  type CreatedForum,
} from './helpers.ts';

const BOARDS = 12;
const HOSTILE = 60;

let server: CartonServer;
let forum: CreatedForum;
const photos: (GeneratedPhoto & { data: Buffer })[] = [];

beforeAll(async () => {
  server = await startServer();
  forum = await createForum(server, {
    title: 'Forum généré',
    territories: ['La Mitis'],
    templates: false,
  });
  for (const [width, height] of [
    [48, 32],
    [3, 200],
    [64, 64],
  ] as const) {
    const data = png(width, height);
    const blobId = createHash('sha256').update(data).digest('hex');
    photos.push({ blobId, mime: 'image/png', width, height, data });
  }
});

afterAll(async () => {
  await server?.dispose();
});

/** The file with its photos' bytes, as the web client's export writes it (M30). */
function complete(file: BoardFile): BoardFile {
  return withImages(file, (blobId) => {
    const photo = photos.find((p) => p.blobId === blobId);
    return photo && { mime: photo.mime, data: photo.data.toString('base64') };
  });
}

/**
 * The shapes as M31 keeps them: known types only, in z-order, ids and references replaced by
 * their rank, indices left out (new ones, in the same order).
 */
function byRank(shapes: readonly BoardFileShape[], known: (type: string) => boolean): unknown[] {
  const kept = shapes.filter((shape) => known(shape.type));
  const rank = new Map(kept.map((shape, i) => [shape.id, `#${i}`]));
  const ref = (id: unknown) => (typeof id === 'string' ? (rank.get(id) ?? id) : id);
  return kept.map((shape) => {
    const { id, index: _index, ...rest } = shape as BoardFileShape & Record<string, unknown>;
    const out: Record<string, unknown> = { ...rest, id: ref(id) };
    if ('parentId' in rest) out['parentId'] = ref(rest['parentId']);
    for (const end of ['startBinding', 'endBinding']) {
      const binding = rest[end] as { shapeId: string } | null | undefined;
      if (binding) out[end] = { ...binding, shapeId: ref(binding.shapeId) };
    }
    return out;
  });
}

// The types this Carton knows (M17: the others are skipped by an import into a board).
const known = (type: string) => isShapeType(type);

function strictlyOrdered(file: BoardFile): boolean {
  return file.shapes.every((shape, i) => i === 0 || file.shapes[i - 1]!.index < shape.index);
}

async function exported(boardId: string, token: string): Promise<BoardFile> {
  const response = await exportJson(server, boardId, token);
  expect(response.status).toBe(200);
  return (await response.json()) as BoardFile;
}

describe('generated board files through the server', () => {
  it(`M16, M31, R54: ${BOARDS} generated files made into new boards export the same shapes`, async () => {
    for (let seed = 1; seed <= BOARDS; seed++) {
      const file = generateBoardFile(createRng(seed), { maxShapes: 40, photos, kind: 'territory' });
      const context = `generated board seed=${seed}`;
      const created = await api(
        server,
        'POST',
        `/api/forums/${forum.forum.id}/boards`,
        forum.facilitator.token,
        { title: `Tableau ${seed}`, kind: 'postcards', file: complete(file) },
      );
      expect(created.status, `${context}: ${created.text.slice(0, 300)}`).toBe(201);
      const board = created.body.board as { id: string; view: { token: string } };
      const again = await exported(board.id, board.view.token);
      expect(byRank(again.shapes, known), context).toEqual(
        byRank(JSON.parse(serializeBoardFile(file)).shapes, known),
      );
      expect(strictlyOrdered(again), context).toBe(true);
      // Every photo shown is the forum's, byte for byte.
      for (const blobId of new Set(
        again.shapes.flatMap((s) => (s.type === 'image' ? [s['blobId'] as string] : [])),
      )) {
        const image = await authFetch(
          server,
          `/api/boards/${board.id}/images/${blobId}`,
          board.view.token,
        );
        expect(image.status, context).toBe(200);
        const photo = photos.find((p) => p.blobId === blobId);
        expect(Buffer.from(await image.arrayBuffer()).equals(photo!.data), context).toBe(true);
      }
    }
  });

  it(`M30, M31: ${HOSTILE} hostile files imported into a board: a JSON refusal or a whole import, never a 500`, async () => {
    const created = await api(
      server,
      'POST',
      `/api/forums/${forum.forum.id}/boards`,
      forum.facilitator.token,
      { title: 'Cible', kind: 'postcards' },
    );
    expect(created.status).toBe(201);
    const target = created.body.board as { id: string; edit: { token: string } };
    for (let seed = 1; seed <= HOSTILE; seed++) {
      const rng = createRng(10_000 + seed);
      const valid = serializeBoardFile(generateBoardFile(rng, { maxShapes: 10 }));
      const hostile = hostileFile(rng, valid);
      const context = `hostile file seed=${10_000 + seed}: ${hostile.what}`;
      const before = await exported(target.id, target.edit.token);
      const response = await authFetch(
        server,
        `/api/boards/${target.id}/import`,
        target.edit.token,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: hostile.text,
        },
      );
      const body = (await response.json()) as {
        error?: { code: string; message: string };
        imported?: { created: number; skipped: number };
      };
      const after = await exported(target.id, target.edit.token);
      if (response.status === 200) {
        expect(after.shapes.length, context).toBe(before.shapes.length + body.imported!.created);
        continue;
      }
      expect(response.status, context).toBe(400);
      expect(body.error, context).toMatchObject({
        code: expect.any(String),
        message: expect.any(String),
      });
      expect(after, context).toEqual(before);
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('M30, R54: a newer type’s value nested 3 000 deep is 400 invalid_value, not a 500', async () => {
    const nest = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    const file = `{"format":"carton-board","version":2,"meta":{"schemaVersion":1,"title":"T","kind":"territory"},"shapes":[{"id":"shape:stickerstickersticker1","type":"sticker","index":"a0","v":${nest}}]}`;
    const board = forum.boards.find((entry) => entry.territory === 'La Mitis')!;
    const imported = await authFetch(server, `/api/boards/${board.id}/import`, board.edit.token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: file,
    });
    const created = await authFetch(
      server,
      `/api/forums/${forum.forum.id}/boards`,
      forum.facilitator.token,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: `{"title":"Profond","kind":"postcards","file":${file}}`,
      },
    );
    for (const response of [imported, created]) {
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { code: 'invalid_value', message: expect.stringContaining('nested more than 64') },
      });
    }
  });

  it('M16, ARCHIVE: a newer type’s record nested 1 000 deep, written by a peer, is left out of exports, so the forum’s archive imports again', async () => {
    const board = forum.boards.find((entry) => entry.territory === 'La Mitis')!;
    const peer = connect(server, board.id, board.edit.token);
    const watcher = connect(server, board.id, board.view.token);
    await Promise.all([peer.synced, watcher.synced]);
    let deep: unknown = 'profond';
    for (let i = 0; i < 1000; i++) deep = [deep];
    const id = 'shape:stickerstickersticker9';
    const shapes = peer.doc.getMap('board').get('shapes') as Y.Map<Y.Map<unknown>>;
    peer.doc.transact(() => {
      shapes.set(
        id,
        new Y.Map<unknown>([
          ['id', id],
          ['type', 'sticker'],
          ['index', 'a0'],
          ['v', deep],
        ]),
      );
    });
    const stored = () => (watcher.doc.getMap('board').get('shapes') as Y.Map<unknown>).has(id);
    await docUntil(watcher.doc, 'the deep record', stored);
    peer.destroy();
    watcher.destroy();
    const file = await exported(board.id, board.view.token);
    expect(file.shapes.map((shape) => shape.id)).not.toContain(id);
    const archive = await authFetch(
      server,
      `/api/forums/${forum.forum.id}/archive.zip`,
      forum.facilitator.token,
    );
    expect(archive.status).toBe(200);
    const restored = await fetch(`${server.url}/api/forums/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/zip' },
      body: new Uint8Array(await archive.arrayBuffer()),
    });
    expect(restored.status, await restored.clone().text()).toBe(201);
  });
});
