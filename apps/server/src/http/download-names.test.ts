// Downloaded files are named by @carton/board's `slugify`, as the web client's exports are: the
// same board gets the same name stem from the web dialog (`oeuvrer-ensemble-2023-10-19.json`),
// from export.json and inside the forum archive. Real server on port 0, real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDay } from '@carton/board';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../log.ts';
import { startServer, type RunningServer } from './server.ts';
import { postForum } from './test-forum.ts';

let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carton-download-names-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', CARTON_DATA_DIR: dir });
  server = await startServer(config, silentLogger);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, path: string, token: string, json?: unknown) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(`${server.url}${path}`, {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
}

/** A forum of Rivière-du-Loup whose territory board is renamed `title`. */
async function boardNamed(title: string) {
  const forum = await postForum(server.url, { territories: ['Rivière-du-Loup'] });
  const board = forum.boards.find((b) => b.territory === 'Rivière-du-Loup')!;
  const token = forum.facilitator.token;
  const renamed = await call('PATCH', `/api/forums/${forum.forum.id}/boards/${board.id}`, token, {
    title,
  });
  expect(renamed.status).toBe(200);
  return { forumId: forum.forum.id, boardId: board.id, token };
}

describe('download names follow the shared slug', () => {
  // 30 s: the archive draws each board's PNG, 1–3 s quiet but past 15 s at load 13 (28 November).
  it('writes œ as oe in export.json and in the forum archive’s entries', async () => {
    const { forumId, boardId, token } = await boardNamed('Œuvrer ensemble');
    const exported = await call('GET', `/api/boards/${boardId}/export.json`, token);
    expect(exported.status).toBe(200);
    await exported.arrayBuffer();
    expect(exported.headers.get('content-disposition')).toContain(
      `filename="oeuvrer-ensemble-${boardId}.json"`,
    );

    const archive = await call('GET', `/api/forums/${forumId}/archive.zip`, token);
    expect(archive.status).toBe(200);
    // No forum day: the server's local day, as the web client names its files.
    expect(archive.headers.get('content-disposition')).toContain(
      `filename="forum-des-alliances-revons-ensemble-notre-future-alliance-${localDay(new Date())}.zip"`,
    );
    const files = unzipSync(new Uint8Array(await archive.arrayBuffer()));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
      boards: Array<{ id: string; json: string }>;
    };
    const entry = manifest.boards.find((b) => b.json.endsWith('-oeuvrer-ensemble.json'));
    expect(entry?.json).toMatch(/^boards\/\d\d-oeuvrer-ensemble\.json$/);
    expect(files[entry!.json]).toBeDefined();
  }, 30_000);

  it('names a board whose title leaves no letter « tableau », as the web client does', async () => {
    const { boardId, token } = await boardNamed('🎯 « — »');
    const exported = await call('GET', `/api/boards/${boardId}/export.json`, token);
    expect(exported.status).toBe(200);
    await exported.arrayBuffer();
    expect(exported.headers.get('content-disposition')).toContain(
      `filename="tableau-${boardId}.json"`,
    );
  });
});
