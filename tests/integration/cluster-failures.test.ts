// Several relays when the bus fails (SPEC R65, R67): Redis killed and restarted mid-editing,
// and a bus message still in flight while both processes compact the same board.
import type { NoteShape } from '@carton/board';
import { afterEach, describe, expect, it } from 'vitest';
import type { CartonServer } from '../support/server.ts';
import { startCluster, type Cluster } from './cluster-support.ts';
import { connect, createForum, docUntil, territoryBoard, type Client } from './helpers.ts';

let cluster: Cluster | null = null;
const clients: Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await cluster?.dispose();
  cluster = null;
});

function track(client: Client): Client {
  clients.push(client);
  return client;
}

function noteText(client: Client, id: string): string | undefined {
  return (client.shape(id) as NoteShape | undefined)?.text;
}

function note(client: Client, text: string): string {
  return client.run((tx) => tx.create('note', { x: 0, y: 0, text }));
}

describe('several relays when the bus fails', () => {
  it('R67: Redis killed and restarted mid-editing — both sides converge without reconnecting', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.servers as [CartonServer, CartonServer];
    const forum = await createForum(a);
    const board = territoryBoard(forum, 'Kamouraska');
    const onA = track(connect(a, board.id, board.edit.token));
    const onB = track(connect(b, board.id, board.edit.token));
    await Promise.all([onA.synced, onB.synced]);
    const before = note(onA, 'Avant la panne');
    await docUntil(onB.doc, 'the first note on B', () => onB.shape(before) !== undefined);

    await cluster.redis.kill('SIGKILL');
    // Each side keeps working on its own: stored, sent to its own participants.
    const fromA = note(onA, 'Pendant la panne, côté A');
    const fromB = note(onB, 'Pendant la panne, côté B');
    const witnessA = track(connect(a, board.id, board.view.token));
    await witnessA.synced;
    expect(witnessA.shape(fromA)).toBeDefined();

    await cluster.redis.restart();
    await docUntil(onA.doc, 'B’s outage note on A', () => onA.shape(fromB) !== undefined, 10_000);
    await docUntil(onB.doc, 'A’s outage note on B', () => onB.shape(fromA) !== undefined, 10_000);
    await docUntil(
      witnessA.doc,
      'B’s note on A’s viewer',
      () => witnessA.shape(fromB) !== undefined,
    );
    expect(onA.disconnects()).toBe(0);
    expect(onB.disconnects()).toBe(0);
    // The bus works again.
    const after = note(onB, 'Après la panne');
    await docUntil(onA.doc, 'the next note on A', () => onA.shape(after) !== undefined);
    // One warning per process for the whole outage, not one per message or retry.
    for (const server of [a, b]) {
      await server.waitForOutput(/"bus_up"/);
      expect(server.output().match(/"bus_down"/g)?.length).toBe(1);
    }
  });

  it('R65: both processes compact while an update’s bus message is in flight — nothing is lost', async () => {
    // Every append compacts at once: the widest window for a snapshot to drop an update.
    cluster = await startCluster(2, { CARTON_COMPACT_UPDATES: '1' });
    const [a, b] = cluster.servers as [CartonServer, CartonServer];
    const forum = await createForum(a);
    const board = territoryBoard(forum, 'La Matanie');
    const onA = track(connect(a, board.id, board.edit.token));
    const witnessA = track(connect(a, board.id, board.edit.token));
    const onB = track(connect(b, board.id, board.edit.token));
    const witnessB = track(connect(b, board.id, board.edit.token));
    await Promise.all([onA.synced, witnessA.synced, onB.synced, witnessB.synced]);

    // Publishing waits while Redis is paused for writes: B's update is stored, not yet heard.
    await cluster.redis.command('CLIENT', 'PAUSE', '20000', 'WRITE');
    const u = note(onB, 'Accès aux services de proximité');
    await docUntil(witnessB.doc, 'u stored on B', () => witnessB.shape(u) !== undefined);
    // A appends after B (a later sequence number) and compacts its board.
    const v = note(onA, 'Mobilisation des partenaires');
    await docUntil(witnessA.doc, 'v stored on A', () => witnessA.shape(v) !== undefined);
    await cluster.redis.command('CLIENT', 'UNPAUSE');
    await docUntil(onA.doc, 'u on A', () => onA.shape(u) !== undefined);
    await docUntil(onB.doc, 'v on B', () => onB.shape(v) !== undefined);

    // What storage holds now, read by a third process that never had the board loaded.
    const c = await cluster.add();
    const reader = track(connect(c, board.id, board.view.token));
    await reader.synced;
    expect(noteText(reader, u)).toBe('Accès aux services de proximité');
    expect(noteText(reader, v)).toBe('Mobilisation des partenaires');
  });
});
