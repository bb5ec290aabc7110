// Dot voting (V1–V4): opened by the facilitator over two boards, dots placed and removed by
// anonymous voters with edit links, limits enforced by the server, counts in the forum doc.
import { readVote, type Shape } from '@carton/board';
import { describe, expect, it } from 'vitest';
import type { CartonServer } from '../support/server.ts';
import { connect, docUntil, forumSuite, type CreatedForum } from './helpers.ts';
import { api, connectForum, createSeedForum } from './forum-support.ts';

let server: CartonServer;
let forum: CreatedForum;
forumSuite(createSeedForum, (started, created) => {
  server = started;
  forum = created;
});

const byTerritory = (name: string) => forum.boards.find((b) => b.territory === name)!;

/** Writes notes on a board as its participants would, and returns their ids. */
async function writeNotes(boardId: string, token: string, texts: string[]): Promise<string[]> {
  const client = connect(server, boardId, token);
  await client.synced;
  const ids = client.run((tx) =>
    texts.map((text, n) => tx.create('note', { x: 2000 + n * 220, y: 0, text })),
  );
  const watcher = connect(server, boardId, token);
  await watcher.synced;
  await docUntil(watcher.doc, 'the notes', () => ids.every((id) => watcher.shape(id)));
  client.destroy();
  watcher.destroy();
  return ids;
}

describe('dot voting', () => {
  it('V1–V4: a full vote over two boards with 3 dots each', async () => {
    const kamouraska = byTerritory('Kamouraska');
    const mitis = byTerritory('La Mitis');
    const temis = byTerritory('Témiscouata');
    const [participation, accompagnement] = await writeNotes(kamouraska.id, kamouraska.edit.token, [
      'Participation citoyenne',
      'Accompagnement',
    ]);
    const [leadership] = await writeNotes(mitis.id, mitis.edit.token, ['Bon leadership']);
    const [outside] = await writeNotes(temis.id, temis.edit.token, ['Financement systémique']);
    const base = `/api/forums/${forum.forum.id}/votes`;

    const opened = await api(server, 'POST', base, forum.facilitator.token, {
      title: 'Nos incontournables',
      boardIds: [kamouraska.id, mitis.id],
      dotsPerParticipant: 3,
    });
    expect(opened.status).toBe(201);
    const voteId = opened.body.vote.id as string;
    expect(opened.body.vote).toMatchObject({ state: 'open', dotsPerParticipant: 3, counts: {} });

    const screen = connectForum(server, forum.forum.id, kamouraska.view.token);
    await screen.synced;
    expect(readVote(screen.doc, voteId)?.title).toBe('Nos incontournables');

    const amelie = 'voter-amelie-0001';
    const bruno = 'voter-bruno-00002';
    const dot = (method: string, token: string, body: unknown) =>
      api(server, method, `${base}/${voteId}/dots`, token, body);
    const place = (voterId: string, boardId: string, shapeId: string) =>
      dot('POST', kamouraska.edit.token, { boardId, shapeId, voterId });

    // Amélie: two dots on one note, one on another; a fourth is refused.
    expect((await place(amelie, kamouraska.id, participation!)).status).toBe(201);
    expect((await place(amelie, kamouraska.id, participation!)).status).toBe(201);
    const third = await place(amelie, mitis.id, leadership!);
    expect(third.status).toBe(201);
    expect(third.body.remaining).toBe(0);
    const fourth = await place(amelie, kamouraska.id, accompagnement!);
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.code).toBe('no_dots_left');
    // She takes one back, and may place it elsewhere.
    const removed = await dot('DELETE', kamouraska.edit.token, {
      boardId: kamouraska.id,
      shapeId: participation,
      voterId: amelie,
    });
    expect(removed.status).toBe(200);
    expect(removed.body.remaining).toBe(1);
    expect((await place(amelie, kamouraska.id, accompagnement!)).status).toBe(201);

    // Bruno (La Mitis' link): one dot, then removed, then two.
    const viaMitis = (voterId: string, boardId: string, shapeId: string) =>
      dot('POST', mitis.edit.token, { boardId, shapeId, voterId });
    expect((await viaMitis(bruno, kamouraska.id, participation!)).status).toBe(201);
    const unvoteViaMitis = () =>
      dot('DELETE', mitis.edit.token, {
        boardId: kamouraska.id,
        shapeId: participation,
        voterId: bruno,
      });
    expect((await unvoteViaMitis()).status).toBe(200);
    expect((await unvoteViaMitis()).status).toBe(404);
    expect((await viaMitis(bruno, kamouraska.id, participation!)).status).toBe(201);
    expect((await viaMitis(bruno, mitis.id, leadership!)).status).toBe(201);

    // Refusals: a board not in the vote, a shape that is not a note, a view link, a bad voter id.
    expect((await place(bruno, temis.id, outside!)).body.error.code).toBe('board_not_in_vote');
    const carton = (
      (await api(server, 'GET', `/api/boards/${kamouraska.id}/export.json`, kamouraska.view.token))
        .body.shapes as Shape[]
    ).find((s) => s.type === 'carton')!;
    const notNote = await place(bruno, kamouraska.id, carton.id);
    expect(notNote.status).toBe(400);
    expect(notNote.body.error.code).toBe('not_a_note');
    expect((await place(bruno, kamouraska.id, 'shape:nope')).body.error.code).toBe('not_a_note');
    expect(
      (
        await dot('POST', kamouraska.view.token, {
          boardId: kamouraska.id,
          shapeId: participation,
          voterId: bruno,
        })
      ).status,
    ).toBe(403);
    expect((await place('x', kamouraska.id, participation!)).status).toBe(400);

    const mine = await api(
      server,
      'GET',
      `${base}/${voteId}/mine?voterId=${amelie}`,
      kamouraska.edit.token,
    );
    expect(mine.body.dots).toHaveLength(3);
    expect(mine.body.remaining).toBe(0);

    // Counts reach every screen through the forum doc (no voter ids in it).
    const key = (boardId: string, shapeId: string) => `${boardId}/${shapeId}`;
    await docUntil(screen.doc, 'the counts', () => {
      const counts = readVote(screen.doc, voteId)?.counts ?? {};
      return (
        counts[key(kamouraska.id, participation!)] === 2 && counts[key(mitis.id, leadership!)] === 2
      );
    });
    expect(readVote(screen.doc, voteId)?.counts).toEqual({
      [key(kamouraska.id, participation!)]: 2,
      [key(kamouraska.id, accompagnement!)]: 1,
      [key(mitis.id, leadership!)]: 2,
    });
    expect(JSON.stringify(screen.doc.getMap('forum').toJSON())).not.toContain('amelie');

    // Results hidden from participants while open; closing ranks them.
    expect(
      (await api(server, 'GET', `${base}/${voteId}`, kamouraska.edit.token)).body.results,
    ).toBeNull();
    expect(
      (await api(server, 'POST', `${base}/${voteId}/close`, kamouraska.edit.token)).status,
    ).toBe(403);
    const closed = await api(server, 'POST', `${base}/${voteId}/close`, forum.facilitator.token);
    expect(closed.status).toBe(200);
    expect(closed.body.vote.state).toBe('closed');
    const results = closed.body.results as Array<{
      text: string;
      count: number;
      territory: string;
    }>;
    expect(results.map((r) => [r.text, r.count, r.territory])).toEqual([
      ['Bon leadership', 2, 'La Mitis'],
      ['Participation citoyenne', 2, 'Kamouraska'],
      ['Accompagnement', 1, 'Kamouraska'],
    ]);
    await docUntil(screen.doc, 'closed', () => readVote(screen.doc, voteId)?.state === 'closed');
    const late = await place('voter-late-000003', kamouraska.id, participation!);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('vote_closed');
    const publicResults = await api(server, 'GET', `${base}/${voteId}`, kamouraska.view.token);
    expect(publicResults.body.results).toHaveLength(3);
    screen.destroy();
  });
});
