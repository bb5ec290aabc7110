// The HTTP API: forum creation, board lookup, export, health, errors (SPEC R21–R26).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BSL_TERRITORIES } from '@carton/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase } from '../support/postgres.ts';
import { databaseUrlFor, startServer, type CartonServer } from '../support/server.ts';
import { createForum, exportJson, territoryBoard, type CreatedForum } from './helpers.ts';

let server: CartonServer;
let webDir: string;
let forum: CreatedForum;

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'carton-web-'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Carton</title>');
  server = await startServer({ env: { CARTON_WEB_DIR: webDir, CARTON_MAX_BODY_BYTES: '4096' } });
  forum = await createForum(server);
});

afterAll(async () => {
  await server?.dispose();
  rmSync(webDir, { recursive: true, force: true });
});

async function post(
  body: string,
): Promise<{ status: number; json: { error?: { code: string; message: string } } }> {
  const response = await fetch(`${server.url}/api/forums`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
  return { status: response.status, json: await response.json() };
}

function get(path: string, token?: string): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

describe('POST /api/forums', () => {
  it('R23: creates the plenary, one board per BSL_TERRITORIES of Bas-Saint-Laurent and the postcard wall', () => {
    expect(forum.forum.title).toBe('Forum régional de l’Alliance 2023');
    expect(forum.boards.map((b) => b.kind)).toEqual([
      'plenary',
      ...BSL_TERRITORIES.map(() => 'territory'),
      'postcards',
    ]);
    expect(forum.boards.slice(1, -1).map((b) => b.territory)).toEqual(BSL_TERRITORIES);
    expect(territoryBoard(forum, 'Rivière-du-Loup').title).toBe(
      'Conditions de succès — Rivière-du-Loup',
    );
    expect(forum.boards.at(-1)!.title).toBe('Cartes postales');
    expect(forum.facilitator.url).toBe(
      `${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`,
    );
    for (const board of forum.boards) {
      expect(board.edit.url).toBe(`${server.url}/b/${board.id}#token=${board.edit.token}`);
      expect(board.view.url).toBe(`${server.url}/b/${board.id}#token=${board.view.token}`);
      expect(board.edit.token).not.toBe(board.view.token);
    }
  });

  it('R21: tokens are stored only as hashes', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const databaseUrl = databaseUrlFor(server.dataDir);
    // On PostgreSQL (integration-postgres), every row of its database; else the data files.
    const stored =
      databaseUrl === undefined
        ? readdirSync(server.dataDir).map((name) =>
            readFileSync(join(server.dataDir, name)).toString('latin1'),
          )
        : [dumpDatabase(databaseUrl)];
    expect(stored.join('')).toContain(forum.forum.id);
    for (const text of stored) expect(text).not.toContain(forum.facilitator.token);
  });

  it('R24: takes a custom list of territories', async () => {
    const custom = await createForum(server, {
      title: 'Forum de la Gaspésie',
      territories: ['Avignon', 'Bonaventure'],
    });
    expect(custom.boards.map((b) => b.title)).toEqual([
      'Plénière — Vision commune des conditions de succès',
      'Conditions de succès — Avignon',
      'Conditions de succès — Bonaventure',
      'Cartes postales',
    ]);
  });

  it.each([
    ['empty title', { title: '  ' }, 'title'],
    ['long title', { title: 'x'.repeat(201) }, 'title'],
    ['missing title', {}, 'title'],
    ['no territories', { title: 'F', territories: [] }, 'territories'],
    ['duplicate territories', { title: 'F', territories: ['La Mitis', 'La Mitis'] }, 'territories'],
    ['empty territory', { title: 'F', territories: [''] }, 'territories.0'],
    ['long territory', { title: 'F', territories: ['y'.repeat(81)] }, 'territories.0'],
    [
      '31 territories',
      { title: 'F', territories: Array.from({ length: 31 }, (_, i) => `T${i}`) },
      'territories',
    ],
    ['unknown field', { title: 'F', colour: 'red' }, 'colour'],
  ])('R24: refuses %s with 400 and a clear message', async (_name, body, field) => {
    const { status, json } = await post(JSON.stringify(body));
    expect(status).toBe(400);
    expect(json.error?.code).toBe('invalid_request');
    expect(json.error?.message).toContain(field);
  });

  it('R25: refuses a body that is not JSON, or too large', async () => {
    const notJson = await post('{"title": ');
    expect(notJson.status).toBe(400);
    expect(notJson.json.error?.code).toBe('invalid_json');
    const large = await post(JSON.stringify({ title: 'z'.repeat(5000) }));
    expect(large.status).toBe(413);
    expect(large.json.error?.code).toBe('payload_too_large');
  });
});

describe('boards and export', () => {
  it('R22: GET /api/boards/:id tells each token its role', async () => {
    const board = territoryBoard(forum, 'Kamouraska');
    for (const [token, role] of [
      [board.edit.token, 'edit'],
      [board.view.token, 'view'],
      [forum.facilitator.token, 'facilitator'],
    ] as const) {
      const response = await get(`/api/boards/${board.id}`, token);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        board: {
          id: board.id,
          title: 'Conditions de succès — Kamouraska',
          kind: 'territory',
          territory: 'Kamouraska',
          forumId: forum.forum.id,
        },
        role,
      });
    }
    expect((await get(`/api/boards/${board.id}`)).status).toBe(401);
    expect((await get(`/api/boards/${board.id}`, 'B'.repeat(43))).status).toBe(401);
    // Another territory's link (the plenary's would view it: P1).
    const foreign = await get(`/api/boards/${board.id}`, forum.boards[2]!.edit.token);
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('GET /api/forums/:id lists the boards and their links (L1) for the facilitator only', async () => {
    const ok = await get(`/api/forums/${forum.forum.id}`, forum.facilitator.token);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { boards: Array<{ id: string; edit: { token: string } }> };
    expect(body.boards.map((b) => b.id)).toEqual(forum.boards.map((b) => b.id));
    expect(body.boards.map((b) => b.edit.token)).toEqual(forum.boards.map((b) => b.edit.token));
    const refused = await get(`/api/forums/${forum.forum.id}`, forum.boards[0]!.edit.token);
    expect(refused.status).toBe(403);
  });

  it('R19: export.json answers every role with the board file, and refuses bad tokens', async () => {
    const board = forum.boards.at(-1)!;
    for (const token of [board.edit.token, board.view.token, forum.facilitator.token]) {
      const response = await exportJson(server, board.id, token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain(
        `filename="cartes-postales-${board.id}.json"`,
      );
      const file = (await response.json()) as {
        format: string;
        meta: { title: string; kind: string };
      };
      expect(file.format).toBe('carton-board');
      expect(file.meta).toMatchObject({ title: 'Cartes postales', kind: 'postcards' });
    }
    const none = await exportJson(server, board.id, null);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: 'missing_token' } });
    const bad = await exportJson(server, board.id, 'C'.repeat(43));
    expect(bad.status).toBe(401);
    const foreign = await exportJson(server, board.id, forum.boards[1]!.view.token);
    expect(foreign.status).toBe(403);
    const unknown = await exportJson(server, 'nope', forum.facilitator.token);
    expect(unknown.status).toBe(404);
  });
});

describe('versions', () => {
  it('R27: the facilitator keeps, lists and exports named versions of a board', async () => {
    const board = territoryBoard(forum, 'La Mitis');
    const url = `${server.url}/api/boards/${board.id}/snapshots`;
    const asFacilitator = { Authorization: `Bearer ${forum.facilitator.token}` };
    const created = await fetch(url, {
      method: 'POST',
      headers: { ...asFacilitator, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Avant la plénière' }),
    });
    expect(created.status).toBe(201);
    const { snapshot } = (await created.json()) as { snapshot: { id: number; name: string } };
    expect(snapshot.name).toBe('Avant la plénière');

    const list = await fetch(url, { headers: asFacilitator });
    const { snapshots } = (await list.json()) as { snapshots: Array<{ id: number; kind: string }> };
    expect(snapshots).toContainEqual(expect.objectContaining({ id: snapshot.id, kind: 'named' }));

    const file = await fetch(`${url}/${snapshot.id}/export.json`, { headers: asFacilitator });
    expect(file.status).toBe(200);
    expect(await file.json()).toMatchObject({
      format: 'carton-board',
      meta: { title: 'Conditions de succès — La Mitis' },
    });
    const missing = await fetch(`${url}/999999/export.json`, { headers: asFacilitator });
    expect(missing.status).toBe(404);

    const asEditor = await fetch(url, { headers: { Authorization: `Bearer ${board.edit.token}` } });
    expect(asEditor.status).toBe(403);
    const unnamed = await fetch(url, {
      method: 'POST',
      headers: { ...asFacilitator, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: '' }),
    });
    expect(unnamed.status).toBe(400);
  });
});

describe('health, errors and the web client', () => {
  it('GET /healthz', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('R25: unknown API routes answer 404 JSON', async () => {
    for (const [method, path] of [
      ['GET', '/api/nothing'],
      ['DELETE', '/api/forums'],
      ['POST', '/api/boards/x/export.json'],
    ]) {
      const response = await fetch(`${server.url}${path}`, { method });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('R26: serves the web client with an SPA fallback for /b/* and /f/*', async () => {
    for (const path of ['/', '/b/abc', '/f/xyz', '/index.html']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Carton</title>');
    }
    const missing = await get('/nothing.js');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    const escape = await get('/..%2F..%2Fetc%2Fpasswd');
    expect(escape.status).toBe(404);
  });
});
