import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyBoardTemplate, Board, initBoardDoc, localOrigin, type Shape } from '@carton/board';
import { buildOutline, reuseEntries, type Outline } from './outline';

function newBoard(): Board {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Témiscouata', kind: 'territory' });
  return new Board(doc);
}

/** A board of the 2023 forum: two territories' cartons side by side, notes outside them. */
function forumBoard(): { shapes: Shape[]; ids: Record<string, string> } {
  const board = newBoard();
  const ids: Record<string, string> = {};
  board.run((tx) => {
    // Created out of reading order on purpose: the outline must not follow creation order.
    ids.kamouraska = tx.create('carton', { x: 1800, y: 0, w: 1600, h: 1000, title: 'Kamouraska' });
    ids.temiscouata = tx.create('carton', { x: 0, y: 40, w: 1600, h: 1000, title: 'Témiscouata' });
    ids.mitis = tx.create('carton', { x: 0, y: 1300, w: 1600, h: 1000, title: 'La Mitis' });
    const inTemis = { parentId: ids.temiscouata };
    ids.wished = tx.create('text', {
      ...{ x: 840, y: 100, w: 600, h: 48, fontSize: 40, text: '« Conditions souhaitées »' },
      ...inTemis,
    });
    ids.present = tx.create('text', {
      ...{ x: 60, y: 100, w: 600, h: 48, fontSize: 40, text: '« Conditions présentes »' },
      ...{ locked: true },
      ...inTemis,
    });
    ids.filet = tx.create('note', {
      ...{ x: 50, y: 415, w: 210, h: 210 },
      text: 'Liens de relais entre les organismes = filet de sécurité',
      ...inTemis,
    });
    ids.rh = tx.create('note', {
      ...{ x: 50, y: 180, w: 210, h: 210 },
      text: 'RH à l’écoute des besoins des citoyen·nes et engagés',
      ...inTemis,
    });
    ids.revenu = tx.create('note', {
      ...{ x: 830, y: 180, w: 210, h: 210 },
      text: 'UN PROJET COMMUN, collectif = Revenu de base pour toutes',
      ...inTemis,
    });
    ids.body = tx.create('text', {
      ...{ x: 830, y: 890, w: 700, h: 40, fontSize: 30 },
      text: 'Répondre aux besoins de toutes, par et pour toutes',
      ...inTemis,
    });
    const wave = [0, 0, 0.5, 40, 10, 0.5, 80, 0, 0.5];
    tx.create('stroke', { x: 80, y: 920, points: wave, color: 'green', width: 6, ...inTemis });
    tx.create('stroke', { x: 400, y: 920, points: wave, color: 'green', width: 6, ...inTemis });
    tx.create('stamp', { x: 220, y: 160, size: 52, kind: 'heart', color: 'red', ...inTemis });
    ids.transport = tx.create('note', {
      ...{ x: 60, y: 180, w: 210, h: 210 },
      text: 'Transport collectif abordable',
      parentId: ids.kamouraska,
    });
    tx.create('image', {
      ...{ x: 400, y: 180, w: 300, h: 200, blobId: 'blob:affiche', mime: 'image/png' },
      ...{ naturalWidth: 600, naturalHeight: 400, parentId: ids.kamouraska },
    });
    ids.photomaton = tx.create('note', {
      ...{ x: 3600, y: 180, w: 210, h: 210 },
      text: 'Photomaton : une photo par territoire !',
    });
    ids.ecole = tx.create('note', {
      ...{ x: 3600, y: -400, w: 210, h: 210 },
      text: 'Bacs de jardinage en milieu de garde et École',
    });
  }, localOrigin('user:test'));
  return { shapes: board.listShapes(), ids };
}

const described = (outline: Outline) =>
  outline.groups.map((g) => ({
    carton: g.carton?.text ?? null,
    entries: g.entries.map((e) => `${e.kind}:${e.text}`),
    counts: g.counts.map((c) => `${c.kind}:${c.count}`),
  }));

describe('buildOutline', () => {
  it('lists cartons in the projector’s order, each with its contents in reading order', () => {
    const { shapes } = forumBoard();
    expect(described(buildOutline(shapes))).toEqual([
      {
        carton: 'Témiscouata',
        entries: [
          'heading:« Conditions présentes »',
          'heading:« Conditions souhaitées »',
          'note:RH à l’écoute des besoins des citoyen·nes et engagés',
          'note:UN PROJET COMMUN, collectif = Revenu de base pour toutes',
          'note:Liens de relais entre les organismes = filet de sécurité',
          'text:Répondre aux besoins de toutes, par et pour toutes',
        ],
        counts: ['stroke:2', 'stamp:1'],
      },
      {
        carton: 'Kamouraska',
        entries: ['note:Transport collectif abordable'],
        counts: ['image:1'],
      },
      { carton: 'La Mitis', entries: [], counts: [] },
      {
        carton: null,
        entries: [
          'note:Bacs de jardinage en milieu de garde et École',
          'note:Photomaton : une photo par territoire !',
        ],
        counts: [],
      },
    ]);
  });

  it('says which carton an entry lies in, and keeps locked shapes listed', () => {
    const { shapes, ids } = forumBoard();
    const outline = buildOutline(shapes);
    const byId = new Map(outline.entries.map((e) => [e.id, e]));
    expect(byId.get(ids.transport!)).toMatchObject({ cartonTitle: 'Kamouraska' });
    expect(byId.get(ids.present!)).toMatchObject({ locked: true, kind: 'heading' });
    expect(byId.get(ids.photomaton!)).toMatchObject({ cartonTitle: null });
    expect(byId.get(ids.kamouraska!)).toMatchObject({ kind: 'carton', cartonTitle: null });
    // Every entry once, cartons before what they hold.
    expect(outline.entries.map((e) => e.id).indexOf(ids.kamouraska!)).toBeLessThan(
      outline.entries.map((e) => e.id).indexOf(ids.transport!),
    );
    expect(new Set(outline.entries.map((e) => e.id)).size).toBe(outline.entries.length);
  });

  it('lists a territory carton column by column: each heading, then its notes (T1)', () => {
    const board = newBoard();
    applyBoardTemplate(board, 'territory', { territory: 'Témiscouata' }, localOrigin('server'));
    const carton = board.listShapes().find((s) => s.type === 'carton')!.id;
    board.run((tx) => {
      const inCarton = { parentId: carton, text: '' };
      tx.update(board.listShapes().find((s) => s.type === 'note' && s.x === 60)!.id, {
        text: 'Transport collectif',
      });
      tx.update(board.listShapes().find((s) => s.type === 'note' && s.x === 860)!.id, {
        text: 'Revenu de base',
      });
      tx.create('note', { ...inCarton, x: 60, y: 430, text: 'Logements trop chers' });
      tx.create('note', { ...inCarton, x: 860, y: 430, text: 'Un toit pour toutes' });
    }, localOrigin('user:test'));
    const [group] = described(buildOutline(board.listShapes()));
    expect(group!.entries).toEqual([
      'heading:Conditions présentes',
      'note:Transport collectif',
      'note:Logements trop chers',
      'heading:Conditions souhaitées',
      'note:Revenu de base',
      'note:Un toit pour toutes',
    ]);
    expect(group!.counts).toEqual(['shape:1', 'stamp:2']);
  });

  it('is empty for an empty board', () => {
    expect(buildOutline([])).toEqual({ groups: [], entries: [] });
  });
});

describe('reuseEntries', () => {
  it('keeps unchanged entries’ identity and replaces changed ones', () => {
    const { shapes, ids } = forumBoard();
    const first = buildOutline(shapes);
    const edited = shapes.map((s) =>
      s.id === ids.transport && s.type === 'note' ? { ...s, text: 'Transport en commun' } : s,
    );
    const second = reuseEntries(first, buildOutline(edited));
    const find = (o: Outline, id: string) => o.entries.find((e) => e.id === id);
    expect(find(second, ids.filet!)).toBe(find(first, ids.filet!));
    expect(find(second, ids.transport!)).not.toBe(find(first, ids.transport!));
    expect(find(second, ids.transport!)?.text).toBe('Transport en commun');
    expect(second.groups[0]!.entries[0]).toBe(first.groups[0]!.entries[0]);
  });
  it('gives back the same outline when nothing it shows changed', () => {
    const { shapes, ids } = forumBoard();
    const first = buildOutline(shapes);
    const moved = shapes.map((s) => (s.id === ids.photomaton ? { ...s, x: s.x + 5 } : s));
    expect(reuseEntries(first, buildOutline(moved))).toBe(first);
  });
});
