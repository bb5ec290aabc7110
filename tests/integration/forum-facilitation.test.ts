// The forum document (F1–F3): the server's clock, the timer and the spotlight written by the
// server and read by every participant's stock client on `forum:<forumId>`; only facilitators
// write it (HTTP 403, socket updates and presence dropped).
import { readSpotlight, readTimer, timerRemainingMs } from '@carton/board';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CartonServer } from '../support/server.ts';
import { docUntil, openSocket, waitUntil, forumSuite, type CreatedForum } from './helpers.ts';
import {
  api,
  connectForum,
  createSeedForum,
  metrics,
  updateThenRoundTrip,
} from './forum-support.ts';

let server: CartonServer;
let forum: CreatedForum;
forumSuite(createSeedForum, (started, created) => {
  server = started;
  forum = created;
});

const kamouraska = () => forum.boards.find((b) => b.territory === 'Kamouraska')!;
const timer = (token: string, body: unknown) =>
  api(server, 'POST', `/api/forums/${forum.forum.id}/timer`, token, body);

describe('forum document', () => {
  it('F3: GET /api/time gives the server clock', async () => {
    const before = Date.now();
    const answer = await api(server, 'GET', '/api/time', null);
    expect(answer.status).toBe(200);
    expect(answer.body.now).toBeGreaterThanOrEqual(before - 1_000);
    expect(answer.body.now).toBeLessThanOrEqual(Date.now() + 1_000);
  });

  it('F3: start, pause, add, resume, stop reach a participant’s stock client on the forum room', async () => {
    const participant = connectForum(server, forum.forum.id, kamouraska().edit.token);
    await participant.synced;
    const doc = participant.doc;
    expect(readTimer(doc)?.state).toBe('stopped');

    const started = await timer(forum.facilitator.token, { action: 'start', durationMs: 600_000 });
    expect(started.status).toBe(200);
    await docUntil(doc, 'running', () => readTimer(doc)?.state === 'running');
    const running = readTimer(doc)!;
    expect(running.durationMs).toBe(600_000);
    expect(running.endsAt).toBe(started.body.timer.endsAt);
    expect(timerRemainingMs(running, started.body.now)).toBeLessThanOrEqual(600_000);

    await timer(forum.facilitator.token, { action: 'pause' });
    await docUntil(doc, 'paused', () => readTimer(doc)?.state === 'paused');
    const remaining = readTimer(doc)!.remainingMs!;
    expect(remaining).toBeGreaterThan(0);
    await timer(forum.facilitator.token, { action: 'add', addMs: 120_000 });
    await docUntil(
      doc,
      'two more minutes',
      () => readTimer(doc)?.remainingMs === remaining + 120_000,
    );
    await timer(forum.facilitator.token, { action: 'resume' });
    await docUntil(doc, 'running again', () => readTimer(doc)?.state === 'running');
    await timer(forum.facilitator.token, { action: 'stop' });
    await docUntil(doc, 'stopped', () => readTimer(doc)?.state === 'stopped');
    const invalid = await timer(forum.facilitator.token, { action: 'pause' });
    expect(invalid.status).toBe(409);
    expect(invalid.body.error.code).toBe('timer_not_running');
    participant.destroy();
  });

  it('F3: the spotlight reaches every board’s clients', async () => {
    const viewer = connectForum(server, forum.forum.id, forum.boards.at(-1)!.view.token);
    await viewer.synced;
    const target = kamouraska();
    const on = await api(
      server,
      'POST',
      `/api/forums/${forum.forum.id}/spotlight`,
      forum.facilitator.token,
      {
        active: true,
        boardId: target.id,
        by: 'Marie-Anne',
      },
    );
    expect(on.status).toBe(200);
    await docUntil(viewer.doc, 'spotlight on', () => readSpotlight(viewer.doc)?.active === true);
    expect(readSpotlight(viewer.doc)).toEqual({
      active: true,
      boardId: target.id,
      by: 'Marie-Anne',
    });
    const elsewhere = await createSeedForum(server, ['La Matanie']);
    const foreign = await api(
      server,
      'POST',
      `/api/forums/${forum.forum.id}/spotlight`,
      forum.facilitator.token,
      {
        active: true,
        boardId: elsewhere.boards[1]!.id,
      },
    );
    expect(foreign.status).toBe(400);
    await api(server, 'POST', `/api/forums/${forum.forum.id}/spotlight`, forum.facilitator.token, {
      active: false,
    });
    await docUntil(viewer.doc, 'spotlight off', () => readSpotlight(viewer.doc)?.active === false);
    viewer.destroy();
  });

  it('R56: removing the board in the spotlight turns the spotlight off for everyone', async () => {
    const own = await createSeedForum(server, ['Les Basques', 'La Matanie']);
    const target = own.boards.find((b) => b.territory === 'Les Basques')!;
    const viewer = connectForum(server, own.forum.id, own.boards[0]!.view.token);
    await viewer.synced;
    const base = `/api/forums/${own.forum.id}`;
    const on = await api(server, 'POST', `${base}/spotlight`, own.facilitator.token, {
      active: true,
      boardId: target.id,
      by: 'Marie-Anne',
    });
    expect(on.status).toBe(200);
    await docUntil(viewer.doc, 'spotlight on', () => readSpotlight(viewer.doc)?.active === true);
    const removed = await api(
      server,
      'DELETE',
      `${base}/boards/${target.id}`,
      own.facilitator.token,
    );
    expect(removed.status).toBe(200);
    await docUntil(viewer.doc, 'spotlight off', () => readSpotlight(viewer.doc)?.active === false);
    expect(readSpotlight(viewer.doc)).toEqual({ active: false, boardId: null, by: null });
    viewer.destroy();
  });

  it('F2: an edit token cannot start a timer, a vote or a spotlight over HTTP (403)', async () => {
    const board = kamouraska();
    const base = `/api/forums/${forum.forum.id}`;
    for (const token of [board.edit.token, board.view.token, forum.boards[0]!.edit.token]) {
      expect((await timer(token, { action: 'start', durationMs: 60_000 })).status).toBe(403);
      const vote = await api(server, 'POST', `${base}/votes`, token, {
        title: 'Nos priorités',
        boardIds: [board.id],
        dotsPerParticipant: 3,
      });
      expect(vote.status).toBe(403);
      expect(vote.body.error.code).toBe('forbidden');
      const spotlight = await api(server, 'POST', `${base}/spotlight`, token, {
        active: true,
        boardId: board.id,
      });
      expect(spotlight.status).toBe(403);
    }
  });

  it('F2: an edit token’s updates to the forum doc are dropped (stored doc unchanged, others see nothing), and so is its presence', async () => {
    const board = kamouraska();
    const facilitator = connectForum(server, forum.forum.id, forum.facilitator.token);
    await facilitator.synced;
    const seen: string[] = [];
    facilitator.doc.on('update', () => seen.push('update'));
    const awarenessSeen: number[] = [];
    facilitator.provider.awareness.on(
      'change',
      ({ added, updated }: { added: number[]; updated: number[] }) => {
        awarenessSeen.push(...added, ...updated);
      },
    );

    // A forged timer start and a spotlight, as a participant's client would write them.
    const forged = new Y.Doc();
    const updates: Uint8Array[] = [];
    forged.on('update', (update: Uint8Array) => updates.push(update));
    const root = forged.getMap('forum');
    root.set(
      'timer',
      new Y.Map(Object.entries({ state: 'running', durationMs: 1, endsAt: 1, remainingMs: null })),
    );
    root.set(
      'spotlight',
      new Y.Map(Object.entries({ active: true, boardId: board.id, by: 'intrus' })),
    );
    const before = await metrics(server);
    const socket = await openSocket(server, `forum:${forum.forum.id}`, board.edit.token);
    await updateThenRoundTrip(socket.ws, Y.mergeUpdates(updates));
    const after = await metrics(server);
    expect(after.viewUpdatesDropped).toBe((before.viewUpdatesDropped ?? 0) + 1);

    // Presence from a participant on the forum room is dropped too (only facilitators steer).
    const participant = connectForum(server, forum.forum.id, board.edit.token);
    await participant.synced;
    participant.provider.awareness.setLocalStateField('spotlightCamera', {
      boardId: board.id,
      x: 0,
      y: 0,
      zoom: 9,
    });
    // The participant's own write goes nowhere either.
    participant.doc.getMap('forum').set('hacked', true);
    // Then a second facilitator screen moves its camera: once the first sees that, the
    // participant's earlier presence would have arrived too.
    const reader = connectForum(server, forum.forum.id, forum.boards[0]!.view.token);
    const cohost = connectForum(server, forum.forum.id, forum.facilitator.token);
    await Promise.all([reader.synced, cohost.synced]);
    cohost.provider.awareness.setLocalStateField('spotlightCamera', {
      boardId: board.id,
      x: 1,
      y: 2,
      zoom: 1,
    });
    await waitUntil(
      'the co-facilitator’s camera',
      () => awarenessSeen.includes(cohost.doc.clientID),
      (check) => {
        facilitator.provider.awareness.on('change', check);
        return () => facilitator.provider.awareness.off('change', check);
      },
    );
    expect(readTimer(reader.doc)?.state).not.toBe('running');
    expect(readSpotlight(reader.doc)?.by).not.toBe('intrus');
    expect(reader.doc.getMap('forum').get('hacked')).toBeUndefined();
    expect(readTimer(facilitator.doc)?.endsAt).not.toBe(1);
    expect(seen).toEqual([]);
    expect(awarenessSeen).not.toContain(participant.doc.clientID);
    expect((await metrics(server)).awarenessDropped).toBeGreaterThan(before.awarenessDropped ?? 0);
    for (const client of [facilitator, participant, reader, cohost]) client.destroy();
    socket.ws.close();
  });
});
