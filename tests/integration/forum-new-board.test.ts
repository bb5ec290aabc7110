// R54: the facilitator adds one board to a running forum — empty, or from a board file — with
// listable, working links; other tokens are refused and a bad file creates nothing.
import { describe, expect, it } from 'vitest';
import type { CartonServer } from '../support/server.ts';
import {
  connect,
  docUntil,
  exportJson,
  territoryBoard,
  forumSuite,
  type CreatedForum,
  type Link,
} from './helpers.ts';
import { api, createSeedForum } from './forum-support.ts';

interface FileShape {
  id: string;
  type: string;
  index: string;
  parentId: string | null;
  [prop: string]: unknown;
}
interface BoardFileJson {
  format: string;
  version: number;
  meta: { schemaVersion: number; title: string; kind: string };
  shapes: FileShape[];
}
interface NewBoard {
  id: string;
  kind: string;
  title: string;
  territory: string | null;
  edit: Link;
  view: Link;
}

let server: CartonServer;
let forum: CreatedForum;
forumSuite(createSeedForum, (started, created) => {
  server = started;
  forum = created;
});

const boardsPath = () => `/api/forums/${forum.forum.id}/boards`;

async function boardFile(boardId: string, token: string): Promise<BoardFileJson> {
  const response = await exportJson(server, boardId, token);
  expect(response.status).toBe(200);
  return (await response.json()) as BoardFileJson;
}

/**
 * The shapes with ids replaced by their rank in the file and the z-order key dropped: two
 * files with the same content compare equal whatever ids the import gave.
 */
function content(shapes: readonly FileShape[]): unknown[] {
  const rank = new Map(shapes.map((shape, n) => [shape.id, `#${n}`] as const));
  const rename = (id: unknown) => (typeof id === 'string' ? (rank.get(id) ?? `?${id}`) : id);
  const binding = (value: unknown) =>
    value && typeof value === 'object' && 'shapeId' in value
      ? { ...value, shapeId: rename(value.shapeId) }
      : value;
  return shapes.map(({ id, index: _index, parentId, ...props }) => ({
    ...props,
    id: rename(id),
    parentId: rename(parentId),
    ...('startBinding' in props ? { startBinding: binding(props['startBinding']) } : {}),
    ...('endBinding' in props ? { endBinding: binding(props['endBinding']) } : {}),
  }));
}

async function listing(): Promise<Array<NewBoard | (Omit<NewBoard, 'edit'> & { edit: null })>> {
  const answer = await api(server, 'GET', `/api/forums/${forum.forum.id}`, forum.facilitator.token);
  expect(answer.status).toBe(200);
  return answer.body.boards;
}

describe('R54: POST /api/forums/:id/boards', () => {
  it('creates an empty board, listed with links that open it', async () => {
    const before = await listing();
    const answer = await api(server, 'POST', boardsPath(), forum.facilitator.token, {
      title: 'Conditions de succès — Les Basques',
      territory: 'Les Basques',
    });
    expect(answer.status).toBe(201);
    const created = answer.body.board as NewBoard;
    expect(created).toMatchObject({
      kind: 'territory',
      title: 'Conditions de succès — Les Basques',
      territory: 'Les Basques',
    });
    expect(created.edit.url).toBe(`${server.url}/b/${created.id}#token=${created.edit.token}`);

    const after = await listing();
    expect(after.map((b) => b.id)).toEqual([...before.map((b) => b.id), created.id]);
    expect(after.at(-1)).toEqual(created);

    const file = await boardFile(created.id, created.view.token);
    expect(file.meta).toMatchObject({ title: created.title, kind: 'territory' });
    expect(file.shapes).toEqual([]);

    // The stock client opens it with its edit link and writes (R9); a view client sees it, so
    // it was stored first (R5).
    const writer = connect(server, created.id, created.edit.token);
    const watcher = connect(server, created.id, created.view.token);
    try {
      await Promise.all([writer.synced, watcher.synced]);
      writer.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Faire confiance aux jeunes' }));
      await docUntil(watcher.doc, 'the note on the view client', () => {
        return watcher.board.listShapes().length === 1;
      });
      const stored = await boardFile(created.id, created.view.token);
      expect(stored.shapes.map((s) => s['text'])).toEqual(['Faire confiance aux jeunes']);
    } finally {
      writer.destroy();
      watcher.destroy();
    }

    // L2 works on it: its sealed links are the facilitator's to replace.
    const rotated = await api(
      server,
      'POST',
      `${boardsPath()}/${created.id}/links/edit/rotate`,
      forum.facilitator.token,
    );
    expect(rotated.status).toBe(200);
    expect((await listing()).at(-1)?.edit?.token).toBe(rotated.body.link.token);
  });

  it('creates a board from a board file: same content, new ids', async () => {
    const source = territoryBoard(forum, 'Kamouraska');
    const file = await boardFile(source.id, source.edit.token);
    expect(file.shapes.length).toBeGreaterThan(0);

    const answer = await api(server, 'POST', boardsPath(), forum.facilitator.token, {
      title: 'Cartes postales — copie',
      kind: 'postcards',
      file,
    });
    expect(answer.status).toBe(201);
    const created = answer.body.board as NewBoard;
    expect(created).toMatchObject({ kind: 'postcards', territory: null });

    const copy = await boardFile(created.id, created.edit.token);
    expect(copy.meta).toMatchObject({ title: 'Cartes postales — copie', kind: 'postcards' });
    expect(content(copy.shapes)).toEqual(content(file.shapes));
    const fileIds = new Set(file.shapes.map((s) => s.id));
    expect(copy.shapes.some((s) => fileIds.has(s.id))).toBe(false);

    const client = connect(server, created.id, created.edit.token);
    try {
      await client.synced;
      expect(client.board.listShapes()).toHaveLength(file.shapes.length);
    } finally {
      client.destroy();
    }
  });

  it('refuses other tokens with 403 and creates nothing', async () => {
    const before = await listing();
    const board = territoryBoard(forum, 'La Mitis');
    for (const token of [board.edit.token, board.view.token]) {
      const answer = await api(server, 'POST', boardsPath(), token, { title: 'Intrus' });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
    const missing = await api(server, 'POST', boardsPath(), null, { title: 'Intrus' });
    expect(missing.status).toBe(401);
    expect((await listing()).map((b) => b.id)).toEqual(before.map((b) => b.id));
  });

  it('refuses an invalid file with the codec’s code and path, and creates nothing', async () => {
    const before = await listing();
    const source = territoryBoard(forum, 'Témiscouata');
    const file = await boardFile(source.id, source.edit.token);
    const broken = {
      ...file,
      shapes: file.shapes.map((shape, n) => (n === 1 ? { ...shape, x: 'loin' } : shape)),
    };
    const answer = await api(server, 'POST', boardsPath(), forum.facilitator.token, {
      title: 'Conditions de succès — Témiscouata (copie)',
      file: broken,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid_value', path: 'shapes[1].x' });

    const foreign = await api(server, 'POST', boardsPath(), forum.facilitator.token, {
      title: 'Excalidraw',
      file: { type: 'excalidraw', elements: [] },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe('wrong_format');

    const untitled = await api(server, 'POST', boardsPath(), forum.facilitator.token, {
      title: '   ',
    });
    expect(untitled.status).toBe(400);
    expect(untitled.body.error.code).toBe('invalid_request');

    expect((await listing()).map((b) => b.id)).toEqual(before.map((b) => b.id));
  });
});
