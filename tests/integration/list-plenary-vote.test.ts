// C6 with C10: the room's vote on « Les incontournables » placed on the plenary comes back into
// the list. Against the built server: the list placed, a morning vote on the territories, then
// the vote on the plenary's list (one original note dotted in it too) closed; the compilation,
// its Markdown and CSV and the forum archive's files are placed by that vote alone, each dot
// counted once, for the idea its note was placed for (reworded, or rewritten by someone).
import { describe, expect, it } from 'vitest';
import { localOrigin, type Shape } from '@carton/board';
import type { CartonServer } from '../support/server.ts';
import {
  authFetch,
  connect,
  docUntil,
  exportJson,
  forumSuite,
  unzip,
  type CreatedForum,
} from './helpers.ts';
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

async function notesOf(boardId: string): Promise<Extract<Shape, { type: 'note' }>[]> {
  const file = (await (await exportJson(server, boardId, forum.facilitator.token)).json()) as {
    shapes: Shape[];
  };
  return file.shapes.filter((s) => s.type === 'note') as Extract<Shape, { type: 'note' }>[];
}

describe('C6: the plenary’s vote on the list places « Les incontournables »', () => {
  it('the compilation, the downloads and the archive carry the places of the vote closed last', async () => {
    const base = `/api/forums/${forum.forum.id}`;
    const token = forum.facilitator.token;
    const kam = forum.boards.find((b) => b.territory === 'Kamouraska')!;
    const mitis = forum.boards.find((b) => b.territory === 'La Mitis')!;
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    // Kamouraska's first note is lowercase; most of the idea's notes are not (C2's words).
    await writeNotes(server, kam.id, kam.edit.token, [
      'participation citoyenne',
      'Bon leadership',
      'Plaisir',
    ]);
    await writeNotes(server, mitis.id, mitis.edit.token, [
      'Participation citoyenne',
      'Participation  citoyenne',
      'Transport collectif',
    ]);
    const reworded = await api(server, 'PUT', `${base}/compilation`, token, {
      wordings: { 'transport collectif': 'Un transport collectif pour tous' },
    });
    expect(reworded.status).toBe(200);
    const dot = (voteId: string, boardId: string, shapeId: string, voter: string) =>
      api(server, 'POST', `${base}/votes/${voteId}/dots`, token, {
        boardId,
        shapeId,
        voterId: `voter-${voter}-0001`,
      }).then((answer) => expect(answer.status).toBe(201));
    const open = async (title: string, boardIds: string[]) => {
      const answer = await api(server, 'POST', `${base}/votes`, token, {
        title,
        boardIds,
        dotsPerParticipant: 3,
      });
      expect(answer.status).toBe(201);
      return answer.body.vote.id as string;
    };
    const close = async (voteId: string) =>
      expect((await api(server, 'POST', `${base}/votes/${voteId}/close`, token)).status).toBe(200);

    // A morning vote on the territories' notes: « Plaisir » 3 dots.
    const kamNotes = await notesOf(kam.id);
    const byText = (notes: { id: string; text: string }[], text: string) =>
      notes.find((n) => n.text === text)!.id;
    const morning = await open('Priorités des territoires', [kam.id, mitis.id]);
    for (let n = 0; n < 3; n++) await dot(morning, kam.id, byText(kamNotes, 'Plaisir'), 'lea');
    await close(morning);

    // The list on the plenary, in the words it reads with.
    expect((await api(server, 'POST', `${base}/compilation/plenary`, token, {})).status).toBe(200);
    const placed = (await notesOf(plenary.id)).filter((n) =>
      n.id.startsWith('shape:incontournable-'),
    );
    expect(placed.map((n) => n.text).sort()).toEqual([
      'Bon leadership',
      'Participation citoyenne',
      'Plaisir',
      'Un transport collectif pour tous',
    ]);
    // Someone at the plenary rewrites the leadership note: still the idea it was placed for.
    const someone = connect(server, plenary.id, plenary.edit.token);
    await someone.synced;
    const leadership = byText(placed, 'Bon leadership');
    someone.board.run(
      (tx) => tx.update(leadership, { text: 'Leadership, mais partagé' }),
      localOrigin('user-plenary-louise'),
    );
    const watcher = connect(server, plenary.id, token);
    await watcher.synced;
    await docUntil(watcher.doc, 'the rewrite', () => {
      const note = watcher.board.getShape(leadership);
      return note?.type === 'note' && note.text === 'Leadership, mais partagé';
    });
    someone.destroy();
    watcher.destroy();

    // The room's vote on the list (and on Kamouraska's notes, in the same vote).
    const onList = await open('Les incontournables', [plenary.id, kam.id]);
    for (let n = 0; n < 3; n++)
      await dot(onList, plenary.id, byText(placed, 'Un transport collectif pour tous'), 'ali');
    await dot(onList, plenary.id, leadership, 'bea');
    await dot(onList, plenary.id, byText(placed, 'Participation citoyenne'), 'bea');
    await dot(onList, kam.id, byText(kamNotes, 'participation citoyenne'), 'bea');

    // Still open: the morning vote places the list.
    const before = await api(server, 'GET', `${base}/compilation`, token);
    expect(before.body.rankedBy).toEqual({ voteId: morning, title: 'Priorités des territoires' });
    expect(before.body.items[0]).toMatchObject({ text: 'Plaisir', votes: 3 });

    await close(onList);
    const after = await api(server, 'GET', `${base}/compilation`, token);
    expect(after.body.rankedBy).toEqual({ voteId: onList, title: 'Les incontournables' });
    // One vote, one ranking: the morning's dots on « Plaisir » are not added; the placed
    // notes are no notes of the ideas (3 fois, not 4); each dot counted once.
    expect(
      (after.body.items as { text: string; votes: number; count: number }[]).map((i) => [
        i.text,
        i.votes,
        i.count,
      ]),
    ).toEqual([
      ['Un transport collectif pour tous', 3, 1],
      ['Participation citoyenne', 2, 3],
      ['Bon leadership', 1, 1],
      ['Plaisir', 0, 1],
    ]);

    const markdown = (await api(server, 'GET', `${base}/compilation.md`, token)).text;
    expect(markdown).toContain('_Vote\u00a0: «\u00a0Les incontournables\u00a0»._');
    expect(markdown).toContain(
      '\n1. **Un transport collectif pour tous** — 1 fois · La Mitis · 3 points\n' +
        '2. **Participation citoyenne** — 3 fois · Kamouraska, La Mitis · 2 points\n' +
        '3. **Bon leadership** — 1 fois · Kamouraska · 1 point\n\n' +
        '- **Plaisir** — 1 fois · Kamouraska · sans point\n',
    );
    const csv = (await api(server, 'GET', `${base}/compilation.csv`, token)).text;
    expect(csv).toContain('\r\nUn transport collectif pour tous,1,La Mitis,La Mitis,3\r\n');
    expect(csv).toContain('\r\nPlaisir,1,Kamouraska,Kamouraska,0\r\n');

    const zip = await authFetch(server, `${base}/archive.zip`, token);
    expect(zip.status).toBe(200);
    const files = unzip(Buffer.from(await zip.arrayBuffer()));
    const archived = [...files].find(([name]) => name.endsWith('incontournables.md'))?.[1];
    expect(archived?.toString('utf8')).toContain(
      '1. **Un transport collectif pour tous** — 1 fois · La Mitis · 3 points\n',
    );
    const archivedCsv = [...files].find(([name]) => name.endsWith('incontournables.csv'))?.[1];
    expect(archivedCsv?.toString('utf8')).toContain('Bon leadership,1,Kamouraska,Kamouraska,1');
  });
});
