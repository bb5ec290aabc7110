import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, createBoardView, initBoardDoc, localOrigin, type Shape } from '@carton/board';
import { patchOutline } from './incremental';
import { buildOutline } from './outline';

const origin = localOrigin('user:test');

/** Kamouraska's carton with a note and a drawing, a note outside it. */
function kamouraska() {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Kamouraska', kind: 'territory' });
  const board = new Board(doc);
  const ids: Record<string, string> = {};
  board.run((tx) => {
    ids.carton = tx.create('carton', { x: 0, y: 0, w: 1600, h: 1000, title: 'Kamouraska' });
    ids.filet = tx.create('note', {
      ...{ x: 50, y: 180, w: 210, h: 210, parentId: ids.carton },
      text: 'Filet de sécurité',
    });
    ids.wave = tx.create('stroke', {
      ...{ x: 80, y: 920, points: [0, 0, 0.5, 20, 10, 0.5], color: 'green', width: 6 },
      parentId: ids.carton,
    });
    ids.maillage = tx.create('note', { x: 2000, y: 200, w: 210, h: 210, text: 'Maillage' });
  }, origin);
  // The board view keeps each unchanged shape's snapshot, as the page's does.
  const view = createBoardView(board);
  const snapshot = () =>
    new Map(
      view.getOrderedIds().flatMap((id) => {
        const shape = view.getShape(id);
        return shape ? [[id, shape] as const] : [];
      }),
    );
  return { board, ids, snapshot };
}

function rebuilt(shapes: ReadonlyMap<string, Shape>) {
  return buildOutline([...shapes.values()]);
}

describe('patchOutline: a change that moves no line replaces entries only', () => {
  it('takes new words of a note, the same as a rebuild, other entries kept', () => {
    const { board, ids, snapshot } = kamouraska();
    const before = snapshot();
    const outline = buildOutline([...before.values()]);
    board.run((tx) => tx.update(ids.filet!, { text: 'Filet de sécurité alimentaire' }), origin);
    const after = snapshot();
    const patched = patchOutline(outline, before, after)!;
    expect(patched).not.toBeNull();
    expect(patched.entries.map((e) => [e.id, e.text])).toEqual(
      rebuilt(after).entries.map((e) => [e.id, e.text]),
    );
    expect(patched.groups[0]!.entries[0]!.cartonTitle).toBe('Kamouraska');
    const maillage = (o: typeof outline) => o.entries.find((e) => e.id === ids.maillage);
    expect(maillage(patched)).toBe(maillage(outline));
  });

  it('gives the same outline back when only a drawing changed', () => {
    const { board, ids, snapshot } = kamouraska();
    const before = snapshot();
    const outline = buildOutline([...before.values()]);
    board.run((tx) => tx.update(ids.wave!, { x: 300, color: 'red' }), origin);
    expect(patchOutline(outline, before, snapshot())).toBe(outline);
  });

  it('asks for a rebuild when a note moves, a carton changes, or a shape comes or goes', () => {
    for (const change of [
      (b: Board, ids: Record<string, string>) =>
        b.run((tx) => tx.update(ids.filet!, { x: 900 }), origin),
      (b: Board, ids: Record<string, string>) =>
        b.run((tx) => tx.update(ids.carton!, { title: 'Rivière-du-Loup' }), origin),
      (b: Board) =>
        b.run((tx) => void tx.create('note', { x: 0, y: 3000, text: 'Nouvelle' }), origin),
      (b: Board, ids: Record<string, string>) =>
        b.run((tx) => tx.reparent([ids.maillage!], ids.carton!), origin),
      // A drawing stretched into a divider splits the carton into columns.
      (b: Board, ids: Record<string, string>) =>
        b.run((tx) => tx.update(ids.wave!, { points: [0, 0, 0.5, 0, 900, 0.5] }), origin),
    ]) {
      const { board, ids, snapshot } = kamouraska();
      const before = snapshot();
      const outline = buildOutline([...before.values()]);
      change(board, ids);
      expect(patchOutline(outline, before, snapshot())).toBeNull();
    }
  });
});
