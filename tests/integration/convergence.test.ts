// Two stock WebsocketProvider clients converge through the real server (SPEC R1, R4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteShape } from '@carton/board';
import { startServer, type CartonServer } from '../support/server.ts';
import { connect, createForum, docUntil, territoryBoard, type Client } from './helpers.ts';

let server: CartonServer;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.dispose();
});

describe('convergence through the relay', () => {
  it('R1, R4: two clients on one board converge on notes created, moved and edited', async () => {
    const forum = await createForum(server);
    const board = territoryBoard(forum, 'Kamouraska');
    const alice = connect(server, board.id, board.edit.token);
    const bruno = connect(server, board.id, board.edit.token);
    clients.push(alice, bruno);
    await Promise.all([alice.synced, bruno.synced]);
    expect(alice.board.meta()?.title).toBe('Conditions de succès — Kamouraska');

    const transport = alice.run((tx) =>
      tx.create('note', { x: 40, y: 60, text: 'Transport collectif', color: 'yellow' }),
    );
    const logement = bruno.run((tx) => tx.create('note', { x: 300, y: 60, text: 'Logement' }));
    await docUntil(bruno.doc, 'Bruno to see the transport note', () => !!bruno.shape(transport));
    await docUntil(alice.doc, 'Alice to see the housing note', () => !!alice.shape(logement));

    alice.run((tx) => tx.update(transport, { x: 500, y: 420 }));
    bruno.run((tx) => tx.update<'note'>(logement, { text: 'Logement abordable et salubre' }));
    // Concurrent edits of two props of the same note both survive.
    alice.run((tx) => tx.update<'note'>(logement, { color: 'pink' }));
    bruno.run((tx) => tx.update(logement, { x: 320 }));

    const settled = (client: Client) => {
      const moved = client.shape(transport);
      const edited = client.shape(logement) as NoteShape | undefined;
      return (
        moved?.x === 500 &&
        moved.y === 420 &&
        edited?.text === 'Logement abordable et salubre' &&
        edited.color === 'pink' &&
        edited.x === 320
      );
    };
    await docUntil(alice.doc, 'Alice to converge', () => settled(alice));
    await docUntil(bruno.doc, 'Bruno to converge', () => settled(bruno));
    expect(alice.board.listShapes()).toEqual(bruno.board.listShapes());
    expect(alice.disconnects()).toBe(0);
  });
});
