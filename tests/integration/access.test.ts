// View tokens read but never write; bad tokens never get a socket (SPEC R9, R18, R20).
import { describe, expect, it } from 'vitest';
import type { CartonServer } from '../support/server.ts';
import {
  connect,
  createForum,
  docUntil,
  forumSuite,
  exportJson,
  refusedUpgrade,
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

interface ExportedFile {
  format: string;
  meta: { title: string };
  shapes: Array<{ id: string; text?: string }>;
}

describe('access control', () => {
  it('R9: a view token’s writes reach neither other clients nor the stored board', async () => {
    const board = territoryBoard(forum, 'La Mitis');
    const editor = connect(server, board.id, board.edit.token);
    const viewer = connect(server, board.id, board.view.token);
    clients.push(editor, viewer);
    await Promise.all([editor.synced, viewer.synced]);

    const forged = viewer.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Écrit en lecture' }));
    await server.waitForOutput(/"event":"view_update_dropped"/);
    const real = editor.run((tx) => tx.create('note', { x: 9, y: 9, text: 'Écrit par l’équipe' }));
    await docUntil(
      viewer.doc,
      'the viewer to receive the editor’s note',
      () => !!viewer.shape(real),
    );
    const late = connect(server, board.id, board.edit.token);
    clients.push(late);
    await late.synced;
    expect(late.shape(real)).toBeDefined();
    expect(late.shape(forged)).toBeUndefined();
    expect(editor.shape(forged)).toBeUndefined();
    expect(server.output()).not.toContain(board.view.token);

    // And not in storage: restart, then export from the stored board.
    for (const client of clients.splice(0)) client.destroy();
    await server.restart();
    const response = await exportJson(server, board.id, board.edit.token);
    const file = (await response.json()) as ExportedFile;
    const ids = file.shapes.map((shape) => shape.id);
    expect(ids).toContain(real);
    expect(ids).not.toContain(forged);
  });

  it('R18: a wrong, missing or foreign token is refused at the upgrade, with no socket', async () => {
    const board = territoryBoard(forum, 'La Matapédia');
    const other = territoryBoard(forum, 'Kamouraska');
    const base = `${server.syncUrl}/${board.id}`;
    const wrong = await refusedUpgrade(`${base}?token=${'A'.repeat(43)}`);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_token');
    const missing = await refusedUpgrade(base);
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('missing_token');
    const foreign = await refusedUpgrade(`${base}?token=${other.edit.token}`);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('forbidden');
    const badId = await refusedUpgrade(`${server.syncUrl}/..%2F..?token=${board.edit.token}`);
    expect(badId.status).toBe(404);
    expect(server.output()).not.toContain(other.edit.token);
  });

  it('R22: the facilitator token opens every board of its forum, and only those', async () => {
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const facilitator = connect(server, plenary.id, forum.facilitator.token);
    clients.push(facilitator);
    await facilitator.synced;
    const id = facilitator.run((tx) =>
      tx.create('note', { x: 0, y: 0, text: 'Les incontournables' }),
    );
    const reader = connect(server, plenary.id, plenary.view.token);
    clients.push(reader);
    await docUntil(
      reader.doc,
      'the reader to see the facilitator’s note',
      () => !!reader.shape(id),
    );

    const otherForum = await createForum(server, { title: 'Autre forum', territories: ['Matane'] });
    const refused = await refusedUpgrade(
      `${server.syncUrl}/${otherForum.boards[0]!.id}?token=${forum.facilitator.token}`,
    );
    expect(refused.status).toBe(403);
  });
});
