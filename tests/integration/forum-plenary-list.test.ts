// C10 « Mettre la liste sur la plénière »: « Les incontournables » placed on the plenary board as
// sticky notes in a carton of their own, placed again without duplicates, with what people did
// to the notes kept; refused whole when the plenary has no room; facilitator token only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localOrigin, type Shape } from '@carton/board';
import { startServer, type CartonServer } from '../support/server.ts';
import { authFetch, connect, docUntil, forumSuite, type CreatedForum } from './helpers.ts';
import {
  api,
  blankForum,
  createSeedForum,
  placeList,
  plenaryOf,
  plenaryShapes,
  writeNotes,
} from './forum-support.ts';

let server: CartonServer;
let forum: CreatedForum;
forumSuite(
  (started) => createSeedForum(started, ['Kamouraska', 'La Mitis']),
  (started, created) => {
    server = started;
    forum = created;
  },
);

const areaOf = (shapes: Shape[]) =>
  shapes.find((s) => s.type === 'carton' && s.title === 'Les incontournables') as Extract<
    Shape,
    { type: 'carton' }
  >;
const listNotes = (shapes: Shape[]) => {
  const area = areaOf(shapes);
  return shapes
    .filter((s) => s.type === 'note' && s.parentId === area.id)
    .sort((a, b) => a.y - b.y || a.x - b.x) as Extract<Shape, { type: 'note' }>[];
};

beforeAll(async () => {
  const board = (name: string) => forum.boards.find((b) => b.territory === name)!;
  await writeNotes(server, board('Kamouraska').id, board('Kamouraska').edit.token, [
    'Participation citoyenne',
    'Bon leadership',
    'Plaisir',
  ]);
  await writeNotes(server, board('La Mitis').id, board('La Mitis').edit.token, [
    'participation  citoyenne!',
    'Implication citoyenne',
    'Mobilisation',
  ]);
  const changed = await api(
    server,
    'PUT',
    `/api/forums/${forum.forum.id}/compilation`,
    forum.facilitator.token,
    {
      merges: { mobilisation: 'implication citoyenne' },
      setAside: { plaisir: true },
      wordings: { 'implication citoyenne': 'Implication citoyenne et mobilisation' },
    },
  );
  expect(changed.status).toBe(200);
});

describe('C10: the list on the plenary', () => {
  it('places one note per idea, in the list’s order and words, in a titled area beside what the plenary holds', async () => {
    const before = await plenaryShapes(server, forum);
    const placed = await placeList(server, forum);
    expect(placed.status).toBe(200);
    expect(placed.body).toMatchObject({
      boardId: plenaryOf(forum).id,
      added: 3,
      updated: 0,
      removed: 0,
      kept: [],
    });
    const shapes = await plenaryShapes(server, forum);
    // Participation (2 notes) first, then the merged idea in the facilitator's words, once;
    // « Plaisir », set aside, is not there.
    expect(listNotes(shapes).map((n) => n.text)).toEqual([
      'Participation citoyenne',
      'Implication citoyenne et mobilisation',
      'Bon leadership',
    ]);
    const area = areaOf(shapes);
    // Nothing the plenary held is covered: the area starts right of it.
    expect(before.length).toBeGreaterThan(0);
    const right = Math.max(...before.map((s) => s.x + ('w' in s ? s.w : 0)));
    expect(area.x).toBeGreaterThan(right);
    // Notes are inside the area, none on another.
    const notes = listNotes(shapes);
    for (const note of notes) {
      expect(note.x).toBeGreaterThanOrEqual(area.x);
      expect(note.x + note.w).toBeLessThanOrEqual(area.x + area.w);
      expect(note.y + note.h).toBeLessThanOrEqual(area.y + area.h);
    }
    expect(new Set(notes.map((n) => `${n.x},${n.y}`)).size).toBe(notes.length);
  });

  it('placing again adds nothing twice, and the plenary’s notes are not counted again in the list', async () => {
    const again = await placeList(server, forum);
    expect(again.body).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 3 });
    expect(listNotes(await plenaryShapes(server, forum))).toHaveLength(3);
    // A facilitator who ticks the plenary too: the list's own notes are not ideas of the room.
    const all = forum.boards.map((b) => b.id);
    const compiled = await api(
      server,
      'PUT',
      `/api/forums/${forum.forum.id}/compilation`,
      forum.facilitator.token,
      { boardIds: all },
    );
    const items = compiled.body.items as { text: string; count: number }[];
    expect(items.map((i) => [i.text, i.count])).toEqual([
      ['Participation citoyenne', 2],
      ['Implication citoyenne et mobilisation', 2],
      ['Bon leadership', 1],
    ]);
  });

  it('a new wording is written; a note someone edited or that has dots is kept; an idea gone is removed', async () => {
    const base = `/api/forums/${forum.forum.id}`;
    const token = forum.facilitator.token;
    const notes = listNotes(await plenaryShapes(server, forum));
    const [participation, implication, leadership] = notes;
    // A participant at the plenary rewrites « Bon leadership » on the board.
    const plenary = plenaryOf(forum);
    const someone = connect(server, plenary.id, plenary.edit.token);
    await someone.synced;
    const her = localOrigin('user-plenary-louise');
    const undo = someone.board.createUndoManager(her);
    someone.board.run((tx) => tx.update(leadership!.id, { text: 'Bon leadership partagé' }), her);
    // The room votes: a dot on the merged idea.
    const vote = await api(server, 'POST', `${base}/votes`, token, {
      title: 'Nos incontournables',
      boardIds: [plenary.id],
      dotsPerParticipant: 3,
    });
    expect(vote.status).toBe(201);
    const dot = await api(
      server,
      'POST',
      `${base}/votes/${vote.body.vote.id}/dots`,
      plenary.edit.token,
      { boardId: plenary.id, shapeId: implication!.id, voterId: 'voter-amelie-0001' },
    );
    expect(dot.status).toBe(201);
    // Then the facilitator rewords all three and sets the voted one aside.
    await api(server, 'PUT', `${base}/compilation`, token, {
      wordings: {
        'participation citoyenne': 'Participation citoyenne réelle',
        'bon leadership': 'Leadership rassembleur',
        'implication citoyenne': 'Implication',
      },
      setAside: { 'implication citoyenne': true, plaisir: false },
    });
    const answer = await placeList(server, forum);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ added: 1, updated: 1, removed: 0 });
    expect(answer.body.kept).toEqual(
      expect.arrayContaining([
        { shapeId: leadership!.id, text: 'Bon leadership partagé', reason: 'edited' },
        {
          shapeId: implication!.id,
          text: 'Implication citoyenne et mobilisation',
          reason: 'dots',
        },
      ]),
    );
    await docUntil(someone.doc, 'the list placed again', () =>
      someone.board.listShapes().some((s) => s.type === 'note' && s.text === 'Plaisir'),
    );
    const texts = (id: string) => {
      const s = someone.board.getShape(id);
      return s?.type === 'note' ? s.text : null;
    };
    expect(texts(participation!.id)).toBe('Participation citoyenne réelle');
    expect(texts(leadership!.id)).toBe('Bon leadership partagé');
    expect(texts(implication!.id)).toBe('Implication citoyenne et mobilisation');
    // Her undo still takes back her own words, and only them: the server's changes stay.
    expect(undo.undo()).toBe(true);
    expect(texts(leadership!.id)).toBe('Bon leadership');
    expect(texts(participation!.id)).toBe('Participation citoyenne réelle');
    undo.destroy();
    const watcher = connect(server, plenary.id, plenary.view.token);
    await watcher.synced;
    await docUntil(watcher.doc, 'her undo on the server', () => {
      const note = watcher.board.getShape(leadership!.id);
      return note?.type === 'note' && note.text === 'Bon leadership';
    });
    watcher.destroy();
    someone.destroy();
    // Her note is the list's words again: placing again now writes the new ones on it.
    const after = await placeList(server, forum);
    expect(after.body).toMatchObject({ added: 0, updated: 1 });
    const back = listNotes(await plenaryShapes(server, forum)).find((n) => n.id === leadership!.id);
    expect(back?.text).toBe('Leadership rassembleur');

    // « Plaisir » set aside again, with no dots nor edits: its note leaves the plenary.
    await api(server, 'PUT', `${base}/compilation`, token, { setAside: { plaisir: true } });
    const removed = await placeList(server, forum);
    expect(removed.body).toMatchObject({ added: 0, removed: 1 });
    const left = listNotes(await plenaryShapes(server, forum)).map((n) => n.text);
    expect(left).not.toContain('Plaisir');
    expect(left).toHaveLength(3);
  });

  it('refuses hostile or unauthorised requests with JSON errors', async () => {
    const path = `/api/forums/${forum.forum.id}/compilation/plenary`;
    const plenary = plenaryOf(forum);
    const extra = await placeList(server, forum, { lang: 'fr-CA', boardId: plenary.id });
    expect(extra.status).toBe(400);
    expect(extra.body.error.code).toBe('invalid_request');
    const lang = await placeList(server, forum, { lang: 'de' });
    expect(lang.status).toBe(400);
    expect(lang.body.error.code).toBe('invalid_request');
    const notJson = await authFetch(server, path, forum.facilitator.token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"lang":',
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
    for (const token of [plenary.edit.token, plenary.view.token, null, 'not-a-token']) {
      const refused = await api(server, 'POST', path, token, {});
      expect([401, 403]).toContain(refused.status);
      expect(typeof refused.body.error.code).toBe('string');
    }
    const unknown = await api(
      server,
      'POST',
      '/api/forums/no-such-forum/compilation/plenary',
      forum.facilitator.token,
      {},
    );
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(typeof unknown.body.error.code).toBe('string');
  });
});

describe('C10: the plenary’s old record, written by someone else', () => {
  it('what a participant writes where the record used to be changes nothing: the list is still placed, inside its area', async () => {
    const f = await blankForum(server, ['Kamouraska', 'La Mitis']);
    const territory = f.boards.find((b) => b.territory === 'Kamouraska')!;
    await writeNotes(server, territory.id, territory.edit.token, [
      'Transport collectif',
      'Logement',
    ]);
    expect((await placeList(server, f)).status).toBe(200);
    // A participant's page on the plenary writes the root map where the record was kept before
    // it moved to the forum doc (the relay lets any writer write any root map): the next slot
    // past the page's edge, columns that are no number. The forum's record is all that counts.
    // (Before: read as lost; earlier still, every later placing 409.)
    const plenary = plenaryOf(f);
    const participant = connect(server, plenary.id, plenary.edit.token);
    await participant.synced;
    participant.doc.transact(() => {
      const root = participant.doc.getMap<unknown>('incontournables');
      root.set('nextSlot', 1e12);
      root.set('columns', Number.NaN);
    }, localOrigin('participant'));
    await writeNotes(server, territory.id, territory.edit.token, ['Sécurité alimentaire']);
    const again = await placeList(server, f);
    participant.destroy();
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ added: 1, unchanged: 2, removed: 0, kept: [] });
    const shapes = await plenaryShapes(server, f);
    expect(
      shapes.filter((s) => s.type === 'carton' && s.title === 'Les incontournables'),
    ).toHaveLength(1);
    const area = areaOf(shapes);
    const notes = listNotes(shapes);
    expect(notes.map((n) => n.text).sort()).toEqual(
      ['Logement', 'Sécurité alimentaire', 'Transport collectif'].sort(),
    );
    for (const note of notes) {
      expect(note.x + note.w).toBeLessThanOrEqual(area.x + area.w);
      expect(note.y + note.h).toBeLessThanOrEqual(area.y + area.h);
    }
    expect(new Set(notes.map((n) => `${n.x},${n.y}`)).size).toBe(3);
  });
});

describe('C10: a plenary at its size limit', () => {
  let small: CartonServer;
  let f: CreatedForum;
  beforeAll(async () => {
    small = await startServer({ env: { CARTON_MAX_BOARD_BYTES: String(16 * 1024) } });
    f = await blankForum(small, ['Kamouraska', 'La Mitis'], 'Forum plein');
    for (const board of f.boards.filter((b) => b.kind === 'territory')) {
      const long = (n: number) => `${board.territory} idée ${n} : ${'mots '.repeat(140)}`;
      await writeNotes(small, board.id, board.edit.token, [1, 2, 3, 4, 5, 6, 7, 8, 9].map(long));
    }
  });
  afterAll(() => small?.dispose());

  it('R30: refused whole (409 board_full), nothing written on the plenary', async () => {
    const before = await plenaryShapes(small, f);
    const refused = await placeList(small, f);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('board_full');
    expect(await plenaryShapes(small, f)).toEqual(before);
  });
});
