// C6's limits with several processes (R63): PUT /api/forums/:id/compilation refuses a change
// leaving more than 5,000 ideas set aside (merges, wordings, pairs: the forum archive's limits).
// Each process checked its own copy of the forum doc, so two facilitator pages on two relays
// could each pass the check and the forum doc held both changes, past the limit. The check is
// now made under a lock the processes share, on the doc merged with what storage holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';
import type { CartonServer } from '../support/server.ts';
import { startCluster, type Cluster } from './cluster-support.ts';
import { api, connectForum } from './forum-support.ts';
import { createForum } from './helpers.ts';

let postgres: TestPostgres;
let cluster: Cluster;

beforeAll(async () => {
  postgres = await startTestPostgres();
  cluster = await startCluster(2, { CARTON_DATABASE_URL: await postgres.createDatabase() });
});
afterAll(async () => {
  await cluster?.dispose();
  await postgres?.stop();
});

/** 3,000 ideas set aside, named after `side`: two of them are past the 5,000. */
const setAside = (side: string) =>
  Object.fromEntries(Array.from({ length: 3_000 }, (_, n) => [`idee ${side} ${n}`, true]));

async function forumOn(server: CartonServer) {
  return createForum(server, {
    title: 'Forum régional de l’Alliance 2023',
    templates: false,
    territories: ['Kamouraska', 'La Mitis'],
  });
}

async function setAsideCount(server: CartonServer, forumId: string, token: string) {
  const read = await api(server, 'GET', `/api/forums/${forumId}/compilation`, token);
  expect(read.status).toBe(200);
  return (read.body.setAsideKeys as string[]).length;
}

describe('C6’s limits on two relays', () => {
  // First, while the bus is up (the next test kills Redis; its processes reconnect in their time).
  it('two pages placing their changes at the same instant on two processes: one is refused', async () => {
    const [a, b] = cluster.servers as [CartonServer, CartonServer];
    const forum = await forumOn(a);
    const path = `/api/forums/${forum.forum.id}/compilation`;
    const token = forum.facilitator.token;
    expect(await setAsideCount(a, forum.forum.id, token)).toBe(0);
    expect(await setAsideCount(b, forum.forum.id, token)).toBe(0);
    const answers = await Promise.all([
      api(a, 'PUT', path, token, { setAside: setAside('a') }),
      api(b, 'PUT', path, token, { setAside: setAside('b') }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    expect(await setAsideCount(a, forum.forum.id, token)).toBe(3_000);
  });

  it('the second process sees the first’s change before checking, even with the bus down', async () => {
    const [a, b] = cluster.servers as [CartonServer, CartonServer];
    const forum = await forumOn(a);
    const path = `/api/forums/${forum.forum.id}/compilation`;
    const token = forum.facilitator.token;
    // A facilitator page open on each process: the forum doc's room stays loaded on both.
    const pages = [connectForum(a, forum.forum.id, token), connectForum(b, forum.forum.id, token)];
    await Promise.all(pages.map((page) => page.synced));
    // The bus down: B's copy never hears of A's change (no lock either: each runs alone).
    await cluster.redis.kill('SIGKILL');
    try {
      const first = await api(a, 'PUT', path, token, { setAside: setAside('a') });
      expect(first.status).toBe(200);
      const second = await api(b, 'PUT', path, token, { setAside: setAside('b') });
      expect(second.status).toBe(400);
      expect(second.body.error.message).toMatch(/setAside|set aside/i);
    } finally {
      await cluster.redis.restart();
      for (const page of pages) page.destroy();
    }
    expect(await setAsideCount(b, forum.forum.id, token)).toBe(3_000);
  });
});
