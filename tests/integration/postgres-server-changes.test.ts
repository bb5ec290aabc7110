// R5, R6 (R37, R55): a server-origin change made by an HTTP route — a rename, a version
// restore — is answered only once PostgreSQL committed it. An append that fails (the board's
// lock held by a stuck session until the statement timeout) answers 503 storage_unavailable
// and the board is as before once reloaded; a 200 means the change is in the database.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import { startServer, type CartonServer } from '../support/server.ts';
import { api } from './forum-support.ts';
import {
  connect,
  createForum,
  docUntil,
  exportJson,
  territoryBoard,
  type Client,
  type CreatedForum,
} from './helpers.ts';

/**
 * The statement timeout for the tests whose append must fail: long enough that a busy machine
 * never hits it between the statements of a load (idle transactions are cut after it too).
 */
const STUCK_APPEND_TIMEOUT_MS = 2_000;

let postgres: TestPostgres;
const servers: CartonServer[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.dispose();
});
afterAll(async () => {
  await postgres.stop();
});

async function serverOnPostgres(
  statementTimeoutMs: number,
): Promise<{ server: CartonServer; url: string; database: string }> {
  const url = await postgres.createDatabase();
  const server = await startServer({
    env: {
      CARTON_DATABASE_URL: url,
      CARTON_DATABASE_STATEMENT_TIMEOUT_MS: String(statementTimeoutMs),
    },
  });
  servers.push(server);
  return { server, url, database: new URL(url).pathname.slice(1) };
}

/** The board's document title and shape texts, as export.json reads them (room or storage). */
async function exported(
  server: CartonServer,
  boardId: string,
  token: string,
): Promise<{ title: string; texts: string[] }> {
  const response = await exportJson(server, boardId, token);
  expect(response.status).toBe(200);
  const file = (await response.json()) as {
    meta: { title: string };
    shapes: Array<{ text?: unknown; title?: unknown }>;
  };
  const texts = file.shapes.flatMap((shape) =>
    [shape.text, shape.title].filter((t): t is string => typeof t === 'string'),
  );
  return { title: file.meta.title, texts };
}

function boardOf(forum: CreatedForum, territory: string) {
  return territoryBoard(forum, territory);
}

describe('server-origin changes on PostgreSQL', () => {
  it('R55, R6: a rename whose append fails answers 503 storage_unavailable and changes nothing', async () => {
    const { server, database } = await serverOnPostgres(STUCK_APPEND_TIMEOUT_MS);
    const forum = await createForum(server, {
      title: 'Forum des Alliances — Rêvons ensemble notre future Alliance',
      territories: ['Kamouraska', 'Rivière-du-Loup'],
    });
    const board = boardOf(forum, 'Kamouraska');
    const facilitator = forum.facilitator.token;
    const before = await exported(server, board.id, facilitator);
    expect(before.texts).toContain('Conditions de succès — Kamouraska');

    const release = await postgres.holdBoardLock(database, board.id);
    let answer;
    try {
      answer = await api(
        server,
        'PATCH',
        `/api/forums/${forum.forum.id}/boards/${board.id}`,
        facilitator,
        {
          territory: 'Kamouraska-Est',
        },
      );
    } finally {
      await release();
    }
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('storage_unavailable');
    expect(typeof answer.body.error.message).toBe('string');

    // The forum's row went back, and the document reloaded from storage has the old names.
    const listed = await api(server, 'GET', `/api/forums/${forum.forum.id}`, facilitator);
    const row = (
      listed.body.boards as Array<{ id: string; territory: string; title: string }>
    ).find((b) => b.id === board.id);
    expect(row).toMatchObject({ territory: 'Kamouraska', title: board.title });
    await server.restart();
    const after = await exported(server, board.id, facilitator);
    expect(after.title).toBe(before.title);
    expect(after.texts).toContain('Conditions de succès — Kamouraska');
    expect(after.texts).not.toContain('Conditions de succès — Kamouraska-Est');
  });

  it('R37, R6: a restore whose append fails answers 503 and keeps the board and its history as they were', async () => {
    const { server, database } = await serverOnPostgres(STUCK_APPEND_TIMEOUT_MS);
    const forum = await createForum(server);
    const board = boardOf(forum, 'La Mitis');
    const facilitator = forum.facilitator.token;
    const saved = await api(server, 'POST', `/api/boards/${board.id}/snapshots`, facilitator, {
      name: 'Avant la plénière',
    });
    expect(saved.status).toBe(201);
    // A note written after the version: a restore would delete it.
    const writer = connect(server, board.id, board.edit.token);
    clients.push(writer);
    await writer.synced;
    const id = writer.run((tx) =>
      tx.create('note', { x: 0, y: 0, text: 'Incontournable : le logement abordable' }),
    );
    const reader = connect(server, board.id, board.view.token);
    clients.push(reader);
    await reader.synced;
    await docUntil(reader.doc, 'the note stored and relayed', () => !!reader.shape(id));
    writer.destroy();
    reader.destroy();

    const release = await postgres.holdBoardLock(database, board.id);
    let answer;
    try {
      answer = await api(
        server,
        'POST',
        `/api/boards/${board.id}/snapshots/${saved.body.snapshot.id}/restore`,
        facilitator,
      );
    } finally {
      await release();
    }
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('storage_unavailable');
    await server.restart();
    const after = await exported(server, board.id, facilitator);
    expect(after.texts).toContain('Incontournable : le logement abordable');
    const history = await api(server, 'GET', `/api/boards/${board.id}/snapshots`, facilitator);
    const names = (history.body.snapshots as Array<{ name: string | null }>).map((s) => s.name);
    expect(names).not.toContain(`Avant la restauration de la version ${saved.body.snapshot.id}`);
  });

  it('R55, R5: a 200 comes only once the rename is committed — cutting the database connections right after it loses nothing', async () => {
    const { server, database } = await serverOnPostgres(20_000);
    const forum = await createForum(server, {
      title: 'Forum des Alliances — Rêvons ensemble notre future Alliance',
      territories: ['Témiscouata', 'Les Basques'],
    });
    const board = boardOf(forum, 'Témiscouata');
    const facilitator = forum.facilitator.token;

    // The append waits on the board's lock, let go a moment later. A route that answered
    // before its append committed answers meanwhile, and the connections cut right after its
    // answer take the waiting append with them.
    const release = await postgres.holdBoardLock(database, board.id);
    const released = new Promise<void>((resolve) => setTimeout(resolve, 500)).then(release);
    let answer;
    try {
      answer = await api(
        server,
        'PATCH',
        `/api/forums/${forum.forum.id}/boards/${board.id}`,
        facilitator,
        {
          territory: 'Témiscouata-sur-le-Lac',
        },
      );
      await postgres.terminateConnections(database);
    } finally {
      await released;
    }
    expect(answer.status).toBe(200);
    expect(answer.body.board.territory).toBe('Témiscouata-sur-le-Lac');

    // Killed without a flush, started again: what the 200 promised is in the database.
    await server.kill('SIGKILL');
    await server.restart();
    const after = await exported(server, board.id, facilitator);
    expect(after.title).toBe('Conditions de succès — Témiscouata-sur-le-Lac');
    expect(after.texts).toContain('Conditions de succès — Témiscouata-sur-le-Lac');
  });

  it('R68, R6: a copy names the target whose append failed as storage_unavailable; that board keeps its content', async () => {
    const { server, database } = await serverOnPostgres(STUCK_APPEND_TIMEOUT_MS);
    const forum = await createForum(server, {
      title: 'Forum des Alliances — Rêvons ensemble notre future Alliance',
      territories: ['Rimouski-Neigette', 'La Matanie', 'La Matapédia'],
    });
    const source = boardOf(forum, 'Rimouski-Neigette');
    const stuck = boardOf(forum, 'La Matanie');
    const fine = boardOf(forum, 'La Matapédia');
    const facilitator = forum.facilitator.token;
    const before = await exported(server, stuck.id, facilitator);

    const release = await postgres.holdBoardLock(database, stuck.id);
    let answer;
    try {
      answer = await api(
        server,
        'POST',
        `/api/forums/${forum.forum.id}/boards/${source.id}/copy`,
        facilitator,
        { to: [stuck.id, fine.id] },
      );
    } finally {
      await release();
    }
    expect(answer.status).toBe(200);
    expect(answer.body.copied.map((c: { boardId: string }) => c.boardId)).toEqual([fine.id]);
    expect(answer.body.refused).toEqual([
      { boardId: stuck.id, code: 'storage_unavailable', message: expect.any(String) },
    ]);

    await server.restart();
    expect((await exported(server, stuck.id, facilitator)).texts).toEqual(before.texts);
    // The copy reached La Matapédia, titled for it (R68): its own carton and the copy.
    const fineTexts = (await exported(server, fine.id, facilitator)).texts;
    expect(fineTexts.filter((t) => t === 'Conditions de succès — La Matapédia')).toHaveLength(2);
  });
});
