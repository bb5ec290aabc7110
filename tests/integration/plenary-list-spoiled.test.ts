// C10: the record of what the server placed lives in the forum doc, which a facilitator's socket
// writes (F2). Whatever such a socket leaves in `plenary-list` / `plenary-list-notes` (wrong
// types, nested types, ids of another form, values past the limits), the forum day goes on: the
// list is placed, compiled, its vote's results read, the forum archived and imported again.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CartonServer } from '../support/server.ts';
import { docUntil, type CreatedForum } from './helpers.ts';
import {
  api,
  blankForum,
  blankForumSuite,
  forumWithListPlaced,
  connectForum,
  forumArchive,
  importArchive,
  placeList,
  plenaryOf,
  writeNotes,
} from './forum-support.ts';

let server: CartonServer;
blankForumSuite(['Kamouraska'], (started) => {
  server = started;
});

const territoryOf = (f: CreatedForum) => f.boards.find((b) => b.territory === 'Kamouraska')!;
const place = (f: CreatedForum) => placeList(server, f);

/** The facilitator's socket on the forum room writes `spoil`; returns once the server has it. */
async function facilitatorWrites(
  f: CreatedForum,
  ...spoils: ((doc: Y.Doc) => void)[]
): Promise<void> {
  const socket = connectForum(server, f.forum.id, f.facilitator.token);
  await socket.synced;
  for (const spoil of spoils) socket.doc.transact(() => spoil(socket.doc));
  socket.doc.getMap<unknown>('spoiled-probe').set('done', true);
  const watcher = connectForum(server, f.forum.id, f.facilitator.token);
  await watcher.synced;
  await docUntil(
    watcher.doc,
    'the spoiled record',
    () => watcher.doc.getMap<unknown>('spoiled-probe').get('done') === true,
  );
  watcher.destroy();
  socket.destroy();
}

async function everyReaderWorks(f: CreatedForum) {
  const base = `/api/forums/${f.forum.id}`;
  const compiled = await api(server, 'GET', `${base}/compilation`, f.facilitator.token);
  expect(compiled.status).toBe(200);
  const vote = await api(server, 'POST', `${base}/votes`, f.facilitator.token, {
    title: 'Les incontournables',
    boardIds: [plenaryOf(f).id],
    dotsPerParticipant: 5,
  });
  expect(vote.status).toBe(201);
  const results = await api(
    server,
    'GET',
    `${base}/votes/${vote.body.vote.id as string}`,
    f.facilitator.token,
  );
  expect(results.status).toBe(200);
  expect(
    (
      await api(
        server,
        'POST',
        `${base}/votes/${vote.body.vote.id as string}/close`,
        f.facilitator.token,
      )
    ).status,
  ).toBe(200);
  const placed = await place(f);
  expect(placed.status, placed.text).toBe(200);
  const imported = await importArchive(server, await forumArchive(server, f));
  expect(imported.status, await imported.clone().text()).toBe(201);
  return placed.body;
}

describe('C10: a record a facilitator’s socket spoiled', () => {
  it('wrong types everywhere: every reader still answers', async () => {
    const f = await blankForum(server, ['Kamouraska']);
    const territory = territoryOf(f);
    await writeNotes(server, territory.id, territory.edit.token, ['Logement', 'Transport']);
    expect((await place(f)).status).toBe(200);
    await facilitatorWrites(f, (doc) => {
      const root = doc.getMap<unknown>('plenary-list');
      root.set('v', new Y.Map());
      root.set('areaId', 42);
      root.set('columns', 'beaucoup');
      root.set('nextSlot', -1);
      root.set('placedAt', 'hier');
      const notes = doc.getMap<unknown>('plenary-list-notes');
      notes.set('shape:incontournable-x', new Y.Text('allo'));
      notes.set('pas-une-note', 'x');
      notes.set('shape:incontournable-' + 'y'.repeat(500), 'z');
      notes.set('shape:incontournable-z', 'w'.repeat(10_000));
    });
    await everyReaderWorks(f);
  });
  it('values the server writes, at their limits', async () => {
    const { f, territory } = await forumWithListPlaced(
      server,
      ['Kamouraska'],
      ['Logement', 'Transport'],
    );
    // Entries past the 10,000 a record keeps, in updates under a socket's message size.
    const entries = (from: number) => (doc: Y.Doc) => {
      const notes = doc.getMap<unknown>('plenary-list-notes');
      for (let n = from; n < from + 2_100; n++) notes.set(`shape:incontournable-${n}`, 'x');
    };
    await facilitatorWrites(
      f,
      (doc) => {
        const root = doc.getMap<unknown>('plenary-list');
        root.set('nextSlot', 10_000);
        root.set('columns', 1);
        root.set('placedAt', Number.MAX_SAFE_INTEGER);
      },
      ...[0, 1, 2, 3, 4].map((n) => entries(n * 2_100)),
    );
    await writeNotes(server, territory.id, territory.edit.token, ['Sécurité alimentaire']);
    const body = await everyReaderWorks(f);
    expect(body.added).toBe(1);
  });
});
