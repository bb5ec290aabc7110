// V5: « Rouvrir le vote » — a closed vote opens again with its dots and each voter's remaining
// budget; facilitator only; JSON errors. A real server on port 0 with its SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Board, SERVER_ORIGIN, forumRoomName, readVotes, type VoteState } from '@carton/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { startServer, type RunningServer } from './server.ts';

interface CreatedBoard {
  id: string;
  territory: string | null;
  edit: { token: string };
  view: { token: string };
}
interface CreatedForum {
  forum: { id: string };
  facilitator: { token: string };
  boards: CreatedBoard[];
}

const AMELIE = 'voter-amelie-0001';
const BRUNO = 'voter-bruno-00002';

describe('V5: POST /api/forums/:id/votes/:voteId/reopen', () => {
  let dir: string;
  let server: RunningServer;
  let forum: CreatedForum;
  let notes: { participation: string; accompagnement: string };
  const board = (territory: string, created = forum) =>
    created.boards.find((b) => b.territory === territory)!;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers by shape
  type Answer = { status: number; body: Record<string, any> };
  const api = async (
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
  ): Promise<Answer> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  const votesPath = (created = forum) => `/api/forums/${created.forum.id}/votes`;
  const open = async (title: string, boardIds: string[]) => {
    const opened = await api('POST', votesPath(), forum.facilitator.token, {
      title,
      boardIds,
      dotsPerParticipant: 3,
    });
    expect(opened.status).toBe(201);
    return opened.body['vote'] as VoteState;
  };
  const dot = (voteId: string, voterId: string, shapeId: string, method = 'POST') =>
    api(method, `${votesPath()}/${voteId}/dots`, board('Kamouraska').edit.token, {
      boardId: board('Kamouraska').id,
      shapeId,
      voterId,
    });
  const close = (voteId: string) =>
    api('POST', `${votesPath()}/${voteId}/close`, forum.facilitator.token);
  const reopen = (voteId: string, token = forum.facilitator.token, created = forum) =>
    api('POST', `${votesPath(created)}/${voteId}/reopen`, token);
  const mine = (voteId: string, voterId: string) =>
    api('GET', `${votesPath()}/${voteId}/mine?voterId=${voterId}`, board('Kamouraska').edit.token);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'carton-vote-reopen-'));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', CARTON_DATA_DIR: dir });
    server = await startServer(
      config,
      createLogger('error', () => undefined),
    );
    const response = await fetch(`${server.url}/api/forums`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'Forum des Alliances — Rêvons ensemble notre future Alliance',
        territories: ['Kamouraska', 'La Mitis', 'Témiscouata'],
      }),
    });
    forum = (await response.json()) as CreatedForum;
    await server.relay.changeBoard(board('Kamouraska').id, (doc) => {
      const model = new Board(doc);
      model.run((tx) => {
        notes = {
          participation: tx.create('note', { x: 2000, y: 0, text: 'Participation citoyenne' }),
          accompagnement: tx.create('note', { x: 2300, y: 0, text: 'Accompagnement' }),
        };
      }, SERVER_ORIGIN);
      model.destroy();
    });
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the dots and each voter’s remaining budget; only the facilitator reopens', async () => {
    const vote = await open('Nos incontournables', [board('Kamouraska').id]);
    expect((await dot(vote.id, AMELIE, notes.participation)).status).toBe(201);
    expect((await dot(vote.id, AMELIE, notes.participation)).status).toBe(201);
    expect((await dot(vote.id, BRUNO, notes.accompagnement)).status).toBe(201);
    expect((await close(vote.id)).status).toBe(200);
    expect((await dot(vote.id, AMELIE, notes.accompagnement)).body['error'].code).toBe(
      'vote_closed',
    );

    const byEditLink = await reopen(vote.id, board('Kamouraska').edit.token);
    expect(byEditLink.status).toBe(403);
    expect(byEditLink.body['error'].code).toBe('forbidden');
    expect((await reopen(vote.id, 'not-a-token-of-this-forum')).status).toBe(401);

    const reopened = await reopen(vote.id);
    expect(reopened.status).toBe(200);
    expect(reopened.body['vote']).toMatchObject({ id: vote.id, state: 'open', closedAt: null });
    expect(reopened.body['vote'].openedAt).toBeGreaterThanOrEqual(vote.openedAt);
    const key = (shapeId: string) => `${board('Kamouraska').id}/${shapeId}`;
    expect(reopened.body['vote'].counts).toEqual({
      [key(notes.participation)]: 2,
      [key(notes.accompagnement)]: 1,
    });

    // Amélie placed two of her three: one left, then none.
    expect((await mine(vote.id, AMELIE)).body['remaining']).toBe(1);
    const third = await dot(vote.id, AMELIE, notes.accompagnement);
    expect(third.status).toBe(201);
    expect(third.body['remaining']).toBe(0);
    expect((await dot(vote.id, AMELIE, notes.accompagnement)).body['error'].code).toBe(
      'no_dots_left',
    );
    // Taking a dot back works again too.
    expect((await dot(vote.id, BRUNO, notes.accompagnement, 'DELETE')).status).toBe(200);

    const again = await reopen(vote.id);
    expect(again.status).toBe(409);
    expect(again.body['error'].code).toBe('vote_open');
    const unknown = await reopen('no-such-vote');
    expect(unknown.status).toBe(404);
    expect(unknown.body['error'].code).toBe('vote_not_found');

    const results = await close(vote.id);
    expect(
      (results.body['results'] as Array<{ text: string; count: number }>).map((r) => [
        r.text,
        r.count,
      ]),
    ).toEqual([
      ['Participation citoyenne', 2],
      ['Accompagnement', 1],
    ]);
  });

  it('another open vote over the same board stays open; the reopened one is the newest', async () => {
    const first = await open('Premier tour', [board('Kamouraska').id]);
    expect((await close(first.id)).status).toBe(200);
    const second = await open('Deuxième tour', [board('Kamouraska').id, board('La Mitis').id]);
    const reopened = await reopen(first.id);
    expect(reopened.status).toBe(200);
    const votes = await server.relay.withBoardDoc(forumRoomName(forum.forum.id), readVotes);
    const open_ = votes.filter((v) => v.state === 'open').map((v) => v.id);
    expect(open_).toContain(second.id);
    // Oldest first (F2): the reopened vote comes last, the one a board shows (activeVote).
    expect(open_.at(-1)).toBe(first.id);
    expect((await dot(second.id, AMELIE, notes.participation)).status).toBe(201);
    expect((await dot(first.id, AMELIE, notes.participation)).status).toBe(201);
    await close(first.id);
    await close(second.id);
  });

  it('V3: a note with no text takes no dot (409 empty_note); a dot placed before it was emptied stays', async () => {
    const kamouraska = board('Kamouraska');
    let blank = '';
    let emptied = '';
    await server.relay.changeBoard(kamouraska.id, (doc) => {
      const model = new Board(doc);
      model.run((tx) => {
        blank = tx.create('note', { x: 2600, y: 0, text: ' \n ' });
        emptied = tx.create('note', { x: 2900, y: 0, text: 'Leadership partagé' });
      }, SERVER_ORIGIN);
      model.destroy();
    });
    const vote = await open('Papillons vides', [kamouraska.id]);
    const refused = await dot(vote.id, AMELIE, blank);
    expect(refused.status).toBe(409);
    expect(refused.body['error'].code).toBe('empty_note');
    expect((await mine(vote.id, AMELIE)).body['remaining']).toBe(3);

    expect((await dot(vote.id, AMELIE, emptied)).status).toBe(201);
    await server.relay.changeBoard(kamouraska.id, (doc) => {
      const model = new Board(doc);
      model.run((tx) => tx.update(emptied, { text: '' }), SERVER_ORIGIN);
      model.destroy();
    });
    // Kept and counted; a second dot is refused; the voter may still take hers back.
    expect((await dot(vote.id, AMELIE, emptied)).body['error'].code).toBe('empty_note');
    const results = await close(vote.id);
    expect(
      (results.body['results'] as Array<{ shapeId: string; count: number }>).map((r) => [
        r.shapeId,
        r.count,
      ]),
    ).toEqual([[emptied, 1]]);
    expect((await reopen(vote.id)).status).toBe(200);
    expect((await dot(vote.id, AMELIE, emptied, 'DELETE')).status).toBe(200);
    await close(vote.id);
  });

  it('a vote restored from an archive reopens: its dots stay, a device has its full budget', async () => {
    const vote = await open('Avant l’archive', [board('Kamouraska').id]);
    for (let i = 0; i < 3; i++) {
      expect((await dot(vote.id, AMELIE, notes.participation)).status).toBe(201);
    }
    const zip = await fetch(`${server.url}/api/forums/${forum.forum.id}/archive.zip`, {
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
    });
    expect(zip.status).toBe(200);
    const response = await fetch(`${server.url}/api/forums/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/zip' },
      body: Buffer.from(await zip.arrayBuffer()),
    });
    expect(response.status).toBe(201);
    const imported = (await response.json()) as CreatedForum;
    const restored = (
      await server.relay.withBoardDoc(forumRoomName(imported.forum.id), readVotes)
    ).find((v) => v.title === 'Avant l’archive')!;
    expect(restored.state).toBe('closed');

    const reopened = await reopen(restored.id, imported.facilitator.token, imported);
    expect(reopened.status).toBe(200);
    expect(reopened.body['vote'].state).toBe('open');
    const kamouraska = board('Kamouraska', imported);
    const [counted] = Object.entries(reopened.body['vote'].counts as Record<string, number>);
    expect(counted?.[1]).toBe(3);
    const placed = await api(
      'POST',
      `${votesPath(imported)}/${restored.id}/dots`,
      kamouraska.edit.token,
      { boardId: kamouraska.id, shapeId: counted?.[0].split('/')[1], voterId: AMELIE },
    );
    expect(placed.status).toBe(201);
    expect(placed.body['remaining']).toBe(2);
  }, 45_000); // an archive out and back in: 18.7 s at load 34 (28 Nov); a hang still fails
});
