import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Board,
  SERVER_ORIGIN,
  shapesBounds,
  territoryCartonTitle,
  type ParsedBoardFile,
  type Shape,
} from '@carton/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { COPY_MARGIN, copyOffset, retitledForTarget } from './board-copy-routes.ts';
import { startServer, type RunningServer } from './server.ts';

describe('R68: where a copy lands', () => {
  it('an empty target keeps the source positions', () => {
    expect(copyOffset({ x: 40, y: 60, w: 900, h: 600 }, null)).toEqual({ x: 0, y: 0 });
  });

  it('right of the target’s content with a margin, tops aligned', () => {
    const source = { x: 40, y: 60, w: 900, h: 600 };
    const target = { x: -100, y: 200, w: 1200, h: 500 };
    const offset = copyOffset(source, target);
    expect(source.x + offset.x).toBe(target.x + target.w + COPY_MARGIN);
    expect(source.y + offset.y).toBe(target.y);
  });

  it('the content box covers every shape', () => {
    const note = (x: number, y: number) =>
      ({ type: 'note', x, y, w: 200, h: 200, rotation: 0 }) as unknown as Shape;
    expect(shapesBounds([])).toBeNull();
    expect(shapesBounds([note(0, 0), note(500, -100)])).toEqual({ x: 0, y: -100, w: 700, h: 300 });
  });
});

describe('R68: a copied carton names its new territory', () => {
  const carton = (id: string, title: string) =>
    ({
      id,
      type: 'carton',
      index: 'a0',
      x: 0,
      y: 0,
      w: 1600,
      h: 1000,
      rotation: 0,
      parentId: null,
      title,
    }) as unknown as Shape;
  const fileOf = (...shapes: Shape[]): ParsedBoardFile => ({
    meta: { schemaVersion: 1, title: 'Kamouraska', kind: 'territory' },
    shapes,
    images: {},
  });
  const titles = (file: ParsedBoardFile) =>
    file.shapes.map((shape) => shape['title' as keyof typeof shape]);

  it('the template’s title and others naming the source territory take the target’s name', () => {
    const file = fileOf(
      carton('shape:a', territoryCartonTitle('Kamouraska')),
      carton('shape:b', 'Kamouraska : nos priorités (KAMOURASKA)'),
    );
    expect(titles(retitledForTarget(file, 'Kamouraska', 'Rivière-du-Loup'))).toEqual([
      'Conditions de succès — Rivière-du-Loup',
      'Rivière-du-Loup : nos priorités (Rivière-du-Loup)',
    ]);
    // The source's file is left as it was (it serves every target).
    expect(titles(file)[0]).toBe('Conditions de succès — Kamouraska');
  });

  it('a title not naming the source territory, or naming it inside a longer name, is kept', () => {
    const file = fileOf(
      carton('shape:a', 'Conditions présentes'),
      carton('shape:b', 'Rimouski-Neigette et Rimouskois'),
      { id: 'shape:n', type: 'note', text: 'Rimouski' } as unknown as Shape,
    );
    expect(retitledForTarget(file, 'Rimouski', 'La Mitis')).toBe(file);
    expect(
      retitledForTarget(fileOf(carton('shape:a', 'Rimouski')), null, 'La Mitis').shapes[0],
    ).toMatchObject({ title: 'Rimouski' });
    expect(
      retitledForTarget(fileOf(carton('shape:a', 'Rimouski')), 'Rimouski', null).shapes[0],
    ).toMatchObject({ title: 'Rimouski' });
  });

  it('a name that would take the title past its limit keeps the old title', () => {
    const long = `${'x'.repeat(489)} Kamouraska`;
    const file = fileOf(carton('shape:a', long));
    expect(titles(retitledForTarget(file, 'Kamouraska', 'Rivière-du-Loup'))).toEqual([long]);
  });
});

interface CreatedBoard {
  id: string;
  territory: string | null;
  edit: { token: string };
  view: { token: string };
}

describe('R68: POST /api/forums/:id/boards/:boardId/copy', () => {
  let dir: string;
  let server: RunningServer;
  const lines: string[] = [];
  let forum: { forum: { id: string }; facilitator: { token: string }; boards: CreatedBoard[] };
  const board = (territory: string) => forum.boards.find((b) => b.territory === territory)!;
  const shapesOf = (boardId: string) =>
    server.relay.withBoardDoc(boardId, (doc) => {
      const view = new Board(doc);
      try {
        return view.listShapes();
      } finally {
        view.destroy();
      }
    });
  const copy = async (boardId: string, body: unknown, token = forum.facilitator.token) => {
    const response = await fetch(
      `${server.url}/api/forums/${forum.forum.id}/boards/${boardId}/copy`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'carton-board-copy-'));
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      CARTON_DATA_DIR: dir,
      CARTON_MAX_BOARD_BYTES: String(16 * 1024),
    });
    server = await startServer(
      config,
      createLogger('debug', (line) => lines.push(line)),
    );
    const response = await fetch(`${server.url}/api/forums`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'Forum des Alliances 2023',
        territories: ['Témiscouata', 'Rimouski-Neigette', 'La Mitis'],
        templates: false,
      }),
    });
    forum = (await response.json()) as typeof forum;
    // The prepared carton: a heading, a note inside it and an arrow bound to the note.
    await server.relay.changeBoard(board('Témiscouata').id, (doc) => {
      const model = new Board(doc);
      model.run((tx) => {
        const carton = tx.create('carton', {
          x: 40,
          y: 60,
          w: 900,
          h: 600,
          title: 'Conditions présentes',
        });
        tx.create('carton', {
          x: 40,
          y: 700,
          w: 900,
          h: 300,
          title: territoryCartonTitle('Témiscouata'),
        });
        const note = tx.create('note', {
          x: 80,
          y: 160,
          text: 'Concertation forte entre partenaires, partage des savoirs',
          parentId: carton,
        });
        tx.create('arrow', {
          x: 300,
          y: 260,
          start: { x: 0, y: 0 },
          end: { x: 200, y: 0 },
          startBinding: { shapeId: note, anchor: { x: 1, y: 0.5 } },
        });
      }, SERVER_ORIGIN);
      model.destroy();
    });
    // La Mitis is nearly full (R30): the copy does not fit there.
    await server.relay.changeBoard(board('La Mitis').id, (doc) => {
      const model = new Board(doc);
      model.run((tx) => {
        tx.create('note', { x: 0, y: 0, text: 'Financement récurrent '.repeat(450) });
        tx.create('note', { x: 300, y: 0, text: 'Balises claires '.repeat(370) });
      }, SERVER_ORIGIN);
      model.destroy();
    });
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('copies to the boards with room; a full one is reported and left as it was (R30)', async () => {
    const source = await shapesOf(board('Témiscouata').id);
    const mitisBefore = await shapesOf(board('La Mitis').id);
    const answer = await copy(board('Témiscouata').id, {
      to: [board('Rimouski-Neigette').id, board('La Mitis').id],
    });
    expect(answer.status).toBe(200);
    expect(answer.body['copied']).toEqual([{ boardId: board('Rimouski-Neigette').id, created: 4 }]);
    expect(answer.body['refused']).toEqual([
      { boardId: board('La Mitis').id, code: 'board_full', message: expect.any(String) },
    ]);
    expect(await shapesOf(board('La Mitis').id)).toEqual(mitisBefore);
    const copies = await shapesOf(board('Rimouski-Neigette').id);
    // An empty target keeps the source's positions; every id is new.
    expect(copies.map((s) => [s.type, s.x, s.y])).toEqual(source.map((s) => [s.type, s.x, s.y]));
    expect(copies.some((s) => source.some((o) => o.id === s.id))).toBe(false);
    // The carton named after Témiscouata names Rimouski-Neigette on its new board.
    expect(copies.flatMap((s) => (s.type === 'carton' ? [s.title] : []))).toEqual([
      'Conditions présentes',
      'Conditions de succès — Rimouski-Neigette',
    ]);
    const log = lines.join('\n');
    expect(log).toContain('board_copied');
    expect(log).not.toContain(forum.facilitator.token);
  });

  it('a second copy lands to the right of what the target holds', async () => {
    const before = await shapesOf(board('Rimouski-Neigette').id);
    const answer = await copy(board('Témiscouata').id, { to: [board('Rimouski-Neigette').id] });
    expect(answer.status).toBe(200);
    const after = await shapesOf(board('Rimouski-Neigette').id);
    const added = after.filter((s) => !before.some((o) => o.id === s.id));
    const old = shapesBounds(before)!;
    expect(shapesBounds(added)!.x).toBe(old.x + old.w + COPY_MARGIN);
    expect(shapesBounds(added)!.y).toBe(old.y);
  });

  it('noteText « empty » copies the notes without their words; the layout is kept', async () => {
    const source = await shapesOf(board('Témiscouata').id);
    const before = await shapesOf(board('Rimouski-Neigette').id);
    const answer = await copy(board('Témiscouata').id, {
      to: [board('Rimouski-Neigette').id],
      noteText: 'empty',
    });
    expect(answer.status).toBe(200);
    expect(answer.body['copied']).toEqual([{ boardId: board('Rimouski-Neigette').id, created: 4 }]);
    const after = await shapesOf(board('Rimouski-Neigette').id);
    const added = after.filter((s) => !before.some((o) => o.id === s.id));
    // The same shapes, sizes and relative places; every note is empty, so the compilation
    // (which skips empty notes) does not count Témiscouata's idea for Rimouski-Neigette.
    const layout = (shapes: Shape[]) =>
      shapes.map((s) => [s.type, 'w' in s ? s.w : null, 'h' in s ? s.h : null]);
    expect(layout(added)).toEqual(layout(source));
    const notes = added.filter((s) => s.type === 'note');
    expect(notes).toHaveLength(1);
    expect(notes.map((s) => s.type === 'note' && s.text)).toEqual(['']);
    const carton = added.find((s) => s.type === 'carton' && s.title === 'Conditions présentes');
    expect(notes[0]!.parentId).toBe(carton?.id);
    const arrow = added.find((s) => s.type === 'arrow');
    expect(arrow?.type === 'arrow' && arrow.startBinding?.shapeId).toBe(notes[0]!.id);
    // The source keeps its words.
    expect(
      (await shapesOf(board('Témiscouata').id)).flatMap((s) => (s.type === 'note' ? [s.text] : [])),
    ).toEqual(['Concertation forte entre partenaires, partage des savoirs']);
  });

  it('an unknown noteText is refused and nothing is copied', async () => {
    const before = await shapesOf(board('Rimouski-Neigette').id);
    for (const noteText of ['blank', '', true, null]) {
      const answer = await copy(board('Témiscouata').id, {
        to: [board('Rimouski-Neigette').id],
        noteText,
      });
      expect(answer.status, JSON.stringify(noteText)).toBe(400);
      expect(answer.body['error']).toEqual({
        code: 'invalid_request',
        message: expect.any(String),
      });
    }
    expect(await shapesOf(board('Rimouski-Neigette').id)).toEqual(before);
  });

  it('refuses a body naming the source, a board twice, or nothing; an edit link is 403', async () => {
    const source = board('Témiscouata').id;
    const other = board('Rimouski-Neigette').id;
    for (const body of [{ to: [source] }, { to: [other, other] }, { to: [] }, { to: other }]) {
      const answer = await copy(source, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect((answer.body['error'] as { code: string }).code).toBe('invalid_request');
    }
    const edit = await copy(source, { to: [other] }, board('Témiscouata').edit.token);
    expect(edit.status).toBe(403);
    expect((await copy('nope', { to: [other] })).status).toBe(404);
  });
});
