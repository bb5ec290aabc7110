// Forum creation with the home page's fields; every board starts from the seed's template
// (R23, T1–T3), written by the server through the board commands.
import { templateText } from '@carton/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import { exportJson } from './helpers.ts';
import { api, createSeedForum, SEED_TITLE } from './forum-support.ts';

let server: CartonServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.dispose();
});

interface FileShape {
  type: string;
  text?: string;
  title?: string;
  kind?: string;
  parentId: string | null;
}
async function shapesOf(boardId: string, token: string): Promise<FileShape[]> {
  const response = await exportJson(server, boardId, token);
  expect(response.status).toBe(200);
  return ((await response.json()) as { shapes: FileShape[] }).shapes;
}
const words = (shapes: FileShape[]) => shapes.map((s) => s.text ?? s.title ?? '').join('\n');

describe('forum creation from the home page', () => {
  it('R24: POST /api/forums takes title, date and territories; the date comes back', async () => {
    const forum = await createSeedForum(server);
    expect(forum.forum).toMatchObject({ title: SEED_TITLE, date: '2023-10-26' });
    const listed = await api(
      server,
      'GET',
      `/api/forums/${forum.forum.id}`,
      forum.facilitator.token,
    );
    expect(listed.body.forum.date).toBe('2023-10-26');
    const bad = await api(server, 'POST', '/api/forums', null, { title: 'x', date: '26/10/2023' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('date');
  });

  it('T1: each territory board starts with its carton, « Conditions présentes » and « Conditions souhaitées »', async () => {
    const forum = await createSeedForum(server);
    const board = forum.boards.find((b) => b.territory === 'Témiscouata')!;
    const shapes = await shapesOf(board.id, board.view.token);
    const cartons = shapes.filter((s) => s.type === 'carton');
    expect(cartons.map((c) => c.title)).toEqual(['Conditions de succès — Témiscouata']);
    expect(words(shapes)).toContain('Conditions présentes');
    expect(words(shapes)).toContain('Conditions souhaitées');
    expect(shapes.filter((s) => s.type === 'stamp').map((s) => s.kind)).toEqual(['heart', 'star']);
  });

  it('T2: the postcard wall offers « PAR AVION » postcards to fill', async () => {
    const forum = await createSeedForum(server);
    const wall = forum.boards.find((b) => b.kind === 'postcards')!;
    const shapes = await shapesOf(wall.id, wall.edit.token);
    const cards = shapes.filter((s) => s.type === 'carton');
    expect(cards.length).toBeGreaterThan(1);
    expect(cards.every((c) => c.title === 'PAR AVION')).toBe(true);
    expect(words(shapes)).toContain('Destination prochaine Alliance BSL');
    expect(words(shapes)).toContain('Mes conditions de succès pour la prochaine Alliance');
    const notes = shapes.filter((s) => s.type === 'note');
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.text === '')).toBe(true);
  });

  it('T3: the plenary starts with « Déroulement », the rules and the « Questions préparatoires »', async () => {
    const forum = await createSeedForum(server);
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    const text = words(await shapesOf(plenary.id, plenary.view.token));
    for (const item of templateText.AGENDA) expect(text).toContain(item);
    for (const rule of [
      'ÉCOUTER avec ATTENTION',
      'PARLER avec INTENTION',
      'ÊTRE BIENVEILLANT',
      'SE FAIRE CONFIANCE',
      'RESPECTER le CADRE',
    ]) {
      expect(text).toContain(rule);
    }
    expect(text).toContain('Quel succès aimeriez-vous reproduire\u202f?');
  });

  it('R23: templates: false gives blank boards', async () => {
    const created = await api(server, 'POST', '/api/forums', null, {
      title: 'Vierge',
      templates: false,
      territories: ['La Mitis'],
    });
    expect(created.status).toBe(201);
    for (const board of created.body.boards as Array<{ id: string; view: { token: string } }>) {
      expect(await shapesOf(board.id, board.view.token)).toEqual([]);
    }
  });

  it('R26: the projector page /p/<boardId> is served like a board page (SPA fallback)', async () => {
    const board = await fetch(`${server.url}/b/abc`);
    const projector = await fetch(`${server.url}/p/abc`);
    expect(projector.status).toBe(board.status);
    expect(await projector.text()).toBe(await board.text());
    expect((await fetch(`${server.url}/q/abc`)).status).toBe(404);
  });
});
