// Importing files into a running server: a board file into a live board (M31) reaches the
// connected clients as one change; every kind of bad input is refused with its code, message
// and path, and the board stays as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import { zipOf } from '../support/zip.ts';
import {
  connect,
  createForum,
  docUntil,
  exportJson,
  territoryBoard,
  type Client,
  type CreatedBoard,
  type CreatedForum,
} from './helpers.ts';

let server: CartonServer;
let forum: CreatedForum;
let board: CreatedBoard;
let watcher: Client;

/** A hand-made board file: a Rimouski-Neigette carton with a note and a bound arrow. */
function boardFile(): Record<string, unknown> {
  return {
    format: 'carton-board',
    version: 1,
    meta: {
      schemaVersion: 1,
      title: 'Conditions de succès — Rimouski-Neigette',
      kind: 'territory',
    },
    shapes: [
      {
        id: 'shape:carton0000000000000001',
        type: 'carton',
        x: 0,
        y: 0,
        rotation: 0,
        index: 'a0',
        parentId: null,
        title: 'Rimouski-Neigette',
        w: 900,
        h: 600,
      },
      {
        id: 'shape:note00000000000000000001',
        type: 'note',
        x: 40,
        y: 120,
        rotation: 0,
        index: 'a1',
        parentId: 'shape:carton0000000000000001',
        text: 'Pouvoir développer de manière collective',
        color: 'green',
        w: 200,
        h: 200,
      },
      {
        id: 'shape:arrow0000000000000000001',
        type: 'arrow',
        x: 240,
        y: 220,
        rotation: 0,
        index: 'a2',
        parentId: null,
        start: { x: 0, y: 0 },
        end: { x: 100, y: 0 },
        startBinding: { shapeId: 'shape:note00000000000000000001', anchor: { x: 1, y: 0.5 } },
        endBinding: null,
        color: 'black',
        width: 4,
      },
    ],
  };
}

function post(body: BodyInit, token = board.edit.token, path = `/api/boards/${board.id}/import`) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body,
  });
}

beforeAll(async () => {
  server = await startServer();
  forum = await createForum(server);
  board = territoryBoard(forum, 'Rimouski-Neigette');
  watcher = connect(server, board.id, board.view.token);
  await watcher.synced;
  const writer = connect(server, board.id, board.edit.token);
  await writer.synced;
  writer.run((tx) => tx.create('note', { x: 1000, y: 0, text: 'Déjà sur le tableau' }));
  await docUntil(watcher.doc, 'the first note', () => watcher.board.listShapes().length === 1);
  writer.destroy();
});

afterAll(async () => {
  watcher?.destroy();
  await server?.dispose();
});

describe('POST /api/boards/:id/import', () => {
  it('M31: the file’s shapes reach connected clients as one change, with new ids, above the rest', async () => {
    const before = watcher.board.listShapes();
    let updates = 0;
    const count = () => updates++;
    watcher.doc.on('update', count);
    const response = await post(JSON.stringify(boardFile(), null, 2));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ imported: { created: 3, skipped: 0, images: 0 } });
    await docUntil(
      watcher.doc,
      'the imported shapes',
      () => watcher.board.listShapes().length === 4,
    );
    watcher.doc.off('update', count);
    expect(updates).toBe(1);
    const shapes = watcher.board.listShapes();
    expect(shapes[0]?.id).toBe(before[0]?.id);
    const added = shapes.slice(1);
    expect(added.map((shape) => shape.type)).toEqual(['carton', 'note', 'arrow']);
    expect(added.some((shape) => shape.id.startsWith('shape:carton0'))).toBe(false);
    expect(added[1]?.parentId).toBe(added[0]?.id);
    const arrow = added[2];
    expect(arrow?.type === 'arrow' ? arrow.startBinding?.shapeId : null).toBe(added[1]?.id);
  });

  async function refused(body: BodyInit, status: number, code: string, path?: string) {
    const before = await (await exportJson(server, board.id, board.view.token)).json();
    const response = await post(body);
    expect(response.status).toBe(status);
    const error = (
      (await response.json()) as { error: { code: string; message: string; path?: string } }
    ).error;
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    if (path !== undefined) expect(error.path).toBe(path);
    expect(await (await exportJson(server, board.id, board.view.token)).json()).toEqual(before);
    return error;
  }

  it('M30: malformed JSON → 400 not_json', async () => {
    await refused('{"format": "carton-board", "shapes": [', 400, 'not_json', '(root)');
  });

  it('M30: another format → 400 wrong_format naming it', async () => {
    const excalidraw = {
      type: 'excalidraw',
      version: 2,
      source: 'https://excalidraw.com',
      elements: [],
    };
    const error = await refused(JSON.stringify(excalidraw), 400, 'wrong_format', 'format');
    expect(error.message).toMatch(/not a Carton board file/);
  });

  it('M30: a future version → 400 future_version saying to update Carton', async () => {
    const error = await refused(
      JSON.stringify({ ...boardFile(), version: 3 }),
      400,
      'future_version',
      'version',
    );
    expect(error.message).toMatch(/update Carton/);
  });

  it('M30: a wrong value → 400 invalid_value at its JSON path, every issue listed', async () => {
    const file = boardFile();
    const shapes = file['shapes'] as Record<string, unknown>[];
    shapes[1]!['color'] = 'chartreuse';
    shapes[2]!['width'] = -1;
    const error = (await refused(
      JSON.stringify(file),
      400,
      'invalid_value',
      'shapes[1].color',
    )) as {
      issues?: { path: string }[];
    };
    expect(error.issues?.map((issue) => issue.path)).toEqual([
      'shapes[1].color',
      'shapes[2].width',
    ]);
  });

  it('M30: a broken embedded image → 400 broken_image', async () => {
    const file = {
      ...boardFile(),
      images: {
        ['f'.repeat(64)]: {
          mime: 'image/png',
          data: Buffer.from('GIF89a, not a png').toString('base64'),
        },
      },
    };
    await refused(JSON.stringify(file), 400, 'broken_image', `images.${'f'.repeat(64)}`);
  });

  it('M30: an oversize file → 413', async () => {
    const huge = JSON.stringify({ ...boardFile(), padding: 'x'.repeat(33 * 1024 * 1024) });
    const response = await post(huge);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'payload_too_large',
    );
  });

  it('M31: a view link cannot import; a token of another board neither', async () => {
    expect((await post(JSON.stringify(boardFile()), board.view.token)).status).toBe(403);
    const other = territoryBoard(forum, 'La Mitis');
    expect((await post(JSON.stringify(boardFile()), other.edit.token)).status).toBe(403);
    expect((await post(JSON.stringify(boardFile()), 'x'.repeat(43))).status).toBe(401);
  });
});

describe('POST /api/forums/import refusals', () => {
  async function importZip(body: Buffer) {
    const response = await fetch(`${server.url}/api/forums/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/zip' },
      body: new Uint8Array(body),
    });
    return {
      status: response.status,
      error: ((await response.json()) as { error: { code: string; path: string } }).error,
    };
  }

  it('ARCHIVE: not a zip → 400 not_zip', async () => {
    expect(await importZip(Buffer.from(JSON.stringify(boardFile())))).toMatchObject({
      status: 400,
      error: { code: 'not_zip' },
    });
  });

  it('ARCHIVE: a zip without manifest → 400 missing_manifest', async () => {
    expect(await importZip(zipOf('notes.csv', Buffer.from('text\nbonjour\n')))).toMatchObject({
      status: 400,
      error: { code: 'missing_manifest' },
    });
  });

  it('ARCHIVE: an entry named to leave its folder (../) → 400 unsafe_path', async () => {
    expect(await importZip(zipOf('../manifest.json', Buffer.from('{}')))).toMatchObject({
      status: 400,
      error: { code: 'unsafe_path', path: '"../manifest.json"' },
    });
  });

  it('ARCHIVE: a zip bomb (200 MiB of zeros as manifest.json) → 400 zip_bomb, nothing inflated', async () => {
    const bomb = zipOf('manifest.json', Buffer.alloc(200 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await importZip(bomb)).toMatchObject({
      status: 400,
      error: { code: 'zip_bomb', path: 'manifest.json' },
    });
    // The server is fine afterwards.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('POST /api/forums/import budget', () => {
  it('ARCHIVE: shares the forum-creation budget per address (429 with Retry-After)', async () => {
    const strict = await startServer({
      env: { CARTON_FORUM_BURST_PER_IP: '1', CARTON_FORUMS_PER_HOUR_PER_IP: '1' },
    });
    try {
      const attempt = () =>
        fetch(`${strict.url}/api/forums/import`, { method: 'POST', body: 'pas un zip' });
      expect((await attempt()).status).toBe(400);
      const refused = await attempt();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await strict.dispose();
    }
  });
});
