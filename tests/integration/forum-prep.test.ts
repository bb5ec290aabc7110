// The day before the forum: the facilitator adds a territory forgotten at creation (R54 with
// the seed's template), corrects a typo in a territory's name (R55) and takes out a board
// created by mistake (R56) — all from the facilitator page's API, links kept consistent.
// After it: the archive keeps the forum's day through export and import.
import { readVotes } from '@carton/board';
import { describe, expect, it } from 'vitest';
import type { CartonServer } from '../support/server.ts';
import { connect, docUntil, exportJson, forumSuite, unzip, type CreatedForum } from './helpers.ts';
import { api, connectForum, createSeedForum } from './forum-support.ts';

interface FileShape {
  id: string;
  type: string;
  title?: string;
  text?: string;
}

let server: CartonServer;
let forum: CreatedForum;
// « Kamouraksa »: the typo of the day before; « La Matanie » twice would be refused, so the
// mistake is a board for a territory that is not in this forum, « Haute-Gaspésie ».
forumSuite(
  (s) => createSeedForum(s, ['Kamouraksa', 'La Mitis', 'Haute-Gaspésie']),
  (started, created) => {
    server = started;
    forum = created;
  },
);

const boardsPath = () => `/api/forums/${forum.forum.id}/boards`;
const byTerritory = (name: string) => forum.boards.find((b) => b.territory === name)!;

async function exported(boardId: string, token: string) {
  const response = await exportJson(server, boardId, token);
  expect(response.status).toBe(200);
  return (await response.json()) as { meta: { title: string }; shapes: FileShape[] };
}

async function listing(): Promise<Array<{ id: string; title: string; territory: string | null }>> {
  const answer = await api(server, 'GET', `/api/forums/${forum.forum.id}`, forum.facilitator.token);
  expect(answer.status).toBe(200);
  return answer.body.boards;
}

describe('preparing the forum the day before', () => {
  it('R54: a territory added with `template: true` gets its carton and both headings', async () => {
    const answer = await api(server, 'POST', boardsPath(), forum.facilitator.token, {
      title: 'Conditions de succès — Les Basques',
      territory: 'Les Basques',
      template: true,
    });
    expect(answer.status).toBe(201);
    const file = await exported(answer.body.board.id, answer.body.board.view.token);
    expect(file.shapes.filter((s) => s.type === 'carton').map((s) => s.title)).toEqual([
      'Conditions de succès — Les Basques',
    ]);
    const texts = file.shapes.map((s) => s.text);
    expect(texts).toContain('Conditions présentes');
    expect(texts).toContain('Conditions souhaitées');
    // Added twice (a double click, another tab): refused, not a second Les Basques.
    const again = await api(server, 'POST', boardsPath(), forum.facilitator.token, {
      title: 'Conditions de succès — les basques',
      territory: 'les basques',
      template: true,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('territory_taken');
  });

  it('R55: a typo in a territory is fixed everywhere: listing, board title, its carton', async () => {
    const board = byTerritory('Kamouraksa');
    // A participant is already on it: the carton's new title reaches them live.
    const client = connect(server, board.id, board.edit.token);
    try {
      await client.synced;
      const answer = await api(
        server,
        'PATCH',
        `${boardsPath()}/${board.id}`,
        forum.facilitator.token,
        { territory: 'Kamouraska' },
      );
      expect(answer.status).toBe(200);
      expect(answer.body.board).toMatchObject({
        id: board.id,
        territory: 'Kamouraska',
        title: 'Conditions de succès — Kamouraska',
      });
      const listed = (await listing()).find((b) => b.id === board.id);
      expect(listed).toMatchObject({ territory: 'Kamouraska', title: answer.body.board.title });
      await docUntil(client.doc, 'the carton renamed on the participant', () =>
        client.board
          .listShapes()
          .some((s) => s.type === 'carton' && s.title === 'Conditions de succès — Kamouraska'),
      );
      const file = await exported(board.id, board.view.token);
      expect(file.meta.title).toBe('Conditions de succès — Kamouraska');
      expect(file.shapes.filter((s) => s.type === 'carton').map((s) => s.title)).toEqual([
        'Conditions de succès — Kamouraska',
      ]);
      // The links did not change: the same edit link still opens it.
      const again = await api(server, 'GET', `/api/boards/${board.id}`, board.edit.token);
      expect(again.status).toBe(200);
    } finally {
      client.destroy();
    }
  });

  it('R55: refuses a territory another board has, and non-facilitators, in plain JSON', async () => {
    const board = byTerritory('La Mitis');
    const taken = await api(
      server,
      'PATCH',
      `${boardsPath()}/${board.id}`,
      forum.facilitator.token,
      {
        territory: 'kamouraska',
      },
    );
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('territory_taken');
    const empty = await api(
      server,
      'PATCH',
      `${boardsPath()}/${board.id}`,
      forum.facilitator.token,
      {
        territory: '  ',
      },
    );
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('invalid_request');
    const edit = await api(server, 'PATCH', `${boardsPath()}/${board.id}`, board.edit.token, {
      territory: 'Mitis',
    });
    expect(edit.status).toBe(403);
  });

  it('R56: a board created by mistake is removed: unlisted, its links refused, sockets closed', async () => {
    const board = byTerritory('Haute-Gaspésie');
    const client = connect(server, board.id, board.edit.token);
    try {
      await client.synced;
      const closed = new Promise<number>((resolve) => {
        client.provider.on('connection-close', (event: { code: number } | null) =>
          resolve(event?.code ?? 0),
        );
      });
      const viewer = await api(server, 'DELETE', `${boardsPath()}/${board.id}`, board.edit.token);
      expect(viewer.status).toBe(403);
      const answer = await api(
        server,
        'DELETE',
        `${boardsPath()}/${board.id}`,
        forum.facilitator.token,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.removed).toMatchObject({ id: board.id, territory: 'Haute-Gaspésie' });
      expect(await closed).toBe(4403);
      expect((await listing()).map((b) => b.id)).not.toContain(board.id);
      const link = await api(server, 'GET', `/api/boards/${board.id}`, board.edit.token);
      expect(link.status).toBe(401);
      expect(link.body.error.code).toBe('invalid_token');
      const archive = await api(
        server,
        'GET',
        `/api/forums/${forum.forum.id}/archive.zip`,
        forum.facilitator.token,
      );
      expect(archive.status).toBe(200);
      expect(archive.text).not.toContain('haute-gaspesie');
    } finally {
      client.destroy();
    }
  });

  it('R56: the plenary stays', async () => {
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const answer = await api(
      server,
      'DELETE',
      `${boardsPath()}/${plenary.id}`,
      forum.facilitator.token,
    );
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('plenary_required');
  });

  it('R57: the forum’s title and day are corrected by its facilitator only', async () => {
    const path = `/api/forums/${forum.forum.id}`;
    const board = forum.boards.find((b) => b.kind === 'territory')!;
    expect((await api(server, 'PATCH', path, board.edit.token, { title: 'x' })).status).toBe(403);
    const bad = await api(server, 'PATCH', path, forum.facilitator.token, { date: '26/10/2023' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    const fixed = await api(server, 'PATCH', path, forum.facilitator.token, {
      title: 'Forum des Alliances — Rêvons ensemble notre future Alliance',
      date: '2023-10-27',
    });
    expect(fixed.status).toBe(200);
    const page = await api(server, 'GET', path, forum.facilitator.token);
    expect(page.body.forum).toEqual({
      id: forum.forum.id,
      title: 'Forum des Alliances — Rêvons ensemble notre future Alliance',
      date: '2023-10-27',
    });
    // Back to the seed's day for the archive test below.
    await api(server, 'PATCH', path, forum.facilitator.token, { date: '2023-10-26' });
  });

  it('ARCHIVE: the forum’s day is in the manifest and comes back on import', async () => {
    const bytes = Buffer.from(
      await (
        await fetch(`${server.url}/api/forums/${forum.forum.id}/archive.zip`, {
          headers: { Authorization: `Bearer ${forum.facilitator.token}` },
        })
      ).arrayBuffer(),
    );
    const named = await fetch(`${server.url}/api/forums/${forum.forum.id}/archive.zip`, {
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
    });
    await named.arrayBuffer();
    // Named for the forum's day, not the day (UTC) it was downloaded.
    expect(named.headers.get('Content-Disposition')).toContain(
      'filename="forum-des-alliances-revons-ensemble-notre-future-alliance-2023-10-26.zip"',
    );
    const manifest = JSON.parse(unzip(bytes).get('manifest.json')!.toString('utf8'));
    expect(manifest.forum.date).toBe('2023-10-26');
    const imported = await fetch(`${server.url}/api/forums/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/zip' },
      body: bytes,
    });
    expect(imported.status).toBe(201);
    const created = (await imported.json()) as CreatedForum & { forum: { date: string | null } };
    expect(created.forum.date).toBe('2023-10-26');
    const page = await api(
      server,
      'GET',
      `/api/forums/${created.forum.id}`,
      created.facilitator.token,
    );
    expect(page.body.forum.date).toBe('2023-10-26');
  });

  it('ARCHIVE: votes and the incontournables’ merges come back on import, on the new board ids', async () => {
    const kamouraska = byTerritory('La Mitis');
    const writer = connect(server, kamouraska.id, kamouraska.edit.token);
    await writer.synced;
    const [financement, revenu] = writer.run((tx) =>
      ['Financement systémique', 'Revenu de base pour toutes'].map((text, n) =>
        tx.create('note', { x: 2000 + n * 220, y: 0, text }),
      ),
    );
    // The server sees the notes before the vote checks them (V3).
    await expect
      .poll(async () =>
        (await exported(kamouraska.id, kamouraska.view.token)).shapes.map((shape) => shape.text),
      )
      .toContain('Revenu de base pour toutes');
    writer.destroy();
    const base = `/api/forums/${forum.forum.id}`;
    const opened = await api(server, 'POST', `${base}/votes`, forum.facilitator.token, {
      title: 'Nos incontournables',
      boardIds: [kamouraska.id],
      dotsPerParticipant: 3,
    });
    expect(opened.status).toBe(201);
    const voteId = opened.body.vote.id as string;
    for (const [voterId, shapeId] of [
      ['voter-amelie-0001', financement],
      ['voter-amelie-0001', financement],
      ['voter-bruno-00002', revenu],
    ] as const) {
      const placed = await api(
        server,
        'POST',
        `${base}/votes/${voteId}/dots`,
        kamouraska.edit.token,
        {
          boardId: kamouraska.id,
          shapeId,
          voterId,
        },
      );
      expect(placed.status).toBe(201);
    }
    expect(
      (await api(server, 'POST', `${base}/votes/${voteId}/close`, forum.facilitator.token)).status,
    ).toBe(200);
    const merged = await api(server, 'PUT', `${base}/compilation`, forum.facilitator.token, {
      merges: { 'revenu de base pour toutes': 'financement systemique' },
    });
    expect(merged.status).toBe(200);
    const before = await api(server, 'GET', `${base}/compilation`, forum.facilitator.token);

    const zip = Buffer.from(
      await (
        await fetch(`${server.url}${base}/archive.zip`, {
          headers: { Authorization: `Bearer ${forum.facilitator.token}` },
        })
      ).arrayBuffer(),
    );
    const imported = await fetch(`${server.url}/api/forums/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/zip' },
      body: zip,
    });
    expect(imported.status).toBe(201);
    const created = (await imported.json()) as CreatedForum;
    const newBase = `/api/forums/${created.forum.id}`;
    const newKamouraska = created.boards.find((b) => b.territory === 'La Mitis')!;

    const after = await api(server, 'GET', `${newBase}/compilation`, created.facilitator.token);
    const ideas = (answer: typeof before) =>
      answer.body.items.map((item: { text: string; votes: number; mergedKeys: string[] }) => [
        item.text,
        item.votes,
        item.mergedKeys,
      ]);
    expect(ideas(after)).toEqual(ideas(before));
    expect(ideas(after)).toContainEqual([
      'Financement systémique',
      3,
      ['revenu de base pour toutes'],
    ]);
    // C2: each item says its dots per question, too (the vote's title).
    const financementItem = (after.body.items as Array<{ text: string; votesBy: unknown }>).find(
      (item) => item.text === 'Financement systémique',
    );
    expect(financementItem?.votesBy).toEqual([{ title: 'Nos incontournables', votes: 3 }]);

    const screen = connectForum(server, created.forum.id, created.facilitator.token);
    try {
      await screen.synced;
      const votes = readVotes(screen.doc);
      expect(votes.map((v) => [v.title, v.state, v.boardIds])).toEqual([
        ['Nos incontournables', 'closed', [newKamouraska.id]],
      ]);
      const results = await api(
        server,
        'GET',
        `${newBase}/votes/${votes[0]!.id}`,
        created.facilitator.token,
      );
      expect(
        results.body.results.map((r: { text: string; count: number; boardId: string }) => [
          r.text,
          r.count,
          r.boardId,
        ]),
      ).toEqual([
        ['Financement systémique', 2, newKamouraska.id],
        ['Revenu de base pour toutes', 1, newKamouraska.id],
      ]);
    } finally {
      screen.destroy();
    }
  });
});
