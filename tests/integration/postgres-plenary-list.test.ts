// C10 with several processes (R63): « Mettre la liste sur la plénière » sent to two relays on
// one PostgreSQL database at once — two facilitator pages of the same forum on two processes —
// leaves one area on the plenary, holding the list once, on every process.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CartonServer } from '../support/server.ts';
import { relaysOnPostgres } from './cluster-support.ts';
import { api } from './forum-support.ts';
import { connect, createForum, docUntil, waitUntil } from './helpers.ts';

const { start, track } = relaysOnPostgres();

const sameState = (a: Y.Doc, b: Y.Doc) =>
  Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

describe('C10 on two relays', () => {
  it('two processes placing the list before either sees the other’s: one area, the list once', async () => {
    const cluster = await start(2);
    const [a, b] = cluster.servers as [CartonServer, CartonServer];
    const forum = await createForum(a, {
      title: 'Forum régional de l’Alliance 2023',
      templates: false,
      territories: ['Kamouraska', 'La Mitis'],
    });
    const board = forum.boards.find((x) => x.territory === 'Kamouraska')!;
    const plenary = forum.boards.find((x) => x.kind === 'plenary')!;
    const writer = track(connect(a, board.id, board.edit.token));
    await writer.synced;
    const ideas = ['Participation citoyenne', 'Transport collectif', 'Logement abordable'];
    writer.run((tx) => ideas.forEach((text, n) => tx.create('note', { x: n * 220, y: 0, text })));
    const onB = track(connect(b, board.id, board.view.token));
    await onB.synced;
    await docUntil(onB.doc, 'the ideas on B', () => onB.board.listShapes().length === 3);
    // The plenary is open on both processes (the room's screen, a participant's phone).
    const plenaryA = track(connect(a, plenary.id, plenary.view.token));
    const plenaryB = track(connect(b, plenary.id, plenary.view.token));
    await Promise.all([plenaryA.synced, plenaryB.synced]);

    // The bus down while both place: neither process sees the other's list before placing its
    // own, as when two clicks meet within the bus's delay.
    await cluster.redis.kill('SIGKILL');
    const path = `/api/forums/${forum.forum.id}/compilation/plenary`;
    const onA = await api(a, 'POST', path, forum.facilitator.token, {});
    const onBPlaced = await api(b, 'POST', path, forum.facilitator.token, {});
    expect([onA.status, onBPlaced.status]).toEqual([200, 200]);
    expect([onA.body.added, onBPlaced.body.added]).toEqual([3, 3]);
    await cluster.redis.restart();
    await waitUntil(
      'both processes’ plenaries to converge',
      () => sameState(plenaryA.doc, plenaryB.doc),
      (check) => {
        plenaryA.doc.on('update', check);
        plenaryB.doc.on('update', check);
        return () => {
          plenaryA.doc.off('update', check);
          plenaryB.doc.off('update', check);
        };
      },
      15_000,
    );
    for (const watcher of [plenaryA, plenaryB]) {
      const shapes = watcher.board.listShapes();
      expect(shapes.filter((s) => s.type === 'carton')).toHaveLength(1);
      const notes = shapes.filter((s) => s.type === 'note').map((s) => s.text);
      expect(notes.sort()).toEqual([...ideas].sort());
    }
    // Placed again on either process: nothing added, nothing left aside.
    const again = await api(b, 'POST', path, forum.facilitator.token, {});
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ added: 0, removed: 0, unchanged: 3, kept: [] });
  });
  it('two first placings with different lists: each process’s notes stay remembered, reworded at the next placing', async () => {
    const cluster = await start(2);
    const [a, b] = cluster.servers as [CartonServer, CartonServer];
    const forum = await createForum(a, {
      title: 'Forum des Alliances',
      templates: false,
      territories: ['Kamouraska', 'La Mitis'],
    });
    const board = forum.boards.find((x) => x.territory === 'Kamouraska')!;
    const plenary = forum.boards.find((x) => x.kind === 'plenary')!;
    const writer = track(connect(a, board.id, board.edit.token));
    await writer.synced;
    writer.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Transport collectif' }));
    const onB = track(connect(b, board.id, board.edit.token));
    await onB.synced;
    await docUntil(onB.doc, 'the idea on B', () => onB.board.listShapes().length === 1);
    const plenaryA = track(connect(a, plenary.id, plenary.view.token));
    const plenaryB = track(connect(b, plenary.id, plenary.view.token));
    await Promise.all([plenaryA.synced, plenaryB.synced]);
    // The bus down: a note written on B's process only, then each process places its own list.
    await cluster.redis.kill('SIGKILL');
    onB.run((tx) => tx.create('note', { x: 220, y: 0, text: 'Logement abordable' }));
    const path = `/api/forums/${forum.forum.id}/compilation/plenary`;
    const token = forum.facilitator.token;
    const onA = await api(a, 'POST', path, token, {});
    const onBPlaced = await api(b, 'POST', path, token, {});
    expect([onA.body.added, onBPlaced.body.added]).toEqual([1, 2]);
    await cluster.redis.restart();
    await waitUntil(
      'both processes’ plenaries to converge',
      () =>
        sameState(plenaryA.doc, plenaryB.doc) &&
        plenaryA.board.listShapes().filter((s) => s.type === 'note').length === 2,
      (check) => {
        plenaryA.doc.on('update', check);
        plenaryB.doc.on('update', check);
        return () => {
          plenaryA.doc.off('update', check);
          plenaryB.doc.off('update', check);
        };
      },
      15_000,
    );
    // The facilitator rewords both ideas: both notes take the new words, none read as edited.
    const reworded = await api(a, 'PUT', `/api/forums/${forum.forum.id}/compilation`, token, {
      wordings: {
        'transport collectif': 'Un transport collectif pour tous',
        'logement abordable': 'Du logement abordable',
      },
    });
    expect(reworded.status).toBe(200);
    const again = await api(a, 'POST', path, token, {});
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ added: 0, updated: 2, removed: 0, kept: [] });
    // A new idea takes a slot of its own, whichever process's next slot the merge kept.
    writer.run((tx) => tx.create('note', { x: 440, y: 0, text: 'Sécurité alimentaire' }));
    await docUntil(onB.doc, 'the third idea on B', () => onB.board.listShapes().length === 3);
    const third = await api(a, 'POST', path, token, {});
    expect(third.body).toMatchObject({ added: 1, kept: [] });
    await docUntil(plenaryA.doc, 'the third note', () =>
      plenaryA.board
        .listShapes()
        .some((s) => s.type === 'note' && s.text === 'Sécurité alimentaire'),
    );
    const notes = plenaryA.board.listShapes().filter((s) => s.type === 'note');
    expect(new Set(notes.map((n) => `${n.x},${n.y}`)).size).toBe(3);
  });
});
