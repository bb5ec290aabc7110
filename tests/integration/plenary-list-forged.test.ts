// C10: what the server placed on the plenary is its own to say. Any participant with the
// plenary's edit link writes any root map of that board through the stock client: a record
// kept there let them make a note of theirs the placed note of an idea (taking its dots) or
// make the server believe the list was already placed in a carton of theirs. The record now
// lives in the forum's doc (F2: participants cannot write it), travels in the forum archive,
// and an older forum's plenary record is still read until its next placing. C6 leaves out
// only the notes the record holds: a note given an id of the list's form stays an idea.
import { describe, expect, it } from 'vitest';
import { localOrigin } from '@carton/board';
import { editArchive } from '../../apps/server/src/archive/test-archives.ts';
import type { CartonServer } from '../support/server.ts';
import { docUntil, type CreatedForum } from './helpers.ts';
import {
  api,
  blankForumSuite,
  forumWithIdeas,
  forumWithListPlaced,
  connectForum,
  forumArchive,
  importArchive,
  listNoteId as computedId,
  noteOf,
  participantWrites,
  placeList,
  plenaryOf,
  plenaryShapes,
} from './forum-support.ts';

let server: CartonServer;
blankForumSuite(['Kamouraska'], (started) => {
  server = started;
});

const place = (f: CreatedForum) => placeList(server, f);
/** The ideas Kamouraska's board holds in most of these tests. */
const IDEAS = ['Logement', 'Transport collectif'];

/** The room's vote on the plenary: `dots` (shape id → dots, one voter each), then closed. */
async function voteOnPlenary(f: CreatedForum, dots: [string, number][]): Promise<string> {
  const base = `/api/forums/${f.forum.id}`;
  const plenary = plenaryOf(f);
  const opened = await api(server, 'POST', `${base}/votes`, f.facilitator.token, {
    title: 'Les incontournables',
    boardIds: [plenary.id],
    dotsPerParticipant: 5,
  });
  expect(opened.status).toBe(201);
  const voteId = opened.body.vote.id as string;
  for (const [n, [shapeId, count]] of dots.entries()) {
    for (let d = 0; d < count; d++) {
      const dot = await api(server, 'POST', `${base}/votes/${voteId}/dots`, plenary.edit.token, {
        boardId: plenary.id,
        shapeId,
        voterId: `voter-${n}-forged-0001`,
      });
      expect(dot.status).toBe(201);
    }
  }
  const closed = await api(server, 'POST', `${base}/votes/${voteId}/close`, f.facilitator.token);
  expect(closed.status).toBe(200);
  return voteId;
}

async function listVotes(f: CreatedForum): Promise<Record<string, number>> {
  const read = await api(
    server,
    'GET',
    `/api/forums/${f.forum.id}/compilation`,
    f.facilitator.token,
  );
  expect(read.status).toBe(200);
  return Object.fromEntries(
    (read.body.items as { text: string; votes: number }[]).map((i) => [i.text, i.votes]),
  );
}

describe('C10: the record of what was placed, written by a participant', () => {
  it('a note of theirs named in the plenary’s root map takes none of an idea’s dots', async () => {
    const { f, first } = await forumWithListPlaced(server, ['Kamouraska'], IDEAS);
    const areaId = first.body.areaId as string;
    const logement = noteOf(await plenaryShapes(server, f), 'Logement')!;
    // A note of theirs at the next id the server would try for « Logement », in the list's
    // area, named in the root map where the record used to be, with its words as placed.
    const forged = computedId(areaId, 'Logement', 1);
    await participantWrites(
      server,
      plenaryOf(f),
      (p) =>
        p.doc.transact(() => {
          p.board.run(
            (tx) =>
              tx.create('note', {
                id: forged,
                x: 0,
                y: 0,
                text: 'Mon idée à moi',
                parentId: areaId,
              }),
            localOrigin('user-plenary-hostile'),
          );
          p.doc.getMap<unknown>('incontournables-notes').set(forged, 'Mon idée à moi');
        }, localOrigin('user-plenary-hostile')),
      (w) => !!w.board.getShape(forged),
    );
    const voteId = await voteOnPlenary(f, [
      [forged, 3],
      [logement.id, 1],
    ]);
    // « Les incontournables »: Logement has its one dot, not the forged note's three.
    expect((await listVotes(f))['Logement']).toBe(1);
    // « Résultats du vote »: the forged note is a note of its own, « Mon idée à moi ».
    const results = await api(
      server,
      'GET',
      `/api/forums/${f.forum.id}/votes/${voteId}`,
      f.facilitator.token,
    );
    const ideas = results.body.ideas as { text: string; votes: number }[];
    expect(ideas.find((i) => i.text === 'Logement')?.votes).toBe(1);
    expect(ideas.find((i) => i.text === 'Mon idée à moi')?.votes).toBe(3);
  });

  it('a record written before the first placing does not make the server place into their carton', async () => {
    const { f } = await forumWithIdeas(server, ['Kamouraska'], IDEAS);
    const theirs = 'shape:incontournables-deleurcartonaeux00000';
    const note = computedId(theirs, 'Logement');
    await participantWrites(
      server,
      plenaryOf(f),
      (p) =>
        p.doc.transact(() => {
          p.board.run((tx) => {
            tx.create('carton', { id: theirs, x: 0, y: 0, w: 900, h: 600, title: 'Mes idées' });
            tx.create('note', { id: note, x: 60, y: 100, text: 'Logement', parentId: theirs });
          }, localOrigin('user-plenary-hostile'));
          const root = p.doc.getMap<unknown>('incontournables');
          root.set('areaId', theirs);
          root.set('columns', 2);
          root.set('nextSlot', 1);
          p.doc.getMap<unknown>('incontournables-notes').set(note, 'Logement');
        }, localOrigin('user-plenary-hostile')),
      (w) => !!w.board.getShape(note),
    );
    const placed = await place(f);
    expect(placed.status).toBe(200);
    // The server's own area, titled « Les incontournables », holding both ideas.
    expect(placed.body.areaId).not.toBe(theirs);
    expect(placed.body).toMatchObject({ added: 2, unchanged: 0, kept: [] });
    const shapes = await plenaryShapes(server, f);
    expect(shapes.find((s) => s.id === placed.body.areaId)).toMatchObject({
      type: 'carton',
      title: 'Les incontournables',
    });
    // Their carton and note are left as they wrote them.
    expect(shapes.find((s) => s.id === note)).toMatchObject({ parentId: theirs });
  });
});

describe('C6: only the notes the server placed are left out of the compilation', () => {
  it('a note a participant gives an id of the list’s form is still an idea', async () => {
    const { f, territory } = await forumWithIdeas(server, ['Kamouraska'], ['Logement']);
    const id = 'shape:incontournable-cacheeparquelquun00000';
    await participantWrites(
      server,
      territory,
      (writer) =>
        writer.board.run(
          (tx) => tx.create('note', { id, x: 0, y: 0, text: 'Sécurité alimentaire' }),
          localOrigin('user-kamouraska-1'),
        ),
      (watcher) => !!watcher.board.getShape(id),
      'the note',
    );
    expect(Object.keys(await listVotes(f)).sort()).toEqual(['Logement', 'Sécurité alimentaire']);
    // Placed on the plenary, it is one of the list's ideas too.
    const placed = await place(f);
    expect(placed.body).toMatchObject({ added: 2 });
  });
});

describe('C10: the record in the forum archive', () => {
  it('an archive imported again knows what was placed: its notes’ dots, and no one else’s', async () => {
    const { f, first } = await forumWithListPlaced(server, ['Kamouraska'], IDEAS);
    const response = await importArchive(server, await forumArchive(server, f));
    expect(response.status).toBe(201);
    const imported = (await response.json()) as CreatedForum;
    const areaId = first.body.areaId as string;
    const logement = noteOf(await plenaryShapes(server, imported), 'Logement')!;
    expect(logement.id).toBe(computedId(areaId, 'Logement'));
    // In the imported forum, a participant writes a note at Logement's next id in the area.
    const forged = computedId(areaId, 'Logement', 1);
    await participantWrites(
      server,
      plenaryOf(imported),
      (p) =>
        p.board.run(
          (tx) =>
            tx.create('note', { id: forged, x: 0, y: 0, text: 'Mon idée à moi', parentId: areaId }),
          localOrigin('user-plenary-hostile'),
        ),
      (w) => !!w.board.getShape(forged),
    );
    await voteOnPlenary(imported, [
      [logement.id, 1],
      [forged, 2],
    ]);
    expect((await listVotes(imported))['Logement']).toBe(1);
    // Placed again: the notes it placed are known, nothing doubled, theirs left alone.
    expect((await place(imported)).body).toMatchObject({ added: 0, unchanged: 2, kept: [] });
  });
});

describe('C10: a forum whose list was placed before the record moved to the forum doc', () => {
  it('is read from its plenary until the next placing, which moves it', async () => {
    const { f } = await forumWithIdeas(server, ['Kamouraska'], IDEAS);
    // The forum as an older Carton left it: no record in its doc (the facilitator's socket
    // writes it, F2), the list and its record on the plenary.
    const forum = connectForum(server, f.forum.id, f.facilitator.token);
    await forum.synced;
    forum.doc.transact(() => forum.doc.getMap<unknown>('plenary-list').clear());
    const areaId = 'shape:incontournables-anciennelistedelalli';
    const ids = ['Logement', 'Transport collectif'].map((text) => computedId(areaId, text));
    await participantWrites(
      server,
      plenaryOf(f),
      (p) =>
        p.doc.transact(() => {
          p.board.run((tx) => {
            tx.create('carton', {
              id: areaId,
              x: 0,
              y: 0,
              w: 800,
              h: 400,
              title: 'Les incontournables',
            });
            tx.create('note', { id: ids[0], x: 60, y: 100, text: 'Logement', parentId: areaId });
            tx.create('note', {
              id: ids[1],
              x: 300,
              y: 100,
              text: 'Transport collectif',
              parentId: areaId,
            });
          }, localOrigin('user-older-server'));
          const root = p.doc.getMap<unknown>('incontournables');
          root.set('areaId', areaId);
          root.set('columns', 2);
          root.set('nextSlot', 2);
          const words = p.doc.getMap<unknown>('incontournables-notes');
          words.set(ids[0]!, 'Logement');
          words.set(ids[1]!, 'Transport collectif');
        }, localOrigin('user-older-server')),
      (w) => !!w.board.getShape(ids[1]!),
    );
    const read = await api(
      server,
      'GET',
      `/api/forums/${f.forum.id}/compilation`,
      f.facilitator.token,
    );
    // When it was placed is not known: the page takes any vote over the plenary for the list's.
    expect(read.body.onPlenary).toEqual({
      boardId: plenaryOf(f).id,
      areaId,
      ideas: 2,
      placedAt: null,
    });
    // Placed again: the same area and notes, then the forum doc holds the record.
    expect((await place(f)).body).toMatchObject({ areaId, added: 0, unchanged: 2, kept: [] });
    await docUntil(
      forum.doc,
      'the forum’s record',
      () => forum.doc.getMap<unknown>('plenary-list').get('boardId') === plenaryOf(f).id,
    );
    forum.destroy();
    await voteOnPlenary(f, [[ids[0]!, 2]]);
    expect((await listVotes(f))['Logement']).toBe(2);
  });
});

describe('C10: an archive exported before the forum doc kept the record', () => {
  it('is read once from its plenary at import: dots on placed notes credited, the list known on the plenary, the plenary’s root maps never read', async () => {
    const { f, first } = await forumWithListPlaced(server, ['Kamouraska'], IDEAS);
    const areaId = first.body.areaId as string;
    const shapes = await plenaryShapes(server, f);
    const logement = noteOf(shapes, 'Logement')!;
    const transport = noteOf(shapes, 'Transport collectif')!;
    await voteOnPlenary(f, [
      [logement.id, 3],
      [transport.id, 1],
    ]);
    // As the export wrote it before 052c16c: the same board files (a board file holds shapes,
    // never the plenary's root maps), the votes, no `facilitation.plenaryList`.
    const older = editArchive(await forumArchive(server, f), (_files, manifest) => {
      expect(manifest.facilitation?.plenaryList).toMatchObject({ areaId });
      delete manifest.facilitation!.plenaryList;
    });
    const response = await importArchive(server, older);
    expect(response.status).toBe(201);
    const imported = (await response.json()) as CreatedForum;
    const plenaryId = plenaryOf(imported).id;
    // The room's dots on the placed notes count for their ideas, as before the export.
    expect(await listVotes(imported)).toEqual({ Logement: 3, 'Transport collectif': 1 });
    const read = await api(
      server,
      'GET',
      `/api/forums/${imported.forum.id}/compilation`,
      imported.facilitator.token,
    );
    expect(read.body.onPlenary).toEqual({ boardId: plenaryId, areaId, ideas: 2, placedAt: null });
    // The forum is marked: its own record, in its doc.
    const forum = connectForum(server, imported.forum.id, imported.facilitator.token);
    await forum.synced;
    expect(forum.doc.getMap<unknown>('plenary-list').toJSON()).toMatchObject({
      v: 1,
      boardId: plenaryId,
      areaId,
      nextSlot: 2,
    });
    forum.destroy();
    // What a participant of the new forum writes where the old record was changes nothing.
    await participantWrites(
      server,
      plenaryOf(imported),
      (p) =>
        p.doc.transact(() => {
          p.doc.getMap<unknown>('incontournables').set('areaId', 'shape:incontournables-autre');
          p.doc.getMap<unknown>('incontournables-notes').clear();
        }, localOrigin('user-plenary-hostile')),
      (w) => w.doc.getMap<unknown>('incontournables').get('areaId') !== undefined,
    );
    expect(await listVotes(imported)).toEqual({ Logement: 3, 'Transport collectif': 1 });
    // Placed again: the same area and notes, nothing doubled.
    expect((await place(imported)).body).toMatchObject({
      areaId,
      added: 0,
      unchanged: 2,
      kept: [],
    });
  });
});
