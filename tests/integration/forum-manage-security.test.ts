// The facilitator's corrections (R55–R57) and the lost-link command (L4) seen from an
// attacker's side: every token that is not this forum's facilitator's is refused in plain JSON,
// hostile names are refused, concurrent corrections cannot duplicate a territory, a removed
// board takes no more dots, and a replaced facilitator link loses its open sockets too.
import { describe, expect, it } from 'vitest';
import type { CartonServer } from '../support/server.ts';
import {
  connect,
  createForum as createAnyForum,
  forumSuite,
  type CreatedForum,
} from './helpers.ts';
import { api, connectForum, createSeedForum } from './forum-support.ts';
import { facilitatorLink } from '../support/cli.ts';

let server: CartonServer;
let forum: CreatedForum;
forumSuite(
  (s) => createSeedForum(s, ['Kamouraska', 'La Mitis', 'Témiscouata', 'Rimouski-Neigette']),
  (started, created) => {
    server = started;
    forum = created;
  },
);

const forumPath = () => `/api/forums/${forum.forum.id}`;
const byTerritory = (name: string) => forum.boards.find((b) => b.territory === name)!;
const plenary = () => forum.boards.find((b) => b.kind === 'plenary')!;

const closedWith = (client: ReturnType<typeof connect>) =>
  new Promise<number>((resolve) =>
    client.provider.once('closed', (event: { code: number }) => resolve(event.code)),
  );

describe('R55–R57 refuse every token but the forum facilitator’s', () => {
  it('R55, R56, R57: edit, view, plenary, another forum’s facilitator, malformed, absent', async () => {
    const other = await createAnyForum(server);
    const board = byTerritory('La Mitis');
    const cases: Array<[string | null, number, string]> = [
      [board.edit.token, 403, 'forbidden'],
      [board.view.token, 403, 'forbidden'],
      [plenary().edit.token, 403, 'forbidden'],
      [other.facilitator.token, 403, 'forbidden'],
      ['not-a-token', 401, 'invalid_token'],
      ['A'.repeat(43), 401, 'invalid_token'],
      [null, 401, 'missing_token'],
    ];
    const requests: Array<[string, string, unknown]> = [
      ['PATCH', forumPath(), { title: 'Volé' }],
      ['PATCH', `${forumPath()}/boards/${board.id}`, { title: 'Volé' }],
      ['DELETE', `${forumPath()}/boards/${board.id}`, undefined],
    ];
    for (const [method, path, body] of requests) {
      for (const [token, status, code] of cases) {
        const answer = await api(server, method, path, token, body);
        expect({ method, status: answer.status, code: answer.body?.error?.code }).toEqual({
          method,
          status,
          code,
        });
        expect(typeof answer.body.error.message).toBe('string');
      }
    }
    // Another forum's board id in this forum's URL, with this forum's facilitator: not found.
    const foreign = other.boards.find((b) => b.kind === 'territory')!;
    for (const method of ['PATCH', 'DELETE']) {
      const answer = await api(
        server,
        method,
        `${forumPath()}/boards/${foreign.id}`,
        forum.facilitator.token,
        method === 'PATCH' ? { title: 'Volé' } : undefined,
      );
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('board_not_found');
    }
    expect(
      (await api(server, 'GET', `/api/boards/${foreign.id}`, foreign.edit.token)).body.board.title,
    ).not.toBe('Volé');
  });
});

describe('hostile names', () => {
  const hostile: Array<[string, string]> = [
    ['a NUL', 'Kamouraska\u0000'],
    ['a control character', 'Kamou\u0007raska'],
    ['a line break', 'Kamouraska\nFaux titre'],
    ['a right-to-left override', 'Kamouraska \u202Etxt.exe'],
    ['a lone surrogate', 'Kamouraska \uD800'],
    ['only invisible characters', '\u200B\u200B'],
    ['only spaces', '   '],
  ];
  for (const [what, name] of hostile) {
    it(`R24, R55, R57: a name with ${what} is refused (400 invalid_request)`, async () => {
      const board = byTerritory('Témiscouata');
      const answers = [
        await api(server, 'PATCH', forumPath(), forum.facilitator.token, { title: name }),
        await api(server, 'PATCH', `${forumPath()}/boards/${board.id}`, forum.facilitator.token, {
          title: name,
        }),
        await api(server, 'PATCH', `${forumPath()}/boards/${board.id}`, forum.facilitator.token, {
          territory: name,
        }),
        await api(server, 'POST', `${forumPath()}/boards`, forum.facilitator.token, {
          title: 'Conditions de succès — Ailleurs',
          territory: name,
        }),
        await api(server, 'POST', '/api/forums', null, { title: name }),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect(answer.body.error.code).toBe('invalid_request');
      }
    });
  }

  it('R55: emoji and markup are names like any other, stored as text', async () => {
    const board = byTerritory('Témiscouata');
    const title = '<script>alert(1)</script> Témiscouata 🌲';
    const answer = await api(
      server,
      'PATCH',
      `${forumPath()}/boards/${board.id}`,
      forum.facilitator.token,
      { title },
    );
    expect(answer.status).toBe(200);
    const listed = await api(server, 'GET', `${forumPath()}/boards`, board.view.token);
    expect(listed.body.boards.find((b: { id: string }) => b.id === board.id).title).toBe(title);
  });
});

describe('concurrent corrections', () => {
  it('R54, R55: two renames and an addition racing for one territory leave exactly one board with it', async () => {
    const fb = forum.facilitator.token;
    const answers = await Promise.all([
      api(server, 'PATCH', `${forumPath()}/boards/${byTerritory('Kamouraska').id}`, fb, {
        territory: 'La Matanie',
      }),
      api(server, 'PATCH', `${forumPath()}/boards/${byTerritory('Rimouski-Neigette').id}`, fb, {
        territory: 'la matanie',
      }),
      api(server, 'POST', `${forumPath()}/boards`, fb, {
        title: 'Conditions de succès — La Matanie',
        territory: 'La Matanie',
        template: true,
      }),
    ]);
    expect(answers.filter((a) => a.status === 200 || a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual([
      'territory_taken',
      'territory_taken',
    ]);
    const listed = await api(server, 'GET', `${forumPath()}/boards`, fb);
    const matanie = listed.body.boards.filter(
      (b: { territory: string | null }) => b.territory?.toLowerCase() === 'la matanie',
    );
    expect(matanie).toHaveLength(1);
  });
});

describe('a removed board', () => {
  it('R56, V3: takes no more dots, even from another board’s edit link', async () => {
    const fb = forum.facilitator.token;
    const added = await api(server, 'POST', `${forumPath()}/boards`, fb, {
      title: 'Conditions de succès — Les Basques',
      territory: 'Les Basques',
    });
    expect(added.status).toBe(201);
    const removedId = added.body.board.id as string;
    const writer = connect(server, removedId, added.body.board.edit.token);
    await writer.synced;
    const noteId = writer.run((tx) =>
      tx.create('note', { x: 0, y: 0, text: 'Transport collectif', color: 'yellow' }),
    );
    const opened = await api(server, 'POST', `${forumPath()}/votes`, fb, {
      title: 'Priorités',
      boardIds: [removedId, byTerritory('La Mitis').id],
      dotsPerParticipant: 3,
    });
    expect(opened.status).toBe(201);
    const votesPath = `${forumPath()}/votes/${opened.body.vote.id}`;
    const before = await api(
      server,
      'POST',
      `${votesPath}/dots`,
      byTerritory('La Mitis').edit.token,
      {
        boardId: removedId,
        shapeId: noteId,
        voterId: 'appareil-67890',
      },
    );
    expect(before.status).toBe(201);
    const closed = closedWith(writer);
    expect((await api(server, 'DELETE', `${forumPath()}/boards/${removedId}`, fb)).status).toBe(
      200,
    );
    expect(await closed).toBe(4403);
    writer.destroy();
    const dot = await api(
      server,
      'POST',
      `${forumPath()}/votes/${opened.body.vote.id}/dots`,
      byTerritory('La Mitis').edit.token,
      { boardId: removedId, shapeId: noteId, voterId: 'appareil-12345' },
    );
    expect(dot.status).toBe(400);
    expect(dot.body.error.code).toBe('board_not_in_vote');
    // Its notes leave the results too (R56: it leaves votes).
    const results = await api(server, 'GET', votesPath, fb);
    expect(results.status).toBe(200);
    expect(results.body.results.map((r: { boardId: string }) => r.boardId)).not.toContain(
      removedId,
    );
  });
});

describe('a replaced facilitator link (L4)', () => {
  it('L4: the old facilitator link’s open sockets, on a board and on the forum room, are closed with 4403', async () => {
    const board = byTerritory('La Mitis');
    const onBoard = connect(server, board.id, forum.facilitator.token);
    const onForum = connectForum(server, forum.forum.id, forum.facilitator.token);
    const participant = connect(server, board.id, board.edit.token);
    await Promise.all([onBoard.synced, onForum.synced, participant.synced]);
    const closed = Promise.all([closedWith(onBoard), closedWith(onForum)]);
    await facilitatorLink(server.dataDir, forum.forum.id);
    expect(await closed).toEqual([4403, 4403]);
    expect(participant.provider.wsconnected).toBe(true);
    for (const client of [onBoard, onForum, participant]) client.destroy();
    const old = await api(server, 'GET', forumPath(), forum.facilitator.token);
    expect(old.status).toBe(401);
  });
});
