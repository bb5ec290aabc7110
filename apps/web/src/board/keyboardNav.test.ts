import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyBoardTemplate,
  Board,
  initBoardDoc,
  localOrigin,
  shapeBounds,
  type Shape,
} from '@carton/board';
import {
  adjacentShape,
  freeSpot,
  overlapsAny,
  readingOrder,
  type PlacedShape,
} from './keyboardNav';

const box = (id: string, x: number, y: number, parentId: string | null = null): PlacedShape => ({
  id,
  bounds: { x, y, width: 200, height: 200 },
  parentId,
});

describe('readingOrder', () => {
  it('reads rows top to bottom, left to right, even when notes are not aligned', () => {
    const order = readingOrder([
      box('logement', 500, 12),
      box('transport', 0, 300),
      box('emploi', 0, 0),
      box('sante', 260, -20),
    ]);
    expect(order).toEqual(['emploi', 'sante', 'logement', 'transport']);
  });

  it("puts a carton's notes right after the carton, before the next carton", () => {
    const order = readingOrder([
      box('carton-est', 1000, 0),
      box('carton-ouest', 0, 0),
      box('note-est', 1100, 100, 'carton-est'),
      box('note-ouest-2', 300, 100, 'carton-ouest'),
      box('note-ouest-1', 50, 100, 'carton-ouest'),
    ]);
    expect(order).toEqual([
      'carton-ouest',
      'note-ouest-1',
      'note-ouest-2',
      'carton-est',
      'note-est',
    ]);
  });

  it('reads a territory carton column by column: each heading, then its own notes (T1)', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Conditions de succès — Témiscouata', kind: 'territory' });
    const board = new Board(doc);
    applyBoardTemplate(board, 'territory', { territory: 'Témiscouata' }, localOrigin('server'));
    const carton = board.listShapes().find((s) => s.type === 'carton')!.id;
    // A second row under each heading, as a group fills its carton.
    board.run((tx) => {
      tx.create('note', {
        x: 60,
        y: 430,
        text: 'Logement abordable',
        color: 'pink',
        parentId: carton,
      });
      tx.create('note', {
        x: 860,
        y: 430,
        text: 'Revenu de base',
        color: 'yellow',
        parentId: carton,
      });
    }, localOrigin('user:test'));
    const shapes = board.listShapes();
    const name = (s: Shape): string => {
      if (s.type === 'text') return s.text;
      if (s.type === 'note') return `note ${s.color} ${s.y}`;
      return s.type === 'stamp' ? s.kind : s.type;
    };
    const byId = new Map(shapes.map((s) => [s.id, s] as const));
    const order = readingOrder(
      shapes.map((s) => {
        const b = shapeBounds(s);
        return {
          id: s.id,
          bounds: { x: b.x, y: b.y, width: b.w, height: b.h },
          parentId: s.parentId,
          type: s.type,
        };
      }),
    );
    expect(order.map((id) => name(byId.get(id)!))).toEqual([
      'carton',
      'heart',
      'Conditions présentes',
      'note pink 190',
      'note pink 430',
      'rect',
      'star',
      'Conditions souhaitées',
      'note yellow 190',
      'note yellow 430',
    ]);
  });

  it('reads what lies above or below a divider before or after its columns', () => {
    const rule = { id: 'trait', bounds: { x: 495, y: 100, width: 10, height: 800 }, parentId: 'c' };
    const order = readingOrder([
      { id: 'c', bounds: { x: 0, y: 0, width: 1000, height: 1000 }, parentId: null },
      rule,
      box('droite', 600, 120, 'c'),
      box('gauche-bas', 50, 500, 'c'),
      box('gauche', 50, 120, 'c'),
      { id: 'titre', bounds: { x: 50, y: 10, width: 900, height: 60 }, parentId: 'c' },
      { id: 'pied', bounds: { x: 50, y: 920, width: 900, height: 60 }, parentId: 'c' },
    ]);
    expect(order).toEqual(['c', 'titre', 'gauche', 'gauche-bas', 'trait', 'droite', 'pied']);
  });

  it('keeps rows when a tall shape spans too little of its carton, or is a note', () => {
    const order = readingOrder([
      { id: 'c', bounds: { x: 0, y: 0, width: 1000, height: 1000 }, parentId: null },
      { id: 'court', bounds: { x: 495, y: 100, width: 10, height: 300 }, parentId: 'c' },
      box('droite', 600, 120, 'c'),
      box('gauche-bas', 50, 500, 'c'),
      box('gauche', 50, 120, 'c'),
    ]);
    expect(order).toEqual(['c', 'gauche', 'court', 'droite', 'gauche-bas']);
    const note = {
      id: 'n',
      bounds: { x: 495, y: 0, width: 10, height: 900 },
      parentId: 'c',
      type: 'note',
    };
    expect(
      readingOrder([
        { id: 'c', bounds: { x: 0, y: 0, width: 1000, height: 1000 }, parentId: null },
        note,
        box('droite', 600, 120, 'c'),
        box('gauche-bas', 50, 500, 'c'),
        box('gauche', 50, 120, 'c'),
      ]),
    ).toEqual(['c', 'gauche', 'n', 'droite', 'gauche-bas']);
  });

  it('reads a shape whose carton is gone as a top-level shape', () => {
    expect(readingOrder([box('orpheline', 0, 0, 'disparu')])).toEqual(['orpheline']);
  });
});

describe('adjacentShape', () => {
  const order = ['a', 'b', 'c'];
  it('goes to the next and the previous shape', () => {
    expect(adjacentShape(order, ['a'], 1)).toBe('b');
    expect(adjacentShape(order, ['c'], -1)).toBe('b');
  });
  it('enters at either end when nothing is selected', () => {
    expect(adjacentShape(order, [], 1)).toBe('a');
    expect(adjacentShape(order, [], -1)).toBe('c');
  });
  it('answers null past either end, so the focus can leave the board', () => {
    expect(adjacentShape(order, ['c'], 1)).toBeNull();
    expect(adjacentShape(order, ['a'], -1)).toBeNull();
    expect(adjacentShape([], [], 1)).toBeNull();
  });
  it('continues after the last of several selected shapes', () => {
    expect(adjacentShape(order, ['b', 'a'], 1)).toBe('c');
    expect(adjacentShape(order, ['b', 'c'], -1)).toBe('a');
  });
});

describe('freeSpot', () => {
  const size = { width: 200, height: 200 };
  it('keeps the centre when it is free', () => {
    expect(freeSpot({ x: 0, y: 0 }, size, () => false)).toEqual({ x: 0, y: 0 });
  });
  it('puts a second note beside the first instead of on top of it', () => {
    const first = { x: -100, y: -100, width: 200, height: 200 };
    const spot = freeSpot({ x: 0, y: 0 }, size, (r) => overlapsAny(r, [first]));
    expect(spot).toEqual({ x: 220, y: 0 });
  });
  it('cascades when everything around is taken', () => {
    expect(freeSpot({ x: 0, y: 0 }, size, () => true)).toEqual({ x: 24, y: 24 });
  });
});
