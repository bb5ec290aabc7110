// R55, R6: a rename whose document change is not stored puts the board's row back — only over
// its own name, never over a rename another request made (and stored) meanwhile. Real requests
// on a real server and SQLite file; the stores answer on a later macrotask (DeferredStores),
// the first rename's answer from its row write is held while the second rename runs, and a
// trigger in the server's SQLite file refuses the first rename's append (a full disk), so the
// race happens every time rather than once in a while.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../log.ts';
import { openDatabase, type SqliteDatabase } from '../storage/database.ts';
import { DeferredStores } from './deferred-stores.ts';
import { startServer, type RunningServer } from './server.ts';
import { postForum } from './test-forum.ts';

let dir: string;
let server: RunningServer;
let stores: DeferredStores;
let probe: SqliteDatabase;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carton-rename-races-'));
  stores = new DeferredStores();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', CARTON_DATA_DIR: dir });
  server = await startServer(config, silentLogger, { wrapStores: (real) => stores.wrapAll(real) });
  // A second connection on the server's own file (WAL), to make its appends fail on demand.
  probe = openDatabase(dir);
});
afterAll(async () => {
  probe.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers by shape
  body: any;
}

async function api(method: string, path: string, token: string, json?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  return { status: response.status, body: await response.json() };
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

/** Runs `settle` while the server's SQLite file refuses every board append (a full disk, R6). */
async function withAppendsRefused<T>(settle: () => Promise<T>): Promise<T> {
  probe.exec(
    `CREATE TRIGGER refuse_board_updates BEFORE INSERT ON board_updates
     BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
  );
  try {
    return await settle();
  } finally {
    probe.exec('DROP TRIGGER IF EXISTS refuse_board_updates');
  }
}

/** A new forum of two territories, and the named territory's board with its rename path. */
async function forumBoard(territory: string) {
  const forum = await postForum(server.url, { territories: ['Kamouraska', 'La Mitis'] });
  const board = forum.boards.find((b) => b.territory === territory)!;
  const path = `/api/forums/${forum.forum.id}/boards/${board.id}`;
  return { forum, facilitator: forum.facilitator.token, board, path };
}

describe('R55: a rename that failed undoes only itself', () => {
  it('R55, R6: a rename stored meanwhile wins over the undo of one whose append failed', async () => {
    const { forum, facilitator, board, path } = await forumBoard('Kamouraska');

    // The first rename writes its row at once, but its answer waits: the second runs meanwhile.
    const releaseFirst = stores.holdAnswer('forums.renameBoard');
    const firstWrote = stores.nextCall('forums.renameBoard');
    const first = api('PATCH', path, facilitator, { title: 'Carton du Kamouraska' });
    await within(firstWrote, 'the first rename’s row');
    const second = await api('PATCH', path, facilitator, {
      title: 'Conditions de succès — MRC de Kamouraska',
    });
    expect(second.status).toBe(200);
    expect(second.body.board.title).toBe('Conditions de succès — MRC de Kamouraska');

    // Storage now refuses the first rename's change to the document (R6): it answers 503.
    const answer = await withAppendsRefused(() => {
      releaseFirst();
      return within(first, 'the first rename’s answer');
    });
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('storage_unavailable');

    // The name that was stored (and answered 200) is the board's, in its row and its document.
    const read = await api('GET', `/api/forums/${forum.forum.id}`, facilitator);
    const row = (read.body.boards as Array<{ id: string; title: string }>).find(
      (b) => b.id === board.id,
    );
    expect(row?.title).toBe('Conditions de succès — MRC de Kamouraska');
    const exported = await api('GET', `/api/boards/${board.id}/export.json`, facilitator);
    expect(exported.status).toBe(200);
    expect(exported.body.meta.title).toBe('Conditions de succès — MRC de Kamouraska');
  });

  it('R55, R6: a rename writing the failed one’s name again is not undone with it', async () => {
    const { forum, facilitator, board, path } = await forumBoard('Kamouraska');
    const fixed = 'Conditions de succès — MRC de Kamouraska';

    // Two facilitators send the same correction. The first writes its row; so does the second
    // (the same name again), whose document change waits until the first has failed.
    const releaseFirst = stores.holdAnswer('forums.renameBoard');
    const firstWrote = stores.nextCall('forums.renameBoard');
    const first = api('PATCH', path, facilitator, { title: fixed });
    await within(firstWrote, 'the first rename’s row');
    const releaseSecond = stores.holdAnswer('forums.renameBoard');
    const secondWrote = stores.nextCall('forums.renameBoard');
    const second = api('PATCH', path, facilitator, { title: fixed });
    await within(secondWrote, 'the second rename’s row');

    // Storage refuses the first's document change (R6): it answers 503 after its undo.
    const answer = await withAppendsRefused(() => {
      releaseFirst();
      return within(first, 'the first rename’s answer');
    });
    expect(answer.status).toBe(503);
    // The second's document change is stored, on the board reloaded: it answers 200.
    releaseSecond();
    const stored = await within(second, 'the second rename’s answer');
    expect(stored.status).toBe(200);
    expect(stored.body.board.title).toBe(fixed);

    // The undo did not take the second's name away: row and document both hold it.
    const read = await api('GET', `/api/forums/${forum.forum.id}`, facilitator);
    const row = (read.body.boards as Array<{ id: string; title: string }>).find(
      (b) => b.id === board.id,
    );
    expect(row?.title).toBe(fixed);
    const exported = await api('GET', `/api/boards/${board.id}/export.json`, facilitator);
    expect(exported.body.meta.title).toBe(fixed);
  });

  it('R55: two renames stored in the opposite order of their rows leave the document with the row’s name', async () => {
    const { forum, facilitator, board, path } = await forumBoard('La Mitis');

    // The first rename writes its row, then waits; the second writes its row (the last one)
    // and its document; then the first writes its document, after the second's.
    const releaseFirst = stores.holdAnswer('forums.renameBoard');
    const firstWrote = stores.nextCall('forums.renameBoard');
    const first = api('PATCH', path, facilitator, { title: 'Carton de La Mitis' });
    await within(firstWrote, 'the first rename’s row');
    const second = await api('PATCH', path, facilitator, {
      title: 'Conditions de succès — MRC de La Mitis',
    });
    expect(second.status).toBe(200);
    releaseFirst();
    expect((await within(first, 'the first rename’s answer')).status).toBe(200);

    // The row holds the second's name (written last): so does the document.
    const read = await api('GET', `/api/forums/${forum.forum.id}`, facilitator);
    const row = (read.body.boards as Array<{ id: string; title: string }>).find(
      (b) => b.id === board.id,
    );
    expect(row?.title).toBe('Conditions de succès — MRC de La Mitis');
    const exported = await api('GET', `/api/boards/${board.id}/export.json`, facilitator);
    expect(exported.status).toBe(200);
    expect(exported.body.meta.title).toBe('Conditions de succès — MRC de La Mitis');
  });
});
