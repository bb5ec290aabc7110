// ARCHIVE: a dot vote still open on the forum day, archived on one built server and imported
// into a second: its voters travel under per-archive aliases (a recount per voter is possible,
// no device id leaves), and it comes back closed — a restored forum is not a live session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import {
  authFetch,
  connect,
  createForum,
  docUntil,
  territoryBoard,
  unzip,
  type CreatedForum,
} from './helpers.ts';
import { api } from './forum-support.ts';

let a: CartonServer;
let b: CartonServer;
let forum: CreatedForum;
let voteId: string;
const AMELIE = 'voter-amelie-0001';
const BRUNO = 'voter-bruno-00002';

interface ArchivedVote {
  id: string;
  state: 'open' | 'closed';
  counts: Record<string, number>;
  voters?: Array<{ id: string; dots: string[] }>;
}

beforeAll(async () => {
  [a, b] = await Promise.all([startServer(), startServer()]);
  forum = await createForum(a);
  const kamouraska = territoryBoard(forum, 'Kamouraska');
  const writer = connect(a, kamouraska.id, kamouraska.edit.token);
  await writer.synced;
  const [financement, liens] = writer.run((tx) => [
    tx.create('note', { x: 0, y: 0, text: 'Financement systémique' }),
    tx.create('note', { x: 300, y: 0, text: 'Liens de relais entre les organismes' }),
  ]);
  const watcher = connect(a, kamouraska.id, kamouraska.view.token);
  await watcher.synced;
  await docUntil(watcher.doc, 'the notes', () => watcher.board.listShapes().length === 2);
  writer.destroy();
  watcher.destroy();
  const opened = await api(
    a,
    'POST',
    `/api/forums/${forum.forum.id}/votes`,
    forum.facilitator.token,
    {
      title: 'Nos incontournables',
      boardIds: [kamouraska.id],
      dotsPerParticipant: 3,
    },
  );
  expect(opened.status).toBe(201);
  voteId = opened.body.vote.id as string;
  for (const [voterId, shapeId] of [
    [AMELIE, financement],
    [AMELIE, financement],
    [AMELIE, liens],
    [BRUNO, financement],
  ] as const) {
    const placed = await api(
      a,
      'POST',
      `/api/forums/${forum.forum.id}/votes/${voteId}/dots`,
      kamouraska.edit.token,
      { boardId: kamouraska.id, shapeId, voterId },
    );
    expect(placed.status).toBe(201);
  }
});

afterAll(async () => {
  await Promise.all([a?.dispose(), b?.dispose()]);
});

async function archiveOf(server: CartonServer, created: CreatedForum) {
  const response = await authFetch(
    server,
    `/api/forums/${created.forum.id}/archive.zip`,
    created.facilitator.token,
  );
  expect(response.status).toBe(200);
  const zip = Buffer.from(await response.arrayBuffer());
  const text = unzip(zip).get('manifest.json')?.toString('utf8') ?? '{}';
  const manifest = JSON.parse(text) as { facilitation?: { votes: ArchivedVote[] } };
  return { zip, text, vote: manifest.facilitation?.votes[0] };
}

/** Each voter's dots, board ids replaced by territory names, in an order aliases do not set. */
function recount(vote: ArchivedVote | undefined, created: CreatedForum): string[] {
  const territory = new Map(created.boards.map((board) => [board.id, board.territory]));
  return (vote?.voters ?? [])
    .map((voter) =>
      voter.dots
        .map((key) => `${territory.get(key.split('/')[0] ?? '')}/${key.split('/')[1]}`)
        .sort()
        .join(' '),
    )
    .sort();
}

describe('dot votes across an archive', () => {
  it('ARCHIVE: voters under aliases, no device id; imported, the open vote is closed and recounts the same', async () => {
    const first = await archiveOf(a, forum);
    expect(first.vote?.state).toBe('open');
    expect(first.vote?.voters?.map((voter) => voter.id).sort()).toEqual(['v1', 'v2']);
    expect(first.text).not.toContain(AMELIE);
    expect(first.text).not.toContain(BRUNO);

    const response = await fetch(`${b.url}/api/forums/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/zip' },
      body: first.zip,
    });
    expect(response.status).toBe(201);
    const imported = (await response.json()) as CreatedForum;

    // Archived again from the second server: the voters' dots came back one by one.
    const second = await archiveOf(b, imported);
    expect(second.vote?.state).toBe('closed');
    expect(recount(second.vote, imported)).toEqual(recount(first.vote, forum));
    expect(recount(second.vote, imported)).toHaveLength(2);
    expect(Object.values(second.vote?.counts ?? {}).sort()).toEqual([1, 3]);

    // Closed: any link of the forum reads the results, and nobody adds a dot.
    const kamouraska = territoryBoard(imported, 'Kamouraska');
    const path = `/api/forums/${imported.forum.id}/votes/${second.vote?.id}`;
    const results = await api(b, 'GET', path, kamouraska.edit.token);
    expect(results.status).toBe(200);
    expect(results.body.vote.state).toBe('closed');
    expect(results.body.results.map((row: { count: number }) => row.count)).toEqual([3, 1]);
    const shapeId = Object.keys(second.vote?.counts ?? {})[0]?.split('/')[1];
    const late = await api(b, 'POST', `${path}/dots`, kamouraska.edit.token, {
      boardId: kamouraska.id,
      shapeId,
      voterId: AMELIE,
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('vote_closed');
  });
});
