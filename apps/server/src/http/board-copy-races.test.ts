// R68 when requests meet: copies reaching one board together, a copy and a removal, a copy
// and the rest of the server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Board, SERVER_ORIGIN } from '@carton/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { ForumStore } from '../forums/forum-store.ts';
import { createLogger } from '../log.ts';
import { DeferredStores } from './deferred-stores.ts';
import { startServer, type RunningServer, type ServerStores } from './server.ts';

interface CreatedBoard {
  id: string;
  territory: string | null;
  edit: { token: string };
}
type CreatedForum = {
  forum: { id: string };
  facilitator: { token: string };
  boards: CreatedBoard[];
};

const TERRITORIES = [
  'Témiscouata',
  'Kamouraska',
  'Rimouski-Neigette',
  'La Mitis',
  'Les Basques',
  'La Matanie',
];

/** A server on a fresh SQLite file, a forum, and Témiscouata holding a 9 KiB note. */
async function forumWithSource(
  dir: string,
  lines: string[],
  wrapStores?: (real: ServerStores) => ServerStores,
): Promise<{ server: RunningServer; forum: CreatedForum }> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    CARTON_DATA_DIR: dir,
    CARTON_MAX_BOARD_BYTES: String(16 * 1024),
  });
  const server = await startServer(
    config,
    createLogger('info', (line) => lines.push(line)),
    wrapStores ? { wrapStores } : {},
  );
  const response = await fetch(`${server.url}/api/forums`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title: 'Forum des Alliances 2023',
      territories: TERRITORIES,
      templates: false,
    }),
  });
  const forum = (await response.json()) as CreatedForum;
  const source = forum.boards.find((b) => b.territory === 'Témiscouata')!;
  // A source that fits once in an empty board, never twice (R30: 16 KiB).
  await server.relay.changeBoard(source.id, (doc) => {
    const model = new Board(doc);
    model.run((tx) => {
      tx.create('note', { x: 0, y: 0, text: 'Financement récurrent '.repeat(400) });
    }, SERVER_ORIGIN);
    model.destroy();
  });
  return { server, forum };
}

const copyRequest = (server: RunningServer, forum: CreatedForum, to: string[]) =>
  fetch(
    `${server.url}/api/forums/${forum.forum.id}/boards/${forum.boards.find((b) => b.territory === 'Témiscouata')!.id}/copy`,
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${forum.facilitator.token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ to }),
    },
  );

describe('R68: copies and removals reaching one board at the same moment', () => {
  let dir: string;
  let server: RunningServer;
  let forum: CreatedForum;
  const stores = new DeferredStores();
  const board = (territory: string) => forum.boards.find((b) => b.territory === territory)!;
  const copy = (to: string[]) => copyRequest(server, forum, to);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'carton-board-copy-race-'));
    ({ server, forum } = await forumWithSource(dir, [], (real) => stores.wrapAll(real)));
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lets one through and refuses the others: together they would pass R30', async () => {
    const target = board('Kamouraska').id;
    // Four requests reach the copy together (a double click, two facilitators, or a script):
    // each one's change is in the room before the room's batch reaches storage (R51).
    const release = stores.hold('forums.listBoards');
    const pending: Promise<Response>[] = [];
    for (let i = 0; i < 4; i++) {
      const listed = stores.nextCall('forums.listBoards');
      pending.push(copy([target]));
      await listed;
    }
    release();
    const answers = await Promise.all(
      pending.map(async (response) => {
        expect((await response).status).toBe(200);
        return (await (await response).json()) as {
          copied: unknown[];
          refused: { code: string }[];
        };
      }),
    );
    expect(answers.filter((answer) => answer.copied.length === 1)).toHaveLength(1);
    expect(answers.flatMap((answer) => answer.refused.map((r) => r.code))).toEqual([
      'board_full',
      'board_full',
      'board_full',
    ]);
    const notes = await server.relay.withBoardDoc(target, (doc) => {
      const view = new Board(doc);
      try {
        return view.listShapes().length;
      } finally {
        view.destroy();
      }
    });
    expect(notes).toBe(1);
  });

  it('leaves alone a target taken out of the forum while the copy was under way (R56)', async () => {
    const removed = board('La Matanie').id;
    const shapesOf = () =>
      server.relay.withBoardDoc(removed, (doc) => {
        const view = new Board(doc);
        try {
          return view.listShapes().map((shape) => shape.id);
        } finally {
          view.destroy();
        }
      });
    const before = await shapesOf();
    // The copy reads the forum's boards; the removal commits before it goes on.
    const release = stores.holdAnswer('forums.listBoards');
    const listed = stores.nextCall('forums.listBoards');
    const copying = copy([removed]);
    await listed;
    const removal = await fetch(`${server.url}/api/forums/${forum.forum.id}/boards/${removed}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
    });
    expect(removal.status).toBe(200);
    release();
    const answer = (await (await copying).json()) as {
      copied: unknown[];
      refused: { boardId: string; code: string }[];
    };
    expect(answer.copied).toEqual([]);
    expect(answer.refused).toEqual([
      expect.objectContaining({ boardId: removed, code: 'board_unavailable' }),
    ]);
    // Its document stays as it was until R58 brings it back.
    expect(await shapesOf()).toEqual(before);
  });
});

describe('R68: a copy and the rest of the server', () => {
  let dir: string;
  let server: RunningServer;
  let forum: CreatedForum;
  const lines: string[] = [];
  const board = (territory: string) => forum.boards.find((b) => b.territory === territory)!;
  const copy = (to: string[]) => copyRequest(server, forum, to);
  // Only the forum's board list waits (as a network database would), and only while held:
  // the rest of the stores answer synchronously, as SQLite does in production.
  let held: Array<() => void> | null = null;
  let arrived: (() => void) | null = null;
  const holdListBoards = (real: ServerStores): ServerStores => {
    const forums = new Proxy(real.forums, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        // The store's methods use its private fields: called on the store, not the proxy.
        if (property !== 'listBoards') return (value as (...a: unknown[]) => unknown).bind(target);
        return (forumId: string) => {
          if (held === null) return (value as ForumStore['listBoards']).call(target, forumId);
          return new Promise((resolve) => {
            held?.push(() => resolve((value as ForumStore['listBoards']).call(target, forumId)));
            arrived?.();
          });
        };
      },
    });
    return { ...real, forums };
  };
  const nextArrival = () => new Promise<void>((resolve) => (arrived = resolve));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'carton-board-copy-turn-'));
    ({ server, forum } = await forumWithSource(dir, lines, holdListBoards));
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gives other requests their turn between its targets', async () => {
    const targets = [board('Rimouski-Neigette').id, board('La Mitis').id];
    const other = board('Les Basques').id;
    // Every room loaded already: nothing in the copy waits for I/O.
    for (const id of [...targets, other, board('Témiscouata').id]) {
      await server.relay.changeBoard(id, () => {});
    }
    // Two requests let through together: one copy to two boards, one to a third.
    held = [];
    const longer = nextArrival();
    const toTwo = copy(targets);
    await longer;
    const shorter = nextArrival();
    const toOne = copy([other]);
    await shorter;
    lines.length = 0;
    const release = held;
    held = null;
    for (const run of release) setImmediate(run);
    expect((await toTwo).status).toBe(200);
    expect((await toOne).status).toBe(200);
    const done = lines
      .map((line) => JSON.parse(line) as { event: string; copied?: number })
      .filter((entry) => entry.event === 'board_copied')
      .map((entry) => entry.copied);
    // The one-board copy ends while the two-board one is between its boards.
    expect(done).toEqual([1, 2]);
  });
});
