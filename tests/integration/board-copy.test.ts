// R68: « Copier vers d'autres tableaux » against the built server. The facilitator prepares a
// carton on one territory board and copies it to two others while a participant works on one
// of them: the participant receives it live, with new ids, its arrow bound to the copies, to
// the right of what the board held. Other links and hostile bodies change nothing.
import { shapeBounds, type Shape } from '@carton/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import { api, createSeedForum } from './forum-support.ts';
import {
  connect,
  docUntil,
  exportJson,
  territoryBoard,
  type Client,
  type CreatedForum,
} from './helpers.ts';

let server: CartonServer;
let forum: CreatedForum;
let otherForum: CreatedForum;
const clients: Client[] = [];

const TERRITORIES = ['Témiscouata', 'Rimouski-Neigette', 'La Mitis'];
const copyPath = (boardId: string, forumId = forum.forum.id) =>
  `/api/forums/${forumId}/boards/${boardId}/copy`;

/** The right edge of a set of shapes' page boxes. */
const rightEdge = (shapes: readonly Shape[]) =>
  Math.max(...shapes.map((s) => shapeBounds(s).x + shapeBounds(s).w));
const leftEdge = (shapes: readonly Shape[]) => Math.min(...shapes.map((s) => shapeBounds(s).x));

async function exportsOf(
  boardIds: readonly string[],
  token = forum.facilitator.token,
): Promise<unknown[]> {
  return Promise.all(boardIds.map(async (id) => (await exportJson(server, id, token)).json()));
}

beforeAll(async () => {
  server = await startServer();
  // The seed's territories, each board from the template (a carton with its two headings).
  forum = await createSeedForum(server, TERRITORIES);
  otherForum = await createSeedForum(server, ['Kamouraska']);
  // The facilitator lays out this year's carton on Témiscouata with a stock client.
  const author = connect(server, territoryBoard(forum, 'Témiscouata').id, forum.facilitator.token);
  clients.push(author);
  await author.synced;
  author.run((tx) => {
    const carton = tx.create('carton', {
      x: 1200,
      y: 0,
      w: 900,
      h: 600,
      title: 'Mes conditions de succès pour la prochaine Alliance',
    });
    const first = tx.create('note', {
      x: 1240,
      y: 120,
      text: 'Souplesse et confiance dans la gestion locale',
      parentId: carton,
    });
    const second = tx.create('note', {
      x: 1700,
      y: 120,
      text: 'Financement récurrent',
      parentId: carton,
    });
    tx.create('arrow', {
      x: 1440,
      y: 220,
      start: { x: 0, y: 0 },
      end: { x: 260, y: 0 },
      startBinding: { shapeId: first, anchor: { x: 1, y: 0.5 } },
      endBinding: { shapeId: second, anchor: { x: 0, y: 0.5 } },
    });
  });
  // Read back through a second client: the server holds it before the copy reads it.
  const check = connect(server, territoryBoard(forum, 'Témiscouata').id, forum.facilitator.token);
  clients.push(check);
  await check.synced;
  await docUntil(check.doc, 'the prepared carton', () =>
    check.board.listShapes().some((s) => s.type === 'arrow'),
  );
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.dispose();
});

describe('R68: POST /api/forums/:id/boards/:boardId/copy', () => {
  it('copies to two boards; a participant on one receives it live as one change, placed right of their carton', async () => {
    const source = territoryBoard(forum, 'Témiscouata');
    const rimouski = territoryBoard(forum, 'Rimouski-Neigette');
    const mitis = territoryBoard(forum, 'La Mitis');
    const participant = connect(server, rimouski.id, rimouski.edit.token);
    clients.push(participant);
    await participant.synced;
    const before = participant.board.listShapes();
    expect(before.length).toBeGreaterThan(0); // the template's carton
    const sourceShapes = (await exportsOf([source.id]))[0] as { shapes: Shape[] };
    let updates = 0;
    const count = () => updates++;
    participant.doc.on('update', count);

    const answer = await api(server, 'POST', copyPath(source.id), forum.facilitator.token, {
      to: [rimouski.id, mitis.id],
    });
    expect(answer.status).toBe(200);
    const created = sourceShapes.shapes.length;
    expect(answer.body).toEqual({
      copied: [
        { boardId: rimouski.id, created },
        { boardId: mitis.id, created },
      ],
      refused: [],
    });
    await docUntil(
      participant.doc,
      'the copy on Rimouski-Neigette',
      () => participant.board.listShapes().length === before.length + created,
    );
    participant.doc.off('update', count);
    expect(updates).toBe(1);

    const added = participant.board.listShapes().filter((s) => !before.some((b) => b.id === s.id));
    const sourceIds = new Set(sourceShapes.shapes.map((s) => s.id));
    expect(added.some((s) => sourceIds.has(s.id))).toBe(false);
    expect(added.map((s) => s.type).sort()).toEqual(sourceShapes.shapes.map((s) => s.type).sort());
    // The arrow binds the two copied notes, each inside the copied carton of the same title.
    const arrow = added.find((s) => s.type === 'arrow');
    const notes = added.filter((s) => s.type === 'note');
    const carton = added.find(
      (s) => s.type === 'carton' && s.title.startsWith('Mes conditions de succès'),
    );
    expect(arrow?.type === 'arrow' && arrow.startBinding?.shapeId).toBe(
      notes.find((n) => n.type === 'note' && n.text.startsWith('Souplesse'))?.id,
    );
    expect(arrow?.type === 'arrow' && arrow.endBinding?.shapeId).toBe(
      notes.find((n) => n.type === 'note' && n.text === 'Financement récurrent')?.id,
    );
    const prepared = notes.filter(
      (n) =>
        n.type === 'note' &&
        ['Financement récurrent', 'Souplesse'].some((t) => n.text.startsWith(t)),
    );
    expect(prepared).toHaveLength(2);
    expect(prepared.every((n) => n.parentId === carton?.id)).toBe(true);
    // Right of what the board held, nothing covered; the layout inside the copy unchanged.
    expect(leftEdge(added)).toBeGreaterThan(rightEdge(before));
    const dx = leftEdge(added) - leftEdge(sourceShapes.shapes);
    const sourceNote = sourceShapes.shapes.find((s) => s.type === 'note')!;
    expect(notes.some((n) => n.x === sourceNote.x + dx)).toBe(true);

    // La Mitis got it too (read from the server).
    const [mitisFile] = (await exportsOf([mitis.id])) as { shapes: Shape[] }[];
    expect(mitisFile!.shapes.filter((s) => s.type === 'arrow')).toHaveLength(1);
  });

  it('refuses the boards’ own links: a view link and an edit link are 403, nothing changes', async () => {
    const source = territoryBoard(forum, 'Témiscouata');
    const target = territoryBoard(forum, 'La Mitis');
    const before = await exportsOf([target.id]);
    for (const token of [source.view.token, source.edit.token, target.edit.token]) {
      const answer = await api(server, 'POST', copyPath(source.id), token, { to: [target.id] });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
    expect(await exportsOf([target.id])).toEqual(before);
  });

  it('answers 404 for a board of another forum as the source', async () => {
    const elsewhere = territoryBoard(otherForum, 'Kamouraska');
    const target = territoryBoard(forum, 'La Mitis');
    const answer = await api(server, 'POST', copyPath(elsewhere.id), forum.facilitator.token, {
      to: [target.id],
    });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('board_not_found');
  });

  it('refuses hostile bodies with 400, nothing changed anywhere', async () => {
    const source = territoryBoard(forum, 'Témiscouata');
    const targets = ['Rimouski-Neigette', 'La Mitis'].map((t) => territoryBoard(forum, t).id);
    const elsewhere = territoryBoard(otherForum, 'Kamouraska').id;
    const all = [source.id, ...targets];
    const before = await exportsOf(all);
    const elsewhereBefore = await exportsOf([elsewhere], otherForum.facilitator.token);
    const hostile: unknown[] = [
      { to: Array.from({ length: 500 }, () => targets[0]) },
      { to: [...targets, source.id] },
      { to: [targets[0], elsewhere] },
      { to: targets, also: 'extra' },
      { to: ['../../etc/passwd'] },
    ];
    for (const body of hostile) {
      const answer = await api(server, 'POST', copyPath(source.id), forum.facilitator.token, body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(answer.body.error.code).toBe('invalid_request');
      expect(answer.body.error.message.length).toBeGreaterThan(5);
    }
    const notJson = await fetch(`${server.url}${copyPath(source.id)}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${forum.facilitator.token}`,
        'Content-Type': 'application/json',
      },
      body: '{"to": [',
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
    expect(await exportsOf(all)).toEqual(before);
    expect(await exportsOf([elsewhere], otherForum.facilitator.token)).toEqual(elsewhereBefore);
    expect(server.output()).not.toContain(forum.facilitator.token);
  });
});
