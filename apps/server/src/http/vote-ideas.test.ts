// V1's `ideas`: a closed vote's dots by idea — the same idea on several notes and boards is one
// line with its dots added up (C1, the facilitator's merges C3), ideas set aside (C7) are left
// out. The projector's « Résultats du vote » and the forum page rank these, as « Les
// incontournables » do. A real server on port 0 with its SQLite file.
import { Board, SERVER_ORIGIN } from '@carton/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWN_KEY_MAX, SHOWN_TEXT_MAX } from '../facilitation/shown-text.ts';
import type { CreatedForum } from '../forums/create-forum.ts';
import { startLoggedServer, type LoggedServer } from '../testing/logged-server.ts';
import type { RunningServer } from './server.ts';
import { postForum } from './test-forum.ts';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers by shape
type Answer = { status: number; body: Record<string, any> };

const QUESTION = 'Qu’est-ce qui est incontournable pour vous ?';

describe('V1: a vote’s results by idea', () => {
  let logged: LoggedServer;
  let server: RunningServer;
  let forum: CreatedForum;
  const notes: Record<string, { boardId: string; shapeId: string; token: string }> = {};
  const board = (territory: string) => forum.boards.find((b) => b.territory === territory)!;

  const api = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/forums/${forum.forum.id}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  const write = async (territory: string, texts: Record<string, string>) => {
    const { id, edit } = board(territory);
    await server.relay.changeBoard(id, (doc) => {
      const model = new Board(doc);
      model.run((tx) => {
        Object.entries(texts).forEach(([name, text], n) => {
          const shapeId = tx.create('note', { x: 2000 + n * 300, y: 0, text });
          notes[name] = { boardId: id, shapeId, token: edit.token };
        });
      }, SERVER_ORIGIN);
      model.destroy();
    });
  };

  beforeAll(async () => {
    logged = await startLoggedServer('vote-ideas');
    server = logged.server;
    forum = await postForum(server.url, {
      title: 'Forum des Alliances',
      territories: ['Kamouraska', 'La Mitis'],
    });
    await write('Kamouraska', {
      participation: 'Participation citoyenne',
      leadership: 'Bon leadership',
      question: QUESTION,
    });
    await write('La Mitis', {
      sameWords: 'participation citoyenne !',
      otherWords: 'La participation citoyenne',
    });
  });

  afterAll(async () => {
    await logged?.close();
  });

  it('adds up the dots of one idea written on several notes, merges included, set-aside left out', async () => {
    const merged = await api('PUT', '/compilation', forum.facilitator.token, {
      merges: { 'la participation citoyenne': 'participation citoyenne' },
      setAside: { 'qu est ce qui est incontournable pour vous': true },
    });
    expect(merged.status).toBe(200);
    const opened = await api('POST', '/votes', forum.facilitator.token, {
      title: 'Nos incontournables',
      boardIds: [board('Kamouraska').id, board('La Mitis').id],
      dotsPerParticipant: 3,
    });
    const voteId = opened.body['vote'].id as string;
    const dots: [string, string][] = [
      ['voter-helene-01', 'leadership'],
      ['voter-pierre-02', 'leadership'],
      ['voter-sylvain-3', 'leadership'],
      ['voter-helene-01', 'participation'],
      ['voter-pierre-02', 'sameWords'],
      ['voter-sylvain-3', 'otherWords'],
      ['voter-sylvain-3', 'otherWords'],
      ['voter-helene-01', 'question'],
    ];
    for (const [voterId, name] of dots) {
      const { boardId, shapeId, token } = notes[name]!;
      const placed = await api('POST', `/votes/${voteId}/dots`, token, {
        boardId,
        shapeId,
        voterId,
      });
      expect(placed.status).toBe(201);
    }
    // While open, a participant's link sees neither ranking.
    const early = await api('GET', `/votes/${voteId}`, board('La Mitis').view.token);
    expect([early.body['results'], early.body['ideas']]).toEqual([null, null]);

    const closed = await api('POST', `/votes/${voteId}/close`, forum.facilitator.token);
    expect(closed.status).toBe(200);
    // Note by note, « Bon leadership » leads: the idea written three ways is split in three.
    expect(closed.body['results'][0]).toMatchObject({ text: 'Bon leadership', count: 3 });
    const expected = [
      {
        key: 'participation citoyenne',
        text: 'Participation citoyenne',
        count: 3,
        sources: ['Kamouraska', 'La Mitis'],
        votes: 4,
      },
      {
        key: 'bon leadership',
        text: 'Bon leadership',
        count: 1,
        sources: ['Kamouraska'],
        votes: 3,
      },
    ];
    expect(closed.body['ideas']).toEqual(expected);
    // The projector reads it with the plenary's link once the vote is closed.
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const read = await api('GET', `/votes/${voteId}`, plenary.view.token);
    expect(read.body['ideas']).toEqual(expected);
  });

  it("reads each board's doc once for a vote's results, not once per dotted note", async () => {
    const texts = Object.fromEntries(
      Array.from({ length: 24 }, (_, n) => [`idea${n}`, `Idée numéro ${n}`]),
    );
    await write('Kamouraska', texts);
    const opened = await api('POST', '/votes', forum.facilitator.token, {
      title: 'Toutes les idées',
      boardIds: [board('Kamouraska').id],
      dotsPerParticipant: 12,
    });
    const voteId = opened.body['vote'].id as string;
    for (let n = 0; n < 24; n++) {
      const { boardId, shapeId, token } = notes[`idea${n}`]!;
      const voterId = n < 12 ? 'voter-first-01' : 'voter-second-2';
      const placed = await api('POST', `/votes/${voteId}/dots`, token, {
        boardId,
        shapeId,
        voterId,
      });
      expect(placed.status).toBe(201);
    }
    // Unloaded, each read rebuilds the board's doc from storage: per dot, a closed vote's 400
    // dots on two boards of 2,000 notes held the event loop 22 s for one GET of any link.
    const reads: string[] = [];
    const withBoardDoc = server.relay.withBoardDoc.bind(server.relay);
    server.relay.withBoardDoc = (roomId, read) => (reads.push(roomId), withBoardDoc(roomId, read));
    try {
      const answer = await api('POST', `/votes/${voteId}/close`, forum.facilitator.token);
      expect(answer.body['results']).toHaveLength(24);
      expect(answer.body['ideas']).toHaveLength(24);
      expect(answer.body['results'][0]).toMatchObject({ count: 1, text: 'Idée numéro 0' });
    } finally {
      server.relay.withBoardDoc = withBoardDoc;
    }
    expect(reads.filter((roomId) => roomId === board('Kamouraska').id)).toHaveLength(1);
  });

  it("computes a closed vote's rankings once for the links that read them, again after a merge", async () => {
    await write('La Mitis', { bus: 'Transport collectif', theBus: 'Le transport collectif' });
    const opened = await api('POST', '/votes', forum.facilitator.token, {
      title: 'Le transport',
      boardIds: [board('La Mitis').id],
      dotsPerParticipant: 2,
    });
    const voteId = opened.body['vote'].id as string;
    for (const name of ['bus', 'theBus']) {
      const { boardId, shapeId, token } = notes[name]!;
      await api('POST', `/votes/${voteId}/dots`, token, {
        boardId,
        shapeId,
        voterId: 'voter-bus-0001',
      });
    }
    expect((await api('POST', `/votes/${voteId}/close`, forum.facilitator.token)).status).toBe(200);
    const reads: string[] = [];
    const withBoardDoc = server.relay.withBoardDoc.bind(server.relay);
    server.relay.withBoardDoc = (roomId, read) => (reads.push(roomId), withBoardDoc(roomId, read));
    const mitisReads = () => reads.filter((roomId) => roomId === board('La Mitis').id).length;
    const ideas = async () =>
      (await api('GET', `/votes/${voteId}`, board('Kamouraska').view.token)).body['ideas'] as {
        text: string;
        votes: number;
      }[];
    try {
      // Read by every link as often as it likes: the close computed it, the reads reuse it.
      for (let i = 0; i < 3; i++) {
        expect((await ideas()).map((idea) => idea.votes)).toEqual([1, 1]);
      }
      expect(mitisReads()).toBe(0);
      const merged = await api('PUT', '/compilation', forum.facilitator.token, {
        merges: { 'le transport collectif': 'transport collectif' },
      });
      expect(merged.status).toBe(200);
      reads.length = 0;
      expect(await ideas()).toMatchObject([{ text: 'Transport collectif', votes: 2 }]);
      expect(mitisReads()).toBe(1);
    } finally {
      server.relay.withBoardDoc = withBoardDoc;
    }
  });

  it('reads the boards one at a time, letting the event loop go between them', async () => {
    const opened = await api('POST', '/votes', forum.facilitator.token, {
      title: 'Deux tableaux',
      boardIds: [board('Kamouraska').id, board('La Mitis').id],
      dotsPerParticipant: 1,
    });
    const voteId = opened.body['vote'].id as string;
    const { boardId, shapeId, token } = notes['participation']!;
    await api('POST', `/votes/${voteId}/dots`, token, {
      boardId,
      shapeId,
      voterId: 'voter-alone-01',
    });
    // What else the server has to do (a relayed edit) runs between two boards' reads: read all
    // at once, ten unloaded boards of 10,000 notes held every board's sync 15 s.
    const events: string[] = [];
    const withBoardDoc = server.relay.withBoardDoc.bind(server.relay);
    server.relay.withBoardDoc = (roomId, read) =>
      withBoardDoc(roomId, (doc) => {
        if (roomId === board('Kamouraska').id) setImmediate(() => events.push('other work'));
        events.push(roomId);
        return read(doc);
      });
    try {
      const answer = await api('POST', `/votes/${voteId}/close`, forum.facilitator.token);
      expect(answer.body['ideas']).toHaveLength(1);
    } finally {
      server.relay.withBoardDoc = withBoardDoc;
    }
    const boards = [board('Kamouraska').id, board('La Mitis').id];
    expect(events.filter((event) => event === 'other work' || boards.includes(event))).toEqual([
      board('Kamouraska').id,
      'other work',
      board('La Mitis').id,
    ]);
  });

  it('answers what a reader shows of long notes, not their 10,000 characters', async () => {
    // 40 notes of 10,000 characters, each with a dot: the whole words made the answer 800 kB
    // (1,200 such notes, 36 MB, fetched by every projector and forum page at each merge).
    const filler = 'Des logements abordables près des services, ';
    const texts = Object.fromEntries(
      Array.from({ length: 40 }, (_, n) => {
        const text = `Idée longue ${n} : ${filler.repeat(300)}`.slice(0, 10_000);
        return [`long${n}`, text];
      }),
    );
    await write('La Mitis', texts);
    const opened = await api('POST', '/votes', forum.facilitator.token, {
      title: 'Les longues cartes',
      boardIds: [board('La Mitis').id],
      dotsPerParticipant: 20,
    });
    const voteId = opened.body['vote'].id as string;
    for (let n = 0; n < 40; n++) {
      const { boardId, shapeId, token } = notes[`long${n}`]!;
      const voterId = n < 20 ? 'voter-long-0001' : 'voter-long-0002';
      const placed = await api('POST', `/votes/${voteId}/dots`, token, {
        boardId,
        shapeId,
        voterId,
      });
      expect(placed.status).toBe(201);
    }
    expect((await api('POST', `/votes/${voteId}/close`, forum.facilitator.token)).status).toBe(200);
    const response = await fetch(`${server.url}/api/forums/${forum.forum.id}/votes/${voteId}`, {
      headers: { Authorization: `Bearer ${board('Kamouraska').view.token}` },
    });
    const raw = await response.text();
    const body = JSON.parse(raw) as Answer['body'];
    const results = body['results'] as { text: string }[];
    const ideas = body['ideas'] as { key: string; text: string }[];
    expect(results).toHaveLength(40);
    expect(ideas).toHaveLength(40);
    for (const entry of [...results, ...ideas]) {
      expect(entry.text.length).toBeLessThanOrEqual(SHOWN_TEXT_MAX);
      expect(entry.text).toMatch(/^Idée longue \d+ : Des logements abordables .*…$/);
    }
    expect(new Set(ideas.map((idea) => idea.key)).size).toBe(40);
    for (const idea of ideas) expect(idea.key.length).toBeLessThanOrEqual(SHOWN_KEY_MAX);
    // At most 1,200 bytes a dotted note, both rankings and their places and counts included.
    expect(Buffer.byteLength(raw)).toBeLessThan(40 * 1200);
  });
});
