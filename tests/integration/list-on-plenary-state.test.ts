// C10: where « Les incontournables » are placed is read from the server's record and the
// plenary, so the forum page knows it after a reload (a fresh GET of the compilation) and after
// the forum archive is imported again (the restore keeps the area and its notes, and the
// manifest the record) — not only from its own click on « Mettre la liste sur la plénière ».
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import { type CreatedForum } from './helpers.ts';
import {
  api,
  createSeedForum,
  forumArchive,
  importArchive,
  placeList,
  plenaryOf,
  writeNotes,
} from './forum-support.ts';

let server: CartonServer;
let forum: CreatedForum;
/** When the first test placed the list, as the server said. */
let placedAt = 0;

const compilation = (f: CreatedForum) =>
  api(server, 'GET', `/api/forums/${f.forum.id}/compilation`, f.facilitator.token);

beforeAll(async () => {
  server = await startServer();
  forum = await createSeedForum(server, ['Kamouraska', 'La Mitis']);
  const kamouraska = forum.boards.find((b) => b.territory === 'Kamouraska')!;
  await writeNotes(server, kamouraska.id, kamouraska.edit.token, [
    'Participation citoyenne',
    'Bon leadership',
    'Plaisir',
  ]);
});

afterAll(async () => {
  await server?.dispose();
});

describe('C10: the list’s place on the plenary, as the server reads it', () => {
  it('is null before the list is placed, then says the plenary, the area and its ideas on a fresh read', async () => {
    const before = await compilation(forum);
    expect(before.status).toBe(200);
    expect(before.body.onPlenary).toBeNull();

    const sent = Date.now();
    const placed = await placeList(server, forum);
    expect(placed.status).toBe(200);

    // The forum page reloaded: nothing of its click is left, the server says where the list is.
    const after = await compilation(forum);
    const answered = Date.now();
    expect(after.body.onPlenary).toEqual({
      boardId: plenaryOf(forum).id,
      areaId: placed.body.areaId,
      ideas: 3,
      placedAt: expect.any(Number),
    });
    // When it was placed (the server's clock, this machine's): a vote opened before is not the
    // list's (the forum page).
    placedAt = after.body.onPlenary.placedAt as number;
    expect(placedAt).toBeGreaterThanOrEqual(sent);
    expect(placedAt).toBeLessThanOrEqual(answered);
    // Placed again with nothing changed: the list on the plenary is the one placed then.
    const again = await placeList(server, forum);
    expect(again.body).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 3 });
    expect((await compilation(forum)).body.onPlenary.placedAt).toBe(placedAt);
  });

  it('after the forum archive is imported again: the imported plenary holds the list', async () => {
    const response = await importArchive(server, await forumArchive(server, forum));
    expect(response.status).toBe(201);
    const imported = (await response.json()) as CreatedForum;
    expect(imported.forum.id).not.toBe(forum.forum.id);
    const read = await compilation(imported);
    expect(read.status).toBe(200);
    // The archive keeps when the list was placed (its votes keep their opening times too).
    expect(read.body.onPlenary).toMatchObject({
      boardId: plenaryOf(imported).id,
      ideas: 3,
      placedAt,
    });
    expect(read.body.onPlenary.areaId).toMatch(/^shape:incontournables-/);
  });
});
