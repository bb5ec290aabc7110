// C10: where « Les incontournables » are placed is read from the server's record and the
// plenary, so the forum page knows it after a reload (a fresh GET of the compilation) and after
// the forum archive is imported again (the restore keeps the area and its notes, and the
// manifest the record) — not only from its own click on « Mettre la liste sur la plénière ».
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import { authFetch, connect, docUntil, type CreatedForum } from './helpers.ts';
import { api, createSeedForum } from './forum-support.ts';

let server: CartonServer;
let forum: CreatedForum;
/** When the first test placed the list, as the server said. */
let placedAt = 0;

const plenaryOf = (f: CreatedForum) => f.boards.find((b) => b.kind === 'plenary')!;
const compilation = (f: CreatedForum) =>
  api(server, 'GET', `/api/forums/${f.forum.id}/compilation`, f.facilitator.token);

beforeAll(async () => {
  server = await startServer();
  forum = await createSeedForum(server, ['Kamouraska', 'La Mitis']);
  const kamouraska = forum.boards.find((b) => b.territory === 'Kamouraska')!;
  const writer = connect(server, kamouraska.id, kamouraska.edit.token);
  await writer.synced;
  const texts = ['Participation citoyenne', 'Bon leadership', 'Plaisir'];
  writer.run((tx) => {
    texts.forEach((text, n) => tx.create('note', { x: 3000 + n * 220, y: 1200, text }));
  });
  const watcher = connect(server, kamouraska.id, kamouraska.view.token);
  await watcher.synced;
  await docUntil(watcher.doc, 'the notes', () =>
    texts.every((text) =>
      watcher.board.listShapes().some((s) => s.type === 'note' && s.text === text),
    ),
  );
  writer.destroy();
  watcher.destroy();
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
    const placed = await api(
      server,
      'POST',
      `/api/forums/${forum.forum.id}/compilation/plenary`,
      forum.facilitator.token,
      {},
    );
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
    const again = await api(
      server,
      'POST',
      `/api/forums/${forum.forum.id}/compilation/plenary`,
      forum.facilitator.token,
      {},
    );
    expect(again.body).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 3 });
    expect((await compilation(forum)).body.onPlenary.placedAt).toBe(placedAt);
  });

  it('after the forum archive is imported again: the imported plenary holds the list', async () => {
    const zip = await authFetch(
      server,
      `/api/forums/${forum.forum.id}/archive.zip`,
      forum.facilitator.token,
    );
    expect(zip.status).toBe(200);
    const response = await fetch(`${server.url}/api/forums/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/zip' },
      body: Buffer.from(await zip.arrayBuffer()),
    });
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
