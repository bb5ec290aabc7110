// Restoring a version (SPEC R37): the facilitator restores, every connected client converges to
// the version's content, received as one ordinary update.
import type { NoteShape } from '@carton/board';
import { describe, expect, it } from 'vitest';
import type { CartonServer } from '../support/server.ts';
import {
  authFetch,
  connect,
  createForum,
  docUntil,
  forumSuite,
  territoryBoard,
  type Client,
  type CreatedForum,
} from './helpers.ts';

let server: CartonServer;
let forum: CreatedForum;
const clients: Client[] = [];
forumSuite(
  createForum,
  (started, created) => {
    server = started;
    forum = created;
  },
  clients,
);

const api = (path: string, token: string, init: RequestInit = {}) =>
  authFetch(server, `/api/boards/${path}`, token, {
    ...init,
    headers: { 'Content-Type': 'application/json' },
  });

const texts = (client: Client) =>
  client.board
    .listShapes()
    .filter((shape): shape is NoteShape => shape.type === 'note')
    .map((note) => note.text)
    .sort();

describe('restore a version', () => {
  it('R37: both connected clients converge to the restored version in one update', async () => {
    const board = territoryBoard(forum, 'Kamouraska');
    const alice = connect(server, board.id, board.edit.token);
    const bruno = connect(server, board.id, board.edit.token);
    clients.push(alice, bruno);
    await Promise.all([alice.synced, bruno.synced]);

    const carton = alice.run((tx) =>
      tx.create('carton', { x: 0, y: 0, w: 900, h: 600, title: 'Conditions présentes' }),
    );
    const kept = alice.run((tx) =>
      tx.create('note', { x: 20, y: 20, text: 'Transport collectif', parentId: carton }),
    );
    const edited = bruno.run((tx) => tx.create('note', { x: 300, y: 40, text: 'Logement' }));
    await docUntil(bruno.doc, 'Bruno to see the carton', () => !!bruno.shape(kept));
    await docUntil(alice.doc, 'Alice to see the note', () => !!alice.shape(edited));

    const saved = await api(`${board.id}/snapshots`, forum.facilitator.token, {
      method: 'POST',
      body: JSON.stringify({ name: 'Avant la plénière' }),
    });
    expect(saved.status).toBe(201);
    const { snapshot } = (await saved.json()) as { snapshot: { id: number } };

    // After the version: edits, an addition, a deletion.
    bruno.run((tx) => tx.update<'note'>(edited, { text: 'Logement social', x: 500 }));
    const added = alice.run((tx) => tx.create('note', { x: 700, y: 700, text: 'Ajout tardif' }));
    alice.run((tx) => tx.delete([kept]));
    await docUntil(bruno.doc, 'Bruno to see the later edits', () => !bruno.shape(kept));
    await docUntil(bruno.doc, 'Bruno to see the addition', () => !!bruno.shape(added));

    // Only the facilitator restores.
    expect(
      (
        await api(`${board.id}/snapshots/${snapshot.id}/restore`, board.edit.token, {
          method: 'POST',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api(`${board.id}/snapshots/999999/restore`, forum.facilitator.token, {
          method: 'POST',
        })
      ).status,
    ).toBe(404);

    let updatesSeenByBruno = 0;
    bruno.doc.on('update', () => updatesSeenByBruno++);
    const restored = await api(
      `${board.id}/snapshots/${snapshot.id}/restore`,
      forum.facilitator.token,
      {
        method: 'POST',
      },
    );
    expect(restored.status).toBe(200);
    const result = (await restored.json()) as {
      restored: { shapes: number };
      previous: { id: number; kind: string };
    };
    expect(result.restored.shapes).toBe(3);

    const wanted = ['Logement', 'Transport collectif'];
    for (const client of [alice, bruno]) {
      await docUntil(
        client.doc,
        'the restored version',
        () => texts(client).join('|') === wanted.join('|'),
      );
      expect(client.shape(kept)?.parentId).toBe(carton);
      expect(client.shape(edited)?.x).toBe(300);
      expect(client.shape(added)).toBeUndefined();
    }
    expect(updatesSeenByBruno).toBe(1);
    // Still editable together afterwards.
    const after = bruno.run((tx) =>
      tx.create('note', { x: 1, y: 1, text: 'Après la restauration' }),
    );
    await docUntil(alice.doc, 'an edit after the restore', () => !!alice.shape(after));

    // The board as it was before the restore is kept as a version, so the restore can be undone.
    const listed = (await (await api(`${board.id}/snapshots`, forum.facilitator.token)).json()) as {
      snapshots: Array<{ id: number; kind: string; name: string | null }>;
    };
    expect(listed.snapshots.find((s) => s.id === result.previous.id)?.name).toMatch(
      /Avant la restauration/,
    );
  });

  it('R37: restoring a board nobody has open stores the change for the next visitor', async () => {
    const board = territoryBoard(forum, 'La Matanie');
    const writer = connect(server, board.id, board.edit.token);
    clients.push(writer);
    await writer.synced;
    const witness = connect(server, board.id, board.view.token);
    clients.push(witness);
    await witness.synced;
    writer.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Première idée' }));
    // The server has it once another client does (the version is taken on the server).
    await docUntil(witness.doc, 'the first idea to be stored', () => texts(witness).length === 1);
    const saved = await api(`${board.id}/snapshots`, forum.facilitator.token, {
      method: 'POST',
      body: JSON.stringify({ name: 'Version 1' }),
    });
    const { snapshot } = (await saved.json()) as { snapshot: { id: number } };
    writer.run((tx) => tx.create('note', { x: 5, y: 5, text: 'Deuxième idée' }));
    await docUntil(witness.doc, 'the second idea to be stored', () => texts(witness).length === 2);
    writer.destroy();
    witness.destroy();

    const restored = await api(
      `${board.id}/snapshots/${snapshot.id}/restore`,
      forum.facilitator.token,
      {
        method: 'POST',
      },
    );
    expect(restored.status).toBe(200);
    const exported = (await (
      await fetch(`${server.url}/api/boards/${board.id}/export.json`, {
        headers: { Authorization: `Bearer ${board.view.token}` },
      })
    ).json()) as { shapes: Array<{ text?: string }> };
    expect(exported.shapes.map((s) => s.text)).toEqual(['Première idée']);
  });
});
