// V1 with C10: « Résultats du vote » (a vote's `ideas`) and « Les incontournables » rank the
// room's vote on the list placed on the plenary alike. Against the built server: a reworded
// idea (C8) and a placed note a participant rewrote; the vote on the plenary alone, as the
// forum page proposes it, closed. Each dot on a placed note counts for the idea the server
// placed it for, in the vote's results as in the compilation, never for its words.
import { describe, expect, it } from 'vitest';
import { localOrigin, type Shape } from '@carton/board';
import type { CartonServer } from '../support/server.ts';
import { connect, docUntil, exportJson, forumSuite, type CreatedForum } from './helpers.ts';
import { api, createSeedForum, writeNotes } from './forum-support.ts';

let server: CartonServer;
let forum: CreatedForum;
forumSuite(
  (started) => createSeedForum(started, ['Kamouraska', 'La Mitis']),
  (started, created) => {
    server = started;
    forum = created;
  },
);

async function notesOf(boardId: string): Promise<{ id: string; text: string }[]> {
  const file = (await (await exportJson(server, boardId, forum.facilitator.token)).json()) as {
    shapes: Shape[];
  };
  return file.shapes.flatMap((s) => (s.type === 'note' ? [{ id: s.id, text: s.text }] : []));
}

interface Line {
  key: string;
  text: string;
  count: number;
  sources: string[];
  votes: number;
}
const lines = (list: Line[]) => list.map((i) => [i.key, i.text, i.count, i.sources, i.votes]);

describe('V1: the vote on the list placed on the plenary, by idea', () => {
  it('« Résultats du vote » and « Les incontournables » agree on the same vote', async () => {
    const base = `/api/forums/${forum.forum.id}`;
    const token = forum.facilitator.token;
    const kam = forum.boards.find((b) => b.territory === 'Kamouraska')!;
    const mitis = forum.boards.find((b) => b.territory === 'La Mitis')!;
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    await writeNotes(server, kam.id, kam.edit.token, [
      'Participation citoyenne',
      'Bon leadership',
      'Plaisir',
    ]);
    await writeNotes(server, mitis.id, mitis.edit.token, [
      'Participation citoyenne',
      'Transport collectif',
    ]);
    const reworded = await api(server, 'PUT', `${base}/compilation`, token, {
      wordings: { 'transport collectif': 'Un transport collectif pour tous' },
    });
    expect(reworded.status).toBe(200);
    expect((await api(server, 'POST', `${base}/compilation/plenary`, token, {})).status).toBe(200);
    const placed = (await notesOf(plenary.id)).filter((n) =>
      n.id.startsWith('shape:incontournable-'),
    );
    const placedFor = (text: string) => placed.find((n) => n.text === text)!.id;
    const transport = placedFor('Un transport collectif pour tous');
    const leadership = placedFor('Bon leadership');
    const participation = placedFor('Participation citoyenne');

    // Someone at the plenary rewrites the leadership note in the words of another idea.
    const someone = connect(server, plenary.id, plenary.edit.token);
    await someone.synced;
    someone.board.run(
      (tx) => tx.update(leadership, { text: 'Plaisir' }),
      localOrigin('user-plenary-louise'),
    );
    const watcher = connect(server, plenary.id, token);
    await watcher.synced;
    await docUntil(watcher.doc, 'the rewrite', () => {
      const note = watcher.board.getShape(leadership);
      return note?.type === 'note' && note.text === 'Plaisir';
    });
    someone.destroy();
    watcher.destroy();

    // The room's vote on the list: the plenary alone, as the forum page proposes.
    const opened = await api(server, 'POST', `${base}/votes`, token, {
      title: 'Les incontournables',
      boardIds: [plenary.id],
      dotsPerParticipant: 3,
    });
    expect(opened.status).toBe(201);
    const voteId = opened.body.vote.id as string;
    const dot = async (shapeId: string, voter: string) =>
      expect(
        (
          await api(server, 'POST', `${base}/votes/${voteId}/dots`, token, {
            boardId: plenary.id,
            shapeId,
            voterId: `voter-${voter}-0001`,
          })
        ).status,
      ).toBe(201);
    for (let n = 0; n < 3; n++) await dot(transport, 'ali');
    await dot(leadership, 'bea');
    await dot(leadership, 'bea');
    await dot(participation, 'bea');
    const closed = await api(server, 'POST', `${base}/votes/${voteId}/close`, token);
    expect(closed.status).toBe(200);

    const compilation = await api(server, 'GET', `${base}/compilation`, token);
    expect(compilation.body.rankedBy).toEqual({ voteId, title: 'Les incontournables' });
    const list = (compilation.body.items as Line[]).filter((item) => item.votes > 0);
    expect(lines(list)).toEqual([
      ['transport collectif', 'Un transport collectif pour tous', 1, ['La Mitis'], 3],
      ['bon leadership', 'Bon leadership', 1, ['Kamouraska'], 2],
      ['participation citoyenne', 'Participation citoyenne', 2, ['Kamouraska', 'La Mitis'], 1],
    ]);
    // The close's answer and any later read: the same lines, never « 1 fois · Plénière ».
    expect(lines(closed.body.ideas as Line[])).toEqual(lines(list));
    const read = await api(server, 'GET', `${base}/votes/${voteId}`, token);
    expect(lines(read.body.ideas as Line[])).toEqual(lines(list));
  });
});
