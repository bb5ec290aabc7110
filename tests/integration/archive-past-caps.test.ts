// ARCHIVE: a forum doc written past what the import takes — by a facilitator's stock
// y-websocket client on `forum:<id>` (F2), which no HTTP route checks — still archives into a
// forum that restores: the export leaves the excess out and counts it in the manifest
// (`facilitation.leftOut`); everything within the limits comes back.
import {
  localOrigin,
  openVote,
  readCompilation,
  readVotes,
  setVoteCounts,
  updateCompilation,
} from '@carton/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import {
  authFetch,
  createForum,
  docUntil,
  territoryBoard,
  unzip,
  type CreatedForum,
} from './helpers.ts';
import { connectForum } from './forum-support.ts';

let a: CartonServer;
let b: CartonServer;
let forum: CreatedForum;
const FACILITATOR = localOrigin('facilitator-socket');
const ideas = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix} ${String(i).padStart(4, '0')}`);

beforeAll(async () => {
  [a, b] = await Promise.all([startServer(), startServer()]);
  forum = await createForum(a);
  const kamouraska = territoryBoard(forum, 'Kamouraska');
  const facilitator = connectForum(a, forum.forum.id, forum.facilitator.token);
  const watcher = connectForum(a, forum.forum.id, forum.facilitator.token);
  await Promise.all([facilitator.synced, watcher.synced]);
  const doc = facilitator.doc;
  // 5,001 merges, ideas set aside, wordings and pairs, and keys longer than the import takes.
  const merges = Object.fromEntries(ideas('idée', 5_001).map((key) => [key, 'cible']));
  merges['x'.repeat(600)] = 'cible';
  updateCompilation(
    doc,
    {
      merges,
      setAside: Object.fromEntries(ideas('écartée', 5_001).map((key) => [key, true])),
      wordings: Object.fromEntries(ideas('reformulée', 5_001).map((key) => [key, 'Des mots'])),
      distinct: Object.fromEntries(
        [...ideas('paire', 5_001), `${'y'.repeat(600)}|${'z'.repeat(600)}`].map((key) => [
          key,
          true,
        ]),
      ),
    },
    1,
    FACILITATOR,
  );
  // A vote no route would open: a 300-character title, 50 dots each, a note id past 100.
  openVote(
    doc,
    {
      id: 'vote-socket',
      title: 'Nos incontournables '.repeat(15),
      boardIds: [kamouraska.id],
      dotsPerParticipant: 50,
      openedAt: 1_000,
    },
    FACILITATOR,
  );
  setVoteCounts(
    doc,
    'vote-socket',
    { [`${kamouraska.id}/note-1`]: 4, [`${kamouraska.id}/${'n'.repeat(150)}`]: 2 },
    FACILITATOR,
  );
  await docUntil(
    watcher.doc,
    'the writes on the server',
    () =>
      readCompilation(watcher.doc)?.distinct.length === 5_002 &&
      Object.keys(readVotes(watcher.doc)[0]?.counts ?? {}).length === 2,
  );
  facilitator.destroy();
  watcher.destroy();
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.dispose(), b?.dispose()]);
});

describe('a forum doc written past the import’s limits', () => {
  it('ARCHIVE: archives what the import takes, says what it left out, and restores', async () => {
    const response = await authFetch(
      a,
      `/api/forums/${forum.forum.id}/archive.zip`,
      forum.facilitator.token,
    );
    expect(response.status).toBe(200);
    const zip = Buffer.from(await response.arrayBuffer());
    const manifest = JSON.parse(unzip(zip).get('manifest.json')!.toString('utf8'));
    expect(manifest.facilitation.leftOut).toEqual({
      notes: 1,
      dots: 2,
      merges: 2,
      setAside: 1,
      wordings: 1,
      distinct: 2,
    });

    const imported = await fetch(`${b.url}/api/forums/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/zip' },
      body: zip,
    });
    expect(imported.status).toBe(201);
    const created = (await imported.json()) as CreatedForum;
    // The restored forum doc, as every participant's stock client reads it.
    const reader = connectForum(b, created.forum.id, created.facilitator.token);
    try {
      await reader.synced;
      const compilation = readCompilation(reader.doc)!;
      // The first 5,000 of each, as the document held them.
      expect(Object.keys(compilation.merges).sort()).toEqual(ideas('idée', 5_000));
      expect(compilation.setAside).toEqual(ideas('écartée', 5_000));
      expect(Object.keys(compilation.wordings).sort()).toEqual(ideas('reformulée', 5_000));
      expect(compilation.distinct).toEqual(ideas('paire', 5_000));
      const [vote, ...others] = readVotes(reader.doc);
      expect(others).toEqual([]);
      expect(vote?.title).toBe('Nos incontournables '.repeat(10).trim());
      expect(vote?.dotsPerParticipant).toBe(20);
      expect(vote?.state).toBe('closed');
      expect(Object.values(vote?.counts ?? {})).toEqual([4]);
    } finally {
      reader.destroy();
    }
  });
});
