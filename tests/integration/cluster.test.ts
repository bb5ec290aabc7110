// Several relay processes behind one Redis bus (SPEC R63–R67): two built servers on one data
// directory; participants on either see each other's edits and cursors as if on one process.
import type { NoteShape } from '@carton/board';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CartonServer } from '../support/server.ts';
import {
  openRecordedSocket,
  presenceFrame,
  startCluster,
  type Cluster,
} from './cluster-support.ts';
import {
  authFetch,
  connect,
  createForum,
  docUntil,
  openSocket,
  territoryBoard,
  waitUntil,
  type Client,
} from './helpers.ts';

/** The bus's Redis requires a password, which must never reach the logs (R63). */
const REDIS_PASSWORD = 'Vision-commune-2023!';
let cluster: Cluster;
let a: CartonServer;
let b: CartonServer;
const clients: Client[] = [];

beforeAll(async () => {
  cluster = await startCluster(2, {}, { redisPassword: REDIS_PASSWORD });
  [a, b] = cluster.servers as [CartonServer, CartonServer];
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await cluster.dispose();
});

function track(client: Client): Client {
  clients.push(client);
  return client;
}

function noteText(client: Client, id: string): string | undefined {
  return (client.shape(id) as NoteShape | undefined)?.text;
}

function presenceOf(client: Client, clientId: number): Record<string, unknown> | undefined {
  return client.provider.awareness.getStates().get(clientId) as Record<string, unknown> | undefined;
}

function awarenessUntil(client: Client, what: string, done: () => boolean) {
  const awareness = client.provider.awareness;
  return waitUntil(what, done, (check) => {
    awareness.on('change', check);
    return () => awareness.off('change', check);
  });
}

describe('several relays through Redis', () => {
  it('R63: edits made on either process reach the participants of the other, both ways', async () => {
    const forum = await createForum(a);
    const board = territoryBoard(forum, 'Kamouraska');
    const onA = track(connect(a, board.id, board.edit.token));
    const onB = track(connect(b, board.id, board.edit.token));
    await Promise.all([onA.synced, onB.synced]);
    const id = onA.run((tx) => tx.create('note', { x: 10, y: 20, text: 'Transport collectif' }));
    await docUntil(onB.doc, 'the note on B', () => noteText(onB, id) === 'Transport collectif');
    onB.run((tx) => tx.update<'note'>(id, { text: 'Transport collectif en milieu rural' }));
    await docUntil(onA.doc, 'the edit on A', () => noteText(onA, id)?.endsWith('rural') === true);
    const second = onB.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Logement abordable' }));
    await docUntil(onA.doc, 'the second note on A', () => onA.shape(second) !== undefined);
    // A late joiner on either process gets the whole board from storage and the bus.
    const late = track(connect(b, board.id, board.view.token));
    await late.synced;
    expect(noteText(late, id)).toBe('Transport collectif en milieu rural');
    expect(noteText(late, second)).toBe('Logement abordable');
    // Each process counts what crossed the bus, for its operator (loopback /metrics).
    for (const server of [a, b]) {
      const metrics = (await (await fetch(`${server.url}/metrics`)).json()) as Record<
        string,
        number
      >;
      expect(metrics.busPublished).toBeGreaterThan(0);
      expect(metrics.busReceived).toBeGreaterThan(0);
    }
  });

  it('R66: cursors cross both ways, each change once, never back to its sender', async () => {
    const forum = await createForum(a);
    const board = territoryBoard(forum, 'Témiscouata');
    const onA = track(connect(a, board.id, board.edit.token));
    const onB = track(connect(b, board.id, board.edit.token));
    await Promise.all([onA.synced, onB.synced]);
    const observer = await openRecordedSocket(b, board.id, board.view.token);
    const seenOnB = observer.seen;
    const sender = await openRecordedSocket(a, board.id, board.edit.token);
    const seenBySender = sender.seen;
    try {
      const idA = onA.doc.clientID;
      const idB = onB.doc.clientID;
      onA.provider.awareness.setLocalState({ name: 'Animatrice', cursor: { x: 10, y: 20 } });
      const changes = [`${idA}@${onA.provider.awareness.meta.get(idA)!.clock}`];
      await awarenessUntil(onB, 'A’s cursor on B', () => {
        const cursor = presenceOf(onB, idA)?.cursor as { x: number } | undefined;
        return cursor?.x === 10;
      });
      onB.provider.awareness.setLocalState({ name: 'Participant', cursor: { x: 30, y: 40 } });
      changes.push(`${idB}@${onB.provider.awareness.meta.get(idB)!.clock}`);
      await awarenessUntil(onA, 'B’s cursor on A', () => {
        const cursor = presenceOf(onA, idB)?.cursor as { x: number } | undefined;
        return cursor?.x === 30;
      });
      // A raw client on A announces itself: B's observer sees it, the sender never gets it back.
      sender.ws.send(presenceFrame(4242, 1, { name: 'Kiosque', cursor: { x: 1, y: 2 } }));
      await seenOnB.until('the raw client on B', (e) => e.clientId === 4242);
      onA.provider.awareness.setLocalState({ name: 'Animatrice', cursor: { x: 11, y: 21 } });
      const clock = onA.provider.awareness.meta.get(idA)!.clock;
      changes.push(`${idA}@${clock}`, '4242@1');
      await seenOnB.until('A’s second move on B', (e) => e.clientId === idA && e.clock === clock);
      // That move also reached the sender on A (same process): everything before it was sent.
      await seenBySender.until('A’s move on A', (e) => e.clientId === idA && e.clock === clock);
      expect(seenBySender.entries.filter((e) => e.clientId === 4242)).toEqual([]);
      const counts = new Map<string, number>();
      for (const e of seenOnB.entries) {
        const key = `${e.clientId}@${e.clock}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      // Each change made while the observer was there reached it exactly once (a joiner may
      // get a state twice: in its greeting and in the tick that was pending, as on one process).
      expect(changes.map((key) => [key, counts.get(key)])).toEqual(changes.map((key) => [key, 1]));
    } finally {
      observer.ws.close();
      sender.ws.close();
    }
  });

  it('R66: a participant who leaves one process leaves the other’s screens', async () => {
    const forum = await createForum(a);
    const board = territoryBoard(forum, 'Les Basques');
    const onB = track(connect(b, board.id, board.edit.token));
    const leaving = connect(a, board.id, board.edit.token);
    await Promise.all([onB.synced, leaving.synced]);
    const id = leaving.doc.clientID;
    leaving.provider.awareness.setLocalState({ name: 'Départ', cursor: { x: 5, y: 5 } });
    await awarenessUntil(onB, 'the cursor on B', () => presenceOf(onB, id) !== undefined);
    // Closed without a goodbye of its own: the server's removal (R11) must cross.
    (leaving.provider.ws as unknown as { terminate(): void } | null)?.terminate();
    leaving.provider.disconnect();
    leaving.doc.destroy();
    await awarenessUntil(onB, 'the cursor gone on B', () => presenceOf(onB, id) === undefined);
  });

  it('R63: a change written over HTTP on A reaches a participant on B', async () => {
    const forum = await createForum(a);
    const board = territoryBoard(forum, 'La Matapédia');
    const onB = track(connect(b, board.id, board.edit.token));
    await onB.synced;
    const title = 'Conditions de succès — La Matapédia (révisé)';
    const response = await authFetch(
      a,
      `/api/forums/${forum.forum.id}/boards/${board.id}`,
      forum.facilitator.token,
      {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title }),
      },
    );
    expect(response.status).toBe(200);
    await docUntil(onB.doc, 'the new title on B', () => onB.board.meta()?.title === title);
  });

  it('R67: a board removed on A closes its sockets on B, the facilitator’s too', async () => {
    const forum = await createForum(a);
    const board = territoryBoard(forum, 'Rimouski-Neigette');
    const editor = await openSocket(b, board.id, board.edit.token);
    const facilitator = await openSocket(b, board.id, forum.facilitator.token);
    const elsewhere = territoryBoard(forum, 'La Mitis');
    const bystander = await openSocket(b, elsewhere.id, elsewhere.edit.token);
    const response = await authFetch(
      a,
      `/api/forums/${forum.forum.id}/boards/${board.id}`,
      forum.facilitator.token,
      { method: 'DELETE' },
    );
    expect(response.status).toBe(200);
    expect((await editor.closed).code).toBe(4403);
    expect((await facilitator.closed).code).toBe(4403);
    // A link replaced on A: its socket on B closes too; the rest of the forum stays.
    const rotate = await authFetch(
      a,
      `/api/forums/${forum.forum.id}/boards/${elsewhere.id}/links/view/rotate`,
      forum.facilitator.token,
      { method: 'POST' },
    );
    expect(rotate.status).toBe(200);
    const viewer = await openSocket(b, elsewhere.id, elsewhere.view.token).catch(() => null);
    expect(viewer).toBeNull();
    expect(bystander.ws.readyState).toBe(bystander.ws.OPEN);
    bystander.ws.close();
  });

  it('R63: the Redis password never reaches the logs', () => {
    for (const server of [a, b]) {
      expect(server.output()).toContain('"bus_started"');
      expect(server.output()).toContain(`127.0.0.1:${cluster.redis.port}`);
      expect(server.output()).not.toContain(REDIS_PASSWORD);
      expect(server.output()).not.toContain(encodeURIComponent(REDIS_PASSWORD));
    }
  });
});
