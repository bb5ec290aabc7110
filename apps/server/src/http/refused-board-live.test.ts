// R54: a board refused at the store's last check removes the photos its request inserted —
// never one that another board shows by then, even when that board's change is still in its
// room's memory, not yet stored. On PostgreSQL a participant's paste sits in the room's
// document while its append waits for the database (here: the board's lock held by another
// session); the cleanup reads the forum's boards as the relay holds them. Real server on port
// 0, real PostgreSQL, a real socket speaking the y-websocket protocol; the stores answer on a
// later macrotask (DeferredStores) and the refused board's last check is held, so the race
// happens every time.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Board, localOrigin } from '@carton/board';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { boardFileWithPhoto, solidPng, TEST_PHOTO } from '../archive/test-support.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../log.ts';
import { startTestPostgres, type TestPostgres } from '../postgres/test-postgres.ts';
import { DeferredStores } from './deferred-stores.ts';
import { startServer, type RunningServer } from './server.ts';

let dir: string;
let postgres: TestPostgres;
let database: string;
let server: RunningServer;
let stores: DeferredStores;

beforeAll(async () => {
  postgres = await startTestPostgres();
  const url = await postgres.createDatabase();
  database = new URL(url).pathname.slice(1);
  dir = mkdtempSync(join(tmpdir(), 'carton-refused-live-'));
  stores = new DeferredStores();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    CARTON_DATA_DIR: dir,
    CARTON_DATABASE_URL: url,
  });
  server = await startServer(config, silentLogger, { wrapStores: (real) => stores.wrapAll(real) });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers by shape
  body: any;
}

async function api(method: string, path: string, token?: string, json?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers['Authorization'] = `Bearer ${token}`;
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const type = response.headers.get('content-type') ?? '';
  const answer: Answer = {
    status: response.status,
    body: type.includes('json') ? await response.json() : await response.arrayBuffer(),
  };
  return answer;
}

async function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 10_000);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Opens a socket on the board with `token`, as the y-websocket client does. */
async function openSocket(boardId: string, token: string): Promise<WebSocket> {
  const wsUrl = server.url.replace(/^http/, 'ws');
  const ws = new WebSocket(`${wsUrl}/sync/${boardId}?token=${encodeURIComponent(token)}`);
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
  });
  return ws;
}

describe('R54: a refused board’s cleanup sees what the rooms hold', () => {
  it('R54: a photo pasted on another board, its append still waiting, stays', async () => {
    const created = await api('POST', '/api/forums', undefined, {
      title: 'Forum des Alliances — Rêvons ensemble notre future Alliance',
      territories: ['Kamouraska', 'La Mitis'],
    });
    expect(created.status).toBe(201);
    const forumId: string = created.body.forum.id;
    const facilitator: string = created.body.facilitator.token;
    type Created = { id: string; territory: string | null; edit: { token: string } };
    const boards = created.body.boards as Created[];
    const mitis = boards.find((board) => board.territory === 'La Mitis')!;
    const kamouraska = boards.find((board) => board.territory === 'Kamouraska')!;
    // La Mitis's room is loaded: a participant is on it.
    const socket = await openSocket(mitis.id, mitis.edit.token);

    const poster = solidPng(40, 30, [20, 160, 70]); // « Les incontournables », photographed
    const posterId = createHash('sha256').update(poster).digest('hex');
    // The new board's last check waits; its photo is stored by then (new to the forum).
    const release = stores.hold('forums.addBoard');
    const reachedCheck = stores.nextCall('forums.addBoard');
    const refused = api('POST', `/api/forums/${forumId}/boards`, facilitator, {
      title: 'Conditions de succès — Les Basques',
      territory: 'Les Basques',
      file: boardFileWithPhoto(poster, 'affiche'),
    });
    await within(reachedCheck, 'the new board’s last check');
    // Meanwhile another request gives Kamouraska's board the territory « Les Basques »…
    const taken = await api(
      'PATCH',
      `/api/forums/${forumId}/boards/${kamouraska.id}`,
      facilitator,
      { territory: 'Les Basques' },
    );
    expect(taken.status).toBe(200);

    // …and a participant of La Mitis pastes the same photo (copied from elsewhere), while La
    // Mitis's appends wait for the database: the paste is in the room, not yet stored.
    const unlock = await postgres.holdBoardLock(database, mitis.id);
    try {
      const { live, integrated } = await server.relay.withBoardDoc(mitis.id, (doc) => ({
        live: Y.encodeStateAsUpdate(doc),
        integrated: new Promise<void>((resolve) => doc.once('update', () => resolve())),
      }));
      const local = new Y.Doc();
      Y.applyUpdate(local, live);
      const before = Y.encodeStateVector(local);
      const board = new Board(local);
      board.run(
        (tx) => tx.create('image', { x: 500, y: 80, blobId: posterId, ...TEST_PHOTO }),
        localOrigin('participant-mitis'),
      );
      board.destroy();
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0); // y-websocket's sync message
      syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(local, before));
      socket.send(encoding.toUint8Array(encoder));
      await within(integrated, 'the paste in La Mitis’s room');

      // The held board is refused at its last check, and cleans up after itself.
      release();
      const answer = await within(refused, 'the refused board’s answer');
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('territory_taken');
      // The photo La Mitis shows is still the forum's.
      const kept = await api('GET', `/api/boards/${mitis.id}/images/${posterId}`, mitis.edit.token);
      expect(kept.status).toBe(200);
    } finally {
      await unlock();
      socket.close();
    }
  });
});
