// R68 with M37: « Copier vers… » into a board that would pass MAX_BOARD_SHAPES is refused for
// that board with its own code, nothing written, rather than said to be read-only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Board, MAX_BOARD_SHAPES, SERVER_ORIGIN } from '@carton/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../log.ts';
import { startServer, type RunningServer } from './server.ts';

interface Created {
  forum: { id: string };
  facilitator: { token: string };
  boards: Array<{ id: string; territory: string | null }>;
}

describe('R68, M37: a copy that would take a board past its shapes', () => {
  let dir: string;
  let server: RunningServer;
  let forum: Created;
  const board = (territory: string) => forum.boards.find((b) => b.territory === territory)!.id;
  const countShapes = (boardId: string) =>
    server.relay.withBoardDoc(boardId, (doc) => {
      const view = new Board(doc);
      try {
        return view.listShapes().length;
      } finally {
        view.destroy();
      }
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'carton-copy-shapes-'));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', CARTON_DATA_DIR: dir });
    server = await startServer(config, silentLogger);
    const response = await fetch(`${server.url}/api/forums`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'Forum des Alliances 2023',
        territories: ['Témiscouata', 'Kamouraska'],
        templates: false,
      }),
    });
    forum = (await response.json()) as Created;
    const fill = (boardId: string, count: number, text: string) =>
      server.relay.changeBoard(boardId, (doc) => {
        const model = new Board(doc);
        model.run((tx) => {
          for (let i = 0; i < count; i++) {
            tx.create('note', { x: (i % 100) * 10, y: Math.floor(i / 100) * 10, text });
          }
        }, SERVER_ORIGIN);
        model.destroy();
      });
    await fill(board('Témiscouata'), 2, 'Transport collectif');
    // Kamouraska holds one shape short of the limit: a copy of two does not fit.
    await fill(board('Kamouraska'), MAX_BOARD_SHAPES - 1, '');
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is refused for that board as too_many_shapes, the board left as it was', async () => {
    const response = await fetch(
      `${server.url}/api/forums/${forum.forum.id}/boards/${board('Témiscouata')}/copy`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${forum.facilitator.token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ to: [board('Kamouraska')] }),
      },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['copied']).toEqual([]);
    expect(body['refused']).toEqual([
      { boardId: board('Kamouraska'), code: 'too_many_shapes', message: expect.any(String) },
    ]);
    expect(await countShapes(board('Kamouraska'))).toBe(MAX_BOARD_SHAPES - 1);
  });
});
