// The server keeps boards across restarts and crashes (SPEC R5, R8).
import type { NoteShape } from '@carton/board';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import { connect, createForum, docUntil, territoryBoard, type Client } from './helpers.ts';

let server: CartonServer | null = null;
const clients: Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  server = null;
});

function track(client: Client): Client {
  clients.push(client);
  return client;
}

describe('durability', () => {
  it('R8: a server stopped with SIGTERM serves the same board after a restart', async () => {
    server = await startServer();
    const forum = await createForum(server);
    const board = territoryBoard(forum, 'Les Basques');
    const writer = track(connect(server, board.id, board.edit.token));
    await writer.synced;
    const id = writer.run((tx) =>
      tx.create('note', { x: 10, y: 20, text: 'Mobilisation des partenaires' }),
    );
    writer.run((tx) => tx.update(id, { x: 110 }));
    // Reaching a second client proves the server accepted (and stored) the edits.
    const witness = track(connect(server, board.id, board.view.token));
    await docUntil(witness.doc, 'the witness to see the move', () => witness.shape(id)?.x === 110);
    for (const client of clients.splice(0)) client.destroy();

    const exit = await server.kill('SIGTERM');
    expect(exit.code).toBe(0);
    // The whole shutdown ran (rooms flushed, database checkpointed and closed) before the exit:
    // the process once fell out of its event loop while the WAL checkpointer stopped.
    expect(server.output()).toMatch(/"event":"stopped"/);
    await server.restart();

    const reader = track(connect(server, board.id, board.edit.token));
    await reader.synced;
    const note = reader.shape(id) as NoteShape | undefined;
    expect(note?.text).toBe('Mobilisation des partenaires');
    expect(note?.x).toBe(110);
    expect(reader.board.meta()?.title).toBe('Conditions de succès — Les Basques');
  });

  it('R5: an edit that reached another client survives SIGKILL', async () => {
    server = await startServer({ env: { CARTON_COMPACT_UPDATES: '1000000' } });
    const forum = await createForum(server);
    const board = territoryBoard(forum, 'La Matanie');
    const writer = track(connect(server, board.id, board.edit.token));
    const other = track(connect(server, board.id, board.edit.token));
    await Promise.all([writer.synced, other.synced]);
    const id = writer.run((tx) =>
      tx.create('note', { x: 0, y: 0, text: 'Accès aux services de proximité' }),
    );
    writer.run((tx) =>
      tx.update<'note'>(id, { text: 'Accès aux services de proximité en région' }),
    );
    await docUntil(
      other.doc,
      'the other client to see the edit',
      () => (other.shape(id) as NoteShape | undefined)?.text?.endsWith('en région') === true,
    );

    const exit = await server.kill('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    for (const client of clients.splice(0)) client.destroy();
    await server.restart();

    const fresh = track(connect(server, board.id, board.view.token));
    await fresh.synced;
    expect((fresh.shape(id) as NoteShape | undefined)?.text).toBe(
      'Accès aux services de proximité en région',
    );
  });
});
