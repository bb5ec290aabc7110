// R54: a board refused at the store's last check removes the images its request inserted —
// never a photo another request put meanwhile (an upload of the same photo, not yet placed on
// any board). Real requests on a real server and SQLite file; the stores answer on a later
// macrotask (DeferredStores), and the refused request's last check is held while the other
// requests run, so the race happens every time rather than once in a while.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardFileWithPhoto, solidPng } from '../archive/test-support.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../log.ts';
import { DeferredStores } from './deferred-stores.ts';
import { startServer, type RunningServer } from './server.ts';

let dir: string;
let server: RunningServer;
let stores: DeferredStores;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carton-creation-races-'));
  stores = new DeferredStores();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', CARTON_DATA_DIR: dir });
  server = await startServer(config, silentLogger, { wrapStores: (real) => stores.wrapAll(real) });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers by shape
  body: any;
}

async function api(
  method: string,
  path: string,
  options: { token?: string; json?: unknown; bytes?: Uint8Array } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
  let body: RequestInit['body'];
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.bytes) {
    body = options.bytes as Uint8Array<ArrayBuffer>;
  }
  const response = await fetch(`${server.url}${path}`, { method, headers, body });
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    body: type.includes('json') ? await response.json() : await response.arrayBuffer(),
  };
}

interface CreatedForum {
  forum: { id: string };
  facilitator: { token: string };
  boards: Array<{ id: string; territory: string | null; edit: { token: string } }>;
}

async function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 5_000);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('R54: cleaning a refused board keeps what other requests put', () => {
  it('R54: a photo uploaded while the refused board was in flight stays; the refused one’s own photo goes', async () => {
    const forumAnswer = await api('POST', '/api/forums', {
      json: {
        title: 'Forum des Alliances — Rêvons ensemble notre future Alliance',
        territories: ['Kamouraska', 'La Mitis'],
      },
    });
    expect(forumAnswer.status).toBe(201);
    const forum = forumAnswer.body as CreatedForum;
    const id = forum.forum.id;
    const facilitator = forum.facilitator.token;
    const mitis = forum.boards.find((board) => board.territory === 'La Mitis')!;
    const kamouraska = forum.boards.find((board) => board.territory === 'Kamouraska')!;
    const flyer = solidPng(40, 30, [200, 40, 90]); // uploaded by a participant meanwhile
    const poster = solidPng(40, 30, [20, 160, 70]); // in the refused board's file only

    // The new board's last check (ForumStore.addBoard) waits until the others are done.
    const release = stores.hold('forums.addBoard');
    const reachedCheck = stores.nextCall('forums.addBoard');
    const refused = api('POST', `/api/forums/${id}/boards`, {
      token: facilitator,
      json: {
        title: 'Conditions de succès — Les Basques',
        territory: 'Les Basques',
        file: {
          ...boardFileWithPhoto(flyer, 'flyer'),
          shapes: [
            ...boardFileWithPhoto(flyer, 'flyer').shapes,
            {
              ...boardFileWithPhoto(poster, 'flyer').shapes[0],
              id: 'shape:image0000000000000000002',
              blobId: 'poster',
            },
          ],
          images: {
            flyer: boardFileWithPhoto(flyer, 'flyer').images.flyer,
            poster: boardFileWithPhoto(poster, 'flyer').images.flyer,
          },
        },
      },
    });
    await within(reachedCheck, 'the new board’s last check');
    // Meanwhile: a participant of La Mitis uploads the same flyer (not placed on any board
    // yet), and another request gives Kamouraska's board the territory « Les Basques »…
    const uploaded = await api('POST', `/api/boards/${mitis.id}/images`, {
      token: mitis.edit.token,
      bytes: flyer,
    });
    expect(uploaded.status).toBe(201);
    const renamed = await api('PATCH', `/api/forums/${id}/boards/${kamouraska.id}`, {
      token: facilitator,
      json: { territory: 'Les Basques' },
    });
    expect(renamed.status).toBe(200);
    // …so the held board is refused at its last check, and cleans up after itself.
    release();
    const answer = await within(refused, 'the refused board’s answer');
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('territory_taken');

    // The uploaded flyer is still there for the participant to place; the poster only the
    // refused board had is gone (it would count in the forum's quota for good).
    const kept = await api('GET', `/api/boards/${mitis.id}/images/${uploaded.body.blobId}`, {
      token: mitis.edit.token,
    });
    expect(kept.status).toBe(200);
    expect(Buffer.from(kept.body as ArrayBuffer).equals(Buffer.from(flyer))).toBe(true);
    const posterId = createHash('sha256').update(poster).digest('hex');
    const gone = await api('GET', `/api/boards/${mitis.id}/images/${posterId}`, {
      token: mitis.edit.token,
    });
    expect(gone.status).toBe(404);
  });
});
