import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../board/board.ts';
import type { BoardKind } from '../doc/layout.ts';
import { initBoardDoc } from '../doc/layout.ts';
import { checkInvariants } from '../invariants/invariants.ts';
import { localOrigin, SERVER_ORIGIN } from '../origin/origin.ts';
import { isLocked } from '../shapes/common/base.ts';
import type { Shape } from '../shapes/registry.ts';
import {
  applyBoardTemplate,
  BLANK_POSTCARDS,
  territoryCartonTitle,
  territoryOfBoardMeta,
} from './templates.ts';
import { AGENDA, POSTCARD_TEXT, QUESTIONS, RULES, TERRITORY_HEADINGS } from './text.ts';

function templated(kind: BoardKind, territory: string | null = null): { board: Board; doc: Y.Doc } {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'x', kind });
  const board = new Board(doc);
  applyBoardTemplate(board, kind, { territory }, SERVER_ORIGIN);
  return { board, doc };
}
const texts = (shapes: Shape[]) =>
  shapes.flatMap((s) => (s.type === 'text' || s.type === 'note' ? [s.text] : []));

describe('templates', () => {
  it('T1: a territory board starts with its carton, two headings, hearts and stars', () => {
    const { board, doc } = templated('territory', 'Témiscouata');
    const shapes = board.listShapes();
    const cartons = shapes.filter((s) => s.type === 'carton');
    expect(cartons.map((c) => c.type === 'carton' && c.title)).toEqual([
      'Conditions de succès — Témiscouata',
    ]);
    expect(texts(shapes)).toEqual(
      expect.arrayContaining([TERRITORY_HEADINGS.present, TERRITORY_HEADINGS.wished]),
    );
    expect(
      shapes.filter((s) => s.type === 'stamp').map((s) => s.type === 'stamp' && s.kind),
    ).toEqual(['heart', 'star']);
    expect(
      shapes.filter((s) => s.type !== 'carton').every((s) => s.parentId === cartons[0]!.id),
    ).toBe(true);
    expect(checkInvariants(doc)).toEqual([]);
  });

  it('T1, M33: the carton, headings, heart, star and divider are locked; the notes are not', () => {
    const { board } = templated('territory', 'Témiscouata');
    const shapes = board.listShapes();
    const notes = shapes.filter((s) => s.type === 'note');
    expect(notes).toHaveLength(2);
    expect(notes.every((n) => !isLocked(n))).toBe(true);
    const layout = shapes.filter((s) => s.type !== 'note');
    expect(layout.map((s) => s.type).sort()).toEqual(
      ['carton', 'rect', 'stamp', 'stamp', 'text', 'text'].sort(),
    );
    expect(layout.every(isLocked)).toBe(true);
  });

  it('T1, M33: on a fresh territory board a participant cannot move or erase the layout, but fills the carton', () => {
    const { board } = templated('territory', 'Rimouski-Neigette');
    const me = localOrigin('participant');
    const heading = board
      .listShapes()
      .find((s) => s.type === 'text' && s.text === TERRITORY_HEADINGS.present)!;
    const carton = board.listShapes().find((s) => s.type === 'carton')!;
    board.run((tx) => {
      tx.update(heading.id, { x: 400 });
      tx.delete([carton.id]);
    }, me);
    expect(board.getShape(heading.id)).toMatchObject({ x: heading.x });
    expect(board.getShape(carton.id)).toBeDefined();
    const note = board.run(
      (tx) =>
        tx.create('note', { x: 100, y: 400, text: 'Transport collectif', parentId: carton.id }),
      me,
    );
    board.run((tx) => tx.update(note, { x: 900 }), me);
    expect(board.getShape(note)).toMatchObject({ x: 900, parentId: carton.id });
  });

  it('T2: the postcard wall offers a postcard with empty notes, and blank ones', () => {
    const { board, doc } = templated('postcards');
    const shapes = board.listShapes();
    const cards = shapes.filter((s) => s.type === 'carton');
    expect(cards).toHaveLength(1 + BLANK_POSTCARDS);
    expect(cards.every((c) => c.type === 'carton' && c.title === POSTCARD_TEXT.title)).toBe(true);
    const t = texts(shapes);
    expect(t.filter((x) => x === POSTCARD_TEXT.destination)).toHaveLength(1 + BLANK_POSTCARDS);
    expect(t).toContain(POSTCARD_TEXT.prompt);
    const notes = shapes.filter((s) => s.type === 'note');
    expect(notes).toHaveLength(3);
    expect(
      notes.every((n) => n.type === 'note' && n.text === '' && n.parentId === cards[0]!.id),
    ).toBe(true);
    expect(checkInvariants(doc)).toEqual([]);
  });

  it("T3: the plenary has the agenda, the rules and the pairs' note sheet", () => {
    const { board, doc } = templated('plenary');
    const shapes = board.listShapes();
    const all = texts(shapes).join('\n');
    for (const item of AGENDA) expect(all).toContain(item);
    for (const rule of RULES) expect(all).toContain(rule);
    for (const q of QUESTIONS) expect(all).toContain(q);
    expect(
      shapes.filter((s) => s.type === 'carton').map((c) => c.type === 'carton' && c.title),
    ).toEqual([
      'Déroulement',
      'Les règles de l’intelligence collective',
      'Questions préparatoires — feuille de notes',
    ]);
    expect(checkInvariants(doc)).toEqual([]);
  });

  it('T0: a template is one transaction with the given origin', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'x', kind: 'territory' });
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tx: Y.Transaction) => origins.push(tx.origin));
    applyBoardTemplate(new Board(doc), 'territory', { territory: 'La Mitis' }, SERVER_ORIGIN);
    expect(origins).toEqual([SERVER_ORIGIN]);
  });
});

describe('territoryOfBoardMeta: the territory a board file names', () => {
  it('a territory board titled with its carton names its territory', () => {
    expect(
      territoryOfBoardMeta({ kind: 'territory', title: territoryCartonTitle('Kamouraska') }),
    ).toBe('Kamouraska');
    expect(
      territoryOfBoardMeta({ kind: 'territory', title: 'Conditions de succès — La Mitis ' }),
    ).toBe('La Mitis');
  });

  it('another kind or another title names none', () => {
    expect(territoryOfBoardMeta({ kind: 'postcards', title: 'Conditions de succès — X' })).toBe(
      null,
    );
    expect(territoryOfBoardMeta({ kind: 'territory', title: 'Mon carton' })).toBe(null);
    expect(territoryOfBoardMeta({ kind: 'territory', title: 'Conditions de succès — ' })).toBe(
      null,
    );
  });

  it('the territory the meta carries comes first: a renamed board is still its territory’s', () => {
    expect(
      territoryOfBoardMeta({ kind: 'territory', title: 'Carton final', territory: 'Kamouraska' }),
    ).toBe('Kamouraska');
    expect(
      territoryOfBoardMeta({
        kind: 'territory',
        title: territoryCartonTitle('La Mitis'),
        territory: ' Les Basques ',
      }),
    ).toBe('Les Basques');
    // Not a name: the title decides, as for an older file.
    expect(
      territoryOfBoardMeta({
        kind: 'territory',
        title: territoryCartonTitle('La Mitis'),
        territory: '   ',
      }),
    ).toBe('La Mitis');
    expect(
      territoryOfBoardMeta({
        kind: 'postcards',
        title: 'Cartes postales',
        territory: 'Kamouraska',
      }),
    ).toBe(null);
  });
});
