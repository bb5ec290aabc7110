// « Les incontournables » (C1–C6): notes of the chosen boards, postcards included, identical
// ideas merged, the facilitator's merges applied, Markdown and CSV downloads, and the forum
// archive carries them.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CartonServer } from '../support/server.ts';
import { authFetch, forumSuite, unzip, type CreatedForum } from './helpers.ts';
import { api, createSeedForum, writeNotes } from './forum-support.ts';

let server: CartonServer;
let forum: CreatedForum;
forumSuite(
  (started) => createSeedForum(started, ['Kamouraska', 'La Mitis']),
  (started, created) => {
    server = started;
    forum = created;
  },
);
beforeAll(async () => {
  const board = (name: string) => forum.boards.find((b) => b.territory === name)!;
  await writeNotes(
    server,
    board('Kamouraska').id,
    board('Kamouraska').edit.token,
    ['Participation citoyenne', 'Bon leadership'],
    { x: 2000 },
  );
  await writeNotes(
    server,
    board('La Mitis').id,
    board('La Mitis').edit.token,
    ['participation  citoyenne!', 'Implication citoyenne'],
    { x: 2000 },
  );
  // On the postcard wall, a participant fills the template's first empty note.
  const wall = forum.boards.find((b) => b.kind === 'postcards')!;
  await writeNotes(server, wall.id, wall.edit.token, ['Accompagnement'], {
    x: 2000,
    fillTemplate: true,
  });
});

interface Item {
  key: string;
  text: string;
  count: number;
  territories: string[];
  sources: string[];
  votes: number;
}

describe('compilation « Les incontournables »', () => {
  const base = () => `/api/forums/${forum.forum.id}/compilation`;

  it('C2, C6: « Participation citoyenne » and « participation  citoyenne! » are one item, count 2, both territories', async () => {
    const answer = await api(server, 'GET', base(), forum.facilitator.token);
    expect(answer.status).toBe(200);
    const items = answer.body.items as Item[];
    const participation = items.find((i) => i.key === 'participation citoyenne')!;
    expect(participation).toMatchObject({
      text: 'Participation citoyenne',
      count: 2,
      territories: ['Kamouraska', 'La Mitis'],
    });
    expect(items.find((i) => i.text === 'Accompagnement')?.sources).toEqual(['Cartes postales']);
    // Template notes left empty are not ideas; the plenary is not compiled by default.
    expect(items.map((i) => i.text)).not.toContain('');
    expect(answer.body.boardIds).not.toContain(forum.boards[0]!.id);
    // ?boards= chooses: only La Mitis.
    const mitis = forum.boards.find((b) => b.territory === 'La Mitis')!;
    const only = await api(server, 'GET', `${base()}?boards=${mitis.id}`, forum.facilitator.token);
    expect((only.body.items as Item[]).map((i) => [i.text, i.count])).toEqual([
      ['participation citoyenne!', 1],
      ['Implication citoyenne', 1],
    ]);
  });

  it('C3, C5: the facilitator’s merges are kept in the forum doc and shape Markdown and CSV', async () => {
    expect(
      (await api(server, 'PUT', base(), forum.boards[1]!.edit.token, { merges: {} })).status,
    ).toBe(403);
    const merged = await api(server, 'PUT', base(), forum.facilitator.token, {
      merges: { 'implication citoyenne': 'participation citoyenne' },
    });
    expect(merged.status).toBe(200);
    const first = (merged.body.items as Item[])[0]!;
    expect(first).toMatchObject({ key: 'participation citoyenne', count: 3 });

    const md = await api(server, 'GET', `${base()}.md`, forum.facilitator.token);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(md.headers.get('content-disposition')).toContain(
      'attachment; filename="incontournables-',
    );
    expect(md.text).toContain('# Les incontournables — Forum des Alliances');
    // C5: numbered in the list's order (no vote: 1, 2, 3…).
    expect(md.text).toContain('\n1. **Participation citoyenne** — 3 fois · Kamouraska, La Mitis\n');
    // No vote was held: no count on the lines (C5).
    expect(md.text).toMatch(/\n\d+\. \*\*Accompagnement\*\* — 1 fois · Cartes postales\n/);

    const csv = await api(server, 'GET', `${base()}.csv`, forum.facilitator.token);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[0]).toBe('idee,fois,territoires,sources');
    expect(rows[1]).toBe('Participation citoyenne,3,Kamouraska; La Mitis,Kamouraska; La Mitis');
    expect(rows).toContain('Accompagnement,1,,Cartes postales');
    expect((await api(server, 'GET', `${base()}.csv`, forum.boards[0]!.view.token)).status).toBe(
      403,
    );
  });

  it('C5: ?lang=en writes the Markdown and CSV in English for an English page', async () => {
    const md = await api(server, 'GET', `${base()}.md?lang=en`, forum.facilitator.token);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-disposition')).toContain('filename="must-haves-');
    expect(md.text).toContain('# The must-haves — Forum des Alliances');
    expect(md.text).toMatch(/\n\d+\. \*\*Accompagnement\*\* — 1 time · Cartes postales\n/);
    expect(md.text).not.toMatch(/incontournables|\u00a0|«/);
    const csv = await api(server, 'GET', `${base()}.csv?lang=en`, forum.facilitator.token);
    expect(csv.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('idea,times,territories,sources');
  });

  it('C6: the forum archive holds incontournables.md and .csv', async () => {
    const response = await authFetch(
      server,
      `/api/forums/${forum.forum.id}/archive.zip`,
      forum.facilitator.token,
    );
    expect(response.status).toBe(200);
    const files = unzip(Buffer.from(await response.arrayBuffer()));
    const md = files.get('incontournables.md')?.toString('utf8') ?? '';
    expect(md).toContain('\n1. **Participation citoyenne** — 3 fois · Kamouraska, La Mitis');
    expect(files.get('incontournables.csv')?.toString('utf8')).toContain(
      'Accompagnement,1,,Cartes postales\r\n',
    );
  });

  it('C7: an idea set aside leaves the list and the downloads, survives a recompile, and is put back', async () => {
    const aside = await api(server, 'PUT', base(), forum.facilitator.token, {
      setAside: { 'bon leadership': true },
    });
    expect(aside.status).toBe(200);
    expect((aside.body.items as Item[]).map((i) => i.text)).not.toContain('Bon leadership');
    expect((aside.body.setAside as Item[]).map((i) => [i.text, i.count])).toEqual([
      ['Bon leadership', 1],
    ]);
    expect(aside.body.setAsideKeys).toEqual(['bon leadership']);
    // Compiling again (the boards chosen anew) keeps it set aside.
    const again = await api(server, 'PUT', base(), forum.facilitator.token, {
      boardIds: forum.boards.filter((b) => b.kind !== 'plenary').map((b) => b.id),
    });
    expect((again.body.items as Item[]).map((i) => i.text)).not.toContain('Bon leadership');
    const md = await api(server, 'GET', `${base()}.md`, forum.facilitator.token);
    expect(md.text).not.toContain('Bon leadership');
    const csv = await api(server, 'GET', `${base()}.csv`, forum.facilitator.token);
    expect(csv.text).not.toContain('Bon leadership');
    // The notes on the board are untouched: put back, the idea is in the list again.
    const back = await api(server, 'PUT', base(), forum.facilitator.token, {
      setAside: { 'bon leadership': false },
    });
    expect((back.body.items as Item[]).map((i) => i.text)).toContain('Bon leadership');
    expect(back.body.setAside).toEqual([]);
    const wrong = await api(server, 'PUT', base(), forum.facilitator.token, {
      setAside: { 'bon leadership': 'oui' },
    });
    expect(wrong.status).toBe(400);
  });
  it('C8: the facilitator’s words for an idea are the list’s and the downloads’, and are given back', async () => {
    const words = 'Participation citoyenne : des personnes touchées, accompagnées et rémunérées';
    const reworded = await api(server, 'PUT', base(), forum.facilitator.token, {
      wordings: { 'participation citoyenne': `  ${words}  ` },
    });
    expect(reworded.status).toBe(200);
    const item = (reworded.body.items as (Item & { notesText?: string })[]).find(
      (i) => i.key === 'participation citoyenne',
    )!;
    expect([item.text, item.notesText, item.count]).toEqual([words, 'Participation citoyenne', 3]);
    expect(reworded.body.wordings).toEqual({ 'participation citoyenne': words });
    const md = await api(server, 'GET', `${base()}.md`, forum.facilitator.token);
    // « Implication citoyenne » was merged into it above: three notes.
    expect(md.text).toContain(`. **${words}** — 3 fois · Kamouraska, La Mitis`);
    // The notes on the boards keep their words.
    const board = forum.boards.find((b) => b.territory === 'Kamouraska')!;
    const exported = await authFetch(
      server,
      `/api/boards/${board.id}/export.json`,
      board.edit.token,
    );
    expect(await exported.text()).toContain('"Participation citoyenne"');
    // A line break or nothing visible is refused (R24); null gives the notes' words back.
    for (const wrong of ['Deux\nlignes', '   ', 42]) {
      const refused = await api(server, 'PUT', base(), forum.facilitator.token, {
        wordings: { 'participation citoyenne': wrong },
      });
      expect(refused.status).toBe(400);
    }
    const back = await api(server, 'PUT', base(), forum.facilitator.token, {
      wordings: { 'participation citoyenne': null },
    });
    const again = (back.body.items as (Item & { notesText?: string })[]).find(
      (i) => i.key === 'participation citoyenne',
    )!;
    expect([again.text, again.notesText]).toEqual(['Participation citoyenne', undefined]);
  });
  it('C9: two ideas said different are kept in the forum doc and answered, and can be forgotten', async () => {
    const pair = 'accompagnement|bon leadership';
    const said = await api(server, 'PUT', base(), forum.facilitator.token, {
      distinct: { [pair]: true },
    });
    expect(said.status).toBe(200);
    expect(said.body.distinct).toEqual([pair]);
    expect((await api(server, 'GET', base(), forum.facilitator.token)).body.distinct).toEqual([
      pair,
    ]);
    const wrong = await api(server, 'PUT', base(), forum.facilitator.token, {
      distinct: { [pair]: 'non' },
    });
    expect(wrong.status).toBe(400);
    const forgotten = await api(server, 'PUT', base(), forum.facilitator.token, {
      distinct: { [pair]: false },
    });
    expect(forgotten.body.distinct).toEqual([]);
  });
});
