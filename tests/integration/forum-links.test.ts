// Links: recover (L1), rotate (L2), revoked links refused and their sockets closed with 4403
// (L3); the plenary's links view every board (P1); any token lists the boards (P2).
import { describe, expect, it } from 'vitest';
import type { CartonServer } from '../support/server.ts';
import * as Y from 'yjs';
import {
  connect,
  openSocket,
  refusedUpgrade,
  scratchUpdate,
  forumSuite,
  type CreatedForum,
} from './helpers.ts';
import {
  api,
  connectForum,
  createSeedForum,
  metrics,
  updateThenRoundTrip,
} from './forum-support.ts';

/** A Yjs update that writes a scratch value (any non-empty update counts as a write). */
function noteUpdate(text: string): Uint8Array {
  return scratchUpdate(new Y.Doc(), 'note', text);
}

let server: CartonServer;
let forum: CreatedForum;
forumSuite(createSeedForum, (started, created) => {
  server = started;
  forum = created;
});

describe('links', () => {
  it('L1: GET /api/forums/:id gives the facilitator every board’s edit and view link', async () => {
    const answer = await api(
      server,
      'GET',
      `/api/forums/${forum.forum.id}`,
      forum.facilitator.token,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const boards = answer.body.boards as Array<{
      id: string;
      edit: { token: string; url: string };
      view: { token: string };
    }>;
    expect(boards.map((b) => b.id)).toEqual(forum.boards.map((b) => b.id));
    for (const [n, board] of boards.entries()) {
      expect(board.edit.token).toBe(forum.boards[n]!.edit.token);
      expect(board.view.token).toBe(forum.boards[n]!.view.token);
      expect(board.edit.url).toBe(forum.boards[n]!.edit.url);
    }
    for (const token of [forum.boards[1]!.edit.token, forum.boards[0]!.view.token]) {
      const refused = await api(server, 'GET', `/api/forums/${forum.forum.id}`, token);
      expect(refused.status).toBe(403);
      expect(refused.text).not.toContain(forum.boards[2]!.edit.token);
    }
  });

  it('L2, L3: rotating an edit link refuses the old one at once and closes its sockets with 4403', async () => {
    const board = forum.boards.find((b) => b.territory === 'La Mitis')!;
    const old = board.edit.token;
    const participant = connect(server, board.id, old);
    const onForum = connectForum(server, forum.forum.id, old);
    const other = connect(server, board.id, board.view.token);
    await Promise.all([participant.synced, onForum.synced, other.synced]);
    const closedWith = (client: typeof participant) =>
      new Promise<{ code: number; reason: string }>((resolve) =>
        client.provider.once('closed', (event: { code: number; reason: string }) => resolve(event)),
      );
    const closed = Promise.all([closedWith(participant), closedWith(onForum)]);

    const rotated = await api(
      server,
      'POST',
      `/api/forums/${forum.forum.id}/boards/${board.id}/links/edit/rotate`,
      forum.facilitator.token,
    );
    expect(rotated.status).toBe(200);
    const fresh = rotated.body.link as { token: string; url: string };
    expect(fresh.token).not.toBe(old);
    expect(fresh.url).toContain(`/b/${board.id}#token=${fresh.token}`);

    const events = await closed;
    for (const event of events) {
      expect(event.code).toBe(4403);
      expect(event.reason).toContain('lien révoqué');
    }
    expect(other.provider.wsconnected).toBe(true); // the view link still works

    expect((await api(server, 'GET', `/api/boards/${board.id}`, old)).status).toBe(401);
    const upgrade = await refusedUpgrade(`${server.syncUrl}/${board.id}?token=${old}`);
    expect(upgrade.status).toBe(401);
    expect((await api(server, 'GET', `/api/boards/${board.id}`, fresh.token)).body.role).toBe(
      'edit',
    );
    const listed = await api(
      server,
      'GET',
      `/api/forums/${forum.forum.id}`,
      forum.facilitator.token,
    );
    const entry = (listed.body.boards as Array<{ id: string; edit: { token: string } }>).find(
      (b) => b.id === board.id,
    )!;
    expect(entry.edit.token).toBe(fresh.token);
    for (const client of [participant, onForum, other]) client.destroy();
  });

  it('L2: only the facilitator rotates, only edit or view, only boards of the forum', async () => {
    const board = forum.boards[1]!;
    const path = (role: string, boardId = board.id) =>
      `/api/forums/${forum.forum.id}/boards/${boardId}/links/${role}/rotate`;
    expect((await api(server, 'POST', path('edit'), board.edit.token)).status).toBe(403);
    expect((await api(server, 'POST', path('facilitator'), forum.facilitator.token)).status).toBe(
      404,
    );
    const other = await createSeedForum(server, ['Les Basques']);
    expect(
      (await api(server, 'POST', path('view', other.boards[0]!.id), forum.facilitator.token))
        .status,
    ).toBe(404);
  });

  it('P1: the plenary’s links view every board of the forum, read-only', async () => {
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const territory = forum.boards.find((b) => b.territory === 'Kamouraska')!;
    for (const token of [plenary.edit.token, plenary.view.token]) {
      const answer = await api(server, 'GET', `/api/boards/${territory.id}`, token);
      expect(answer.status).toBe(200);
      expect(answer.body.role).toBe('view');
    }
    // Its socket on a territory board is a view connection: writes are dropped and counted.
    const before = (await metrics(server)).viewUpdatesDropped ?? 0;
    const mosaic = await openSocket(server, territory.id, plenary.edit.token);
    await updateThenRoundTrip(mosaic.ws, noteUpdate('Écrit depuis la mosaïque'));
    expect((await metrics(server)).viewUpdatesDropped).toBe(before + 1);
    const exported = await api(
      server,
      'GET',
      `/api/boards/${territory.id}/export.json`,
      territory.view.token,
    );
    expect(exported.text).not.toContain('Écrit depuis la mosaïque');
    mosaic.ws.close();
    // A territory's link does not open another territory's board.
    const other = forum.boards.find((b) => b.territory === 'Témiscouata')!;
    expect((await api(server, 'GET', `/api/boards/${other.id}`, territory.edit.token)).status).toBe(
      403,
    );
  });

  it('P2: GET /api/forums/:id/boards lists the boards for any token of the forum, without tokens', async () => {
    for (const token of [
      forum.facilitator.token,
      forum.boards[0]!.view.token,
      forum.boards[3]!.edit.token,
    ]) {
      const answer = await api(server, 'GET', `/api/forums/${forum.forum.id}/boards`, token);
      expect(answer.status).toBe(200);
      expect(answer.body.boards.map((b: { id: string }) => b.id)).toEqual(
        forum.boards.map((b) => b.id),
      );
      for (const board of forum.boards) {
        expect(answer.text).not.toContain(board.edit.token);
        expect(answer.text).not.toContain(board.view.token);
      }
    }
    const stranger = await createSeedForum(server, ['La Matanie']);
    expect(
      (await api(server, 'GET', `/api/forums/${forum.forum.id}/boards`, stranger.facilitator.token))
        .status,
    ).toBe(403);
    expect((await api(server, 'GET', `/api/forums/${forum.forum.id}/boards`, null)).status).toBe(
      401,
    );
  });
});
