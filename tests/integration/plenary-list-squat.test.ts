// C10 edge cases: a list note kept for its dots goes once its dots are gone; a note someone
// wrote first at the id the server would give an idea (ids are digests any plenary writer can
// compute) neither hides the idea from the plenary nor takes the idea's dots.
import { describe, expect, it } from 'vitest';
import { localOrigin } from '@carton/board';
import type { CartonServer } from '../support/server.ts';
import { type CreatedForum } from './helpers.ts';
import {
  api,
  blankForum,
  blankForumSuite,
  forumWithListPlaced,
  listNoteId as computedId,
  noteOf,
  participantWrites,
  placeList,
  plenaryOf,
  plenaryShapes,
  writeNotes,
} from './forum-support.ts';

let server: CartonServer;
blankForumSuite(['Kamouraska', 'La Mitis'], (started) => {
  server = started;
});

const territoryOf = (f: CreatedForum) => f.boards.find((b) => b.territory === 'Kamouraska')!;
const place = (f: CreatedForum) => placeList(server, f);
const newForum = () => blankForum(server, ['Kamouraska', 'La Mitis']);

describe('C10: a note kept for its dots', () => {
  it('goes at the next placing once its idea has left the list and its dots are gone', async () => {
    const f = await newForum();
    const base = `/api/forums/${f.forum.id}`;
    const token = f.facilitator.token;
    const territory = territoryOf(f);
    await writeNotes(server, territory.id, territory.edit.token, ['Logement', 'Plaisir']);
    expect((await place(f)).status).toBe(200);
    const plaisir = noteOf(await plenaryShapes(server, f), 'Plaisir')!;
    const plenary = plenaryOf(f);
    const vote = await api(server, 'POST', `${base}/votes`, token, {
      title: 'Les incontournables',
      boardIds: [plenary.id],
      dotsPerParticipant: 3,
    });
    const path = `${base}/votes/${vote.body.vote.id}/dots`;
    const dot = { boardId: plenary.id, shapeId: plaisir.id, voterId: 'voter-amelie-0001' };
    expect((await api(server, 'POST', path, plenary.edit.token, dot)).status).toBe(201);
    await api(server, 'PUT', `${base}/compilation`, token, { setAside: { plaisir: true } });
    const kept = await place(f);
    expect(kept.body).toMatchObject({
      removed: 0,
      kept: [{ shapeId: plaisir.id, reason: 'dots' }],
    });
    // Amélie takes her dot back: the note is as placed, with no dot in any vote.
    expect((await api(server, 'DELETE', path, plenary.edit.token, dot)).status).toBe(200);
    const again = await place(f);
    expect(again.body).toMatchObject({ removed: 1, kept: [] });
    expect(noteOf(await plenaryShapes(server, f), 'Plaisir')).toBeUndefined();
  });
});

describe('C10: a note written first at a computed id', () => {
  it('the idea is placed all the same, the note left as its writer wrote it, and it takes none of the idea’s dots', async () => {
    const { f, territory, first } = await forumWithListPlaced(
      server,
      ['Kamouraska', 'La Mitis'],
      ['Transport collectif'],
    );
    const base = `/api/forums/${f.forum.id}`;
    const token = f.facilitator.token;
    const plenary = plenaryOf(f);
    const areaId = first.body.areaId as string;
    // A participant with the plenary's link writes a note at the id « Logement » will get.
    const squatId = computedId(areaId, 'Logement');
    await participantWrites(
      server,
      plenary,
      (hostile) =>
        hostile.board.run(
          (tx) =>
            tx.create('note', { id: squatId, x: 0, y: 0, text: 'Rien à voir', parentId: areaId }),
          localOrigin('user-plenary-hostile'),
        ),
      (watcher) => !!watcher.board.getShape(squatId),
      'the note written first',
    );
    await writeNotes(server, territory.id, territory.edit.token, ['Logement']);
    const again = await place(f);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ added: 1, removed: 0, kept: [] });
    const shapes = await plenaryShapes(server, f);
    const logement = noteOf(shapes, 'Logement');
    expect(logement).toMatchObject({ parentId: areaId });
    expect(logement!.id).not.toBe(squatId);
    expect(noteOf(shapes, 'Rien à voir')?.id).toBe(squatId);
    // Placed again: the same, nothing reported.
    expect((await place(f)).body).toMatchObject({ added: 0, removed: 0, unchanged: 2, kept: [] });

    // The room's vote on the list: 3 dots on the note written first, 1 on « Logement ».
    const vote = await api(server, 'POST', `${base}/votes`, token, {
      title: 'Les incontournables',
      boardIds: [plenary.id],
      dotsPerParticipant: 3,
    });
    const voteId = vote.body.vote.id as string;
    const dot = (shapeId: string, voter: string) =>
      api(server, 'POST', `${base}/votes/${voteId}/dots`, plenary.edit.token, {
        boardId: plenary.id,
        shapeId,
        voterId: `voter-${voter}-0001`,
      }).then((answer) => expect(answer.status).toBe(201));
    for (let n = 0; n < 3; n++) await dot(squatId, 'hostile');
    await dot(logement!.id, 'amelie');
    expect((await api(server, 'POST', `${base}/votes/${voteId}/close`, token)).status).toBe(200);
    const compiled = await api(server, 'GET', `${base}/compilation`, token);
    const items = compiled.body.items as { text: string; votes: number }[];
    expect(items.find((i) => i.text === 'Logement')?.votes).toBe(1);
  });
});
