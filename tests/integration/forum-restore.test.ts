// A board removed by mistake on the day (R56) comes back (R58): same links — the QR codes
// already printed work again — and the group's notes intact; refused while its territory is
// another board's, and to anyone but this forum's facilitator.
import { describe, expect, it } from 'vitest';
import type { CartonServer } from '../support/server.ts';
import {
  connect,
  createForum as createAnyForum,
  docUntil,
  forumSuite,
  refusedUpgrade,
  type CreatedForum,
} from './helpers.ts';
import { api, createSeedForum } from './forum-support.ts';

let server: CartonServer;
let forum: CreatedForum;
forumSuite(
  (s) => createSeedForum(s, ['Kamouraska', 'La Mitis', 'Témiscouata', 'La Matanie']),
  (started, created) => {
    server = started;
    forum = created;
  },
);

const forumPath = () => `/api/forums/${forum.forum.id}`;
const byTerritory = (name: string) => forum.boards.find((b) => b.territory === name)!;
const remove = (boardId: string) =>
  api(server, 'DELETE', `${forumPath()}/boards/${boardId}`, forum.facilitator.token);
const restore = (boardId: string, token = forum.facilitator.token, path = forumPath()) =>
  api(server, 'POST', `${path}/boards/${boardId}/restore`, token);

async function page() {
  const answer = await api(server, 'GET', forumPath(), forum.facilitator.token);
  expect(answer.status).toBe(200);
  return answer.body as {
    boards: Array<{ id: string; territory: string | null; edit: { token: string } | null }>;
    removedBoards: Array<{ id: string; kind: string; territory: string | null; removedAt: number }>;
  };
}

describe('a board removed by mistake', () => {
  it('R56, R58: its links are refused while removed, then work again with its notes', async () => {
    const board = byTerritory('Témiscouata');
    const writer = connect(server, board.id, board.edit.token);
    const watcher = connect(server, board.id, board.view.token);
    let noteId = '';
    try {
      await Promise.all([writer.synced, watcher.synced]);
      noteId = writer.run((tx) =>
        tx.create('note', { x: 40, y: 40, text: 'Transport collectif entre les villages' }),
      );
      // The server has it once another link's client sees it.
      await docUntil(watcher.doc, 'the note on the view link', () => !!watcher.shape(noteId));
    } finally {
      writer.destroy();
      watcher.destroy();
    }

    expect((await remove(board.id)).status).toBe(200);
    const refused = await api(server, 'GET', `/api/boards/${board.id}`, board.edit.token);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('invalid_token');
    const upgrade = await refusedUpgrade(
      `${server.syncUrl}/${board.id}?token=${encodeURIComponent(board.edit.token)}`,
    );
    expect(upgrade.status).toBe(401);
    expect(upgrade.body.error.code).toBe('invalid_token');
    const removed = await page();
    expect(removed.boards.map((b) => b.id)).not.toContain(board.id);
    expect(removed.removedBoards).toEqual([
      expect.objectContaining({ id: board.id, kind: 'territory', territory: 'Témiscouata' }),
    ]);
    expect(removed.removedBoards[0]!.removedAt).toBeGreaterThan(0);

    // Kept in SQLite, not in memory: a restart in between changes nothing.
    await server.restart();
    const answer = await restore(board.id);
    expect(answer.status).toBe(200);
    expect(answer.body.restored).toMatchObject({ id: board.id, territory: 'Témiscouata' });
    const back = await page();
    expect(back.removedBoards).toEqual([]);
    expect(back.boards.find((b) => b.id === board.id)?.edit?.token).toBe(board.edit.token);
    // The same edit link opens the board over WebSocket, the group's note on it.
    const reader = connect(server, board.id, board.edit.token);
    try {
      await reader.synced;
      expect(reader.shape(noteId)).toMatchObject({
        type: 'note',
        text: 'Transport collectif entre les villages',
      });
    } finally {
      reader.destroy();
    }
    // Once back, it is not removed any more: a second restore finds nothing to bring back.
    expect((await restore(board.id)).status).toBe(404);
  });

  it('R58: refused while another board took its territory', async () => {
    const board = byTerritory('La Matanie');
    expect((await remove(board.id)).status).toBe(200);
    // Its territory is free again (R56): the facilitator made a new board for it.
    const added = await api(server, 'POST', `${forumPath()}/boards`, forum.facilitator.token, {
      title: 'Conditions de succès — La Matanie',
      territory: 'La Matanie',
    });
    expect(added.status).toBe(201);
    const answer = await restore(board.id);
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('territory_taken');
    expect((await page()).removedBoards.map((b) => b.id)).toContain(board.id);
    // The new board removed in turn, the old one comes back.
    expect((await remove(added.body.board.id)).status).toBe(200);
    expect((await restore(board.id)).status).toBe(200);
  });

  it('R58: only this forum’s facilitator brings back only this forum’s removed boards', async () => {
    const board = byTerritory('La Mitis');
    expect((await remove(board.id)).status).toBe(200);
    const other = await createAnyForum(server, {
      title: 'Forum des Alliances — Bas-Saint-Laurent',
      territories: ['Rimouski-Neigette'],
    });
    const foreign = await restore(board.id, other.facilitator.token);
    expect(foreign.status).toBe(403);
    expect((await restore(board.id, byTerritory('Kamouraska').edit.token)).status).toBe(403);
    // Another forum's path with its own facilitator token: not its board.
    const elsewhere = await restore(
      board.id,
      other.facilitator.token,
      `/api/forums/${other.forum.id}`,
    );
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.code).toBe('board_not_found');
    // A board that is not removed has nothing to bring back.
    expect((await restore(byTerritory('Kamouraska').id)).status).toBe(404);
    expect((await page()).removedBoards.map((b) => b.id)).toContain(board.id);
    expect((await restore(board.id)).status).toBe(200);
  });
});
