// A large board import (s22 « bigimport »): a file past MAX_FILE_SHAPES (M16), or one that would
// take the board past it, is refused with `too_many_shapes` and the board is left as it was;
// the largest import allowed is worked on off the event loop, so the server keeps answering
// every other request while it runs (a 22 MiB import held it 10–17 s; bench/import measures it).
import http from 'node:http';
import { MAX_FILE_SHAPES } from '@carton/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import {
  connect,
  createForum,
  docUntil,
  exportJson,
  territoryBoard,
  type Client,
  type CreatedBoard,
} from './helpers.ts';

let server: CartonServer;
let board: CreatedBoard;
let watcher: Client;

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** The i-th fractional index key: a0…az, b00…bzz, c000…. */
function indexKey(i: number): string {
  let rest = i;
  for (let width = 1; width <= 3; width++) {
    if (rest < 62 ** width) {
      let digits = '';
      for (let d = 0; d < width; d++, rest = Math.floor(rest / 62))
        digits = DIGITS[rest % 62] + digits;
      return String.fromCharCode(96 + width) + digits;
    }
    rest -= 62 ** width;
  }
  throw new Error('index out of range');
}

/** A board file of `count` notes of Rimouski-Neigette's ideas, `chars` characters each. */
function notesFile(count: number, chars = 40): string {
  const idea = 'Pouvoir développer de manière collective ';
  const text = idea.repeat(Math.ceil(chars / idea.length)).slice(0, chars);
  return JSON.stringify({
    format: 'carton-board',
    version: 1,
    meta: {
      schemaVersion: 1,
      title: 'Conditions de succès — Rimouski-Neigette',
      kind: 'territory',
    },
    shapes: Array.from({ length: count }, (_, i) => ({
      id: `shape:note${String(i).padStart(22, '0')}`,
      type: 'note',
      x: (i % 100) * 220,
      y: Math.floor(i / 100) * 220,
      rotation: 0,
      index: indexKey(i),
      parentId: null,
      text,
      color: 'yellow',
      w: 200,
      h: 200,
    })),
  });
}

function post(body: string): Promise<Response> {
  return fetch(`${server.url}/api/boards/${board.id}/import`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${board.edit.token}`, 'Content-Type': 'application/json' },
    body,
  });
}

/** The board's shapes as its export says. */
async function shapeCount(): Promise<number> {
  const file = (await (await exportJson(server, board.id, board.edit.token)).json()) as {
    shapes: unknown[];
  };
  return file.shapes.length;
}

beforeAll(async () => {
  server = await startServer();
  const forum = await createForum(server);
  board = territoryBoard(forum, 'Rimouski-Neigette');
  watcher = connect(server, board.id, board.view.token);
  await watcher.synced;
});

afterAll(async () => {
  watcher?.destroy();
  await server?.dispose();
});

describe('a large board import', () => {
  it('M16: a file of more than MAX_FILE_SHAPES shapes is refused with too_many_shapes', async () => {
    const response = await post(notesFile(MAX_FILE_SHAPES + 1));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; path: string } };
    expect(error).toMatchObject({ code: 'too_many_shapes', path: 'shapes' });
    expect(await shapeCount()).toBe(0);
  });

  it('the largest import allowed is worked on while the server answers others', async () => {
    const body = notesFile(MAX_FILE_SHAPES, 1_000);
    let answeredDuringImport = 0;
    let imported = false;
    const done = docUntil(
      watcher.doc,
      'the imported notes',
      () => watcher.board.listShapes().length === MAX_FILE_SHAPES,
      120_000,
    ).then(() => {
      imported = true;
    });
    const answer = new Promise<number>((resolve, reject) => {
      const request = http.request(`${server.url}/api/boards/${board.id}/import`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${board.edit.token}`,
          'Content-Type': 'application/json',
        },
      });
      request.on('error', reject);
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      // Once the whole body is sent, the server is asked one thing after another: each
      // answered before the watcher saw the import is one the import did not hold back.
      request.end(body, () => {
        void (async () => {
          while (!imported) {
            const health = await fetch(`${server.url}/healthz`);
            await health.arrayBuffer();
            if (!imported && health.status === 200) answeredDuringImport += 1;
          }
        })();
      });
    });
    expect(await answer).toBe(200);
    await done;
    // Before, the import's work held the event loop from its body to its change: a probe got
    // in only while the body was still being read or while the change waited to be stored.
    expect(answeredDuringImport).toBeGreaterThanOrEqual(20);
  }, 180_000);

  it('an import that would take the board past MAX_FILE_SHAPES is refused, the board unchanged', async () => {
    const before = await shapeCount();
    expect(before).toBe(MAX_FILE_SHAPES);
    const response = await post(notesFile(1));
    expect(response.status).toBe(409);
    const { error } = (await response.json()) as { error: { code: string } };
    expect(error.code).toBe('too_many_shapes');
    expect(await shapeCount()).toBe(before);
  }, 60_000);
});
