import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, createBoardView, initBoardDoc, localOrigin } from '@carton/board';
import { NO_DRAGGING } from '../store';
import { selectionOnDragLayer, withBoundArrows } from './dragSet';

// Témiscouata's notes: « Financement systémique » points at « Permettre l'expérimentation »,
// which points at nothing; a free arrow and a star lie beside them.
function board() {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Conditions de succès — Témiscouata', kind: 'territory' });
  const b = new Board(doc);
  const ids = b.run((tx) => {
    const funding = tx.create('note', { x: 0, y: 0, text: 'Financement systémique' });
    const trial = tx.create('note', { x: 400, y: 0, text: 'Permettre l’expérimentation' });
    const loose = tx.create('note', { x: 800, y: 0, text: 'Balises claires' });
    const bound = tx.create('arrow', {
      x: 200,
      y: 100,
      startBinding: { shapeId: funding, anchor: { x: 1, y: 0.5 } },
      endBinding: { shapeId: trial, anchor: { x: 0, y: 0.5 } },
    });
    const toLoose = tx.create('arrow', {
      x: 600,
      y: 100,
      endBinding: { shapeId: loose, anchor: { x: 0, y: 0.5 } },
    });
    const free = tx.create('arrow', { x: 0, y: 600, end: { x: 300, y: 0 } });
    const star = tx.create('stamp', { x: 0, y: 300, kind: 'star' });
    return { funding, trial, loose, bound, toLoose, free, star };
  }, localOrigin('user:a'));
  const view = createBoardView(b);
  const all = view.getOrderedIds();
  return { ids, all, get: (id: string) => view.getShape(id) };
}

describe('withBoundArrows', () => {
  it('adds the arrows bound to a dragged shape by either end, and nothing else', () => {
    const { ids, all, get } = board();
    expect([...withBoundArrows(all, new Set([ids.trial]), get)].sort()).toEqual(
      [ids.trial, ids.bound].sort(),
    );
    expect([...withBoundArrows(all, new Set([ids.funding, ids.loose]), get)].sort()).toEqual(
      [ids.funding, ids.loose, ids.bound, ids.toLoose].sort(),
    );
  });

  it('keeps the same set when no arrow is bound to what is dragged (no new render)', () => {
    const { ids, all, get } = board();
    const dragging = new Set([ids.star, ids.free]);
    expect(withBoundArrows(all, dragging, get)).toBe(dragging);
    expect(withBoundArrows(all, NO_DRAGGING, get)).toBe(NO_DRAGGING);
  });

  it('takes only arrows among the ids given (those on screen)', () => {
    const { ids, all, get } = board();
    const shown = all.filter((id) => id !== ids.bound);
    expect([...withBoundArrows(shown, new Set([ids.funding]), get)]).toEqual([ids.funding]);
  });
});

describe('selectionOnDragLayer', () => {
  it('moves my selection marks and guides to the drag layer only while all of it is dragged', () => {
    const [note, star, heading] = ['shape:note', 'shape:star', 'shape:heading'];
    expect(selectionOnDragLayer([note, star], new Set([note, star, 'shape:arrow']))).toBe(true);
    // Not dragging, nothing chosen, or a locked heading chosen beside what moves (it stays put,
    // M33): the marks stay on the interaction layer.
    expect(selectionOnDragLayer([note], NO_DRAGGING)).toBe(false);
    expect(selectionOnDragLayer([], new Set([note]))).toBe(false);
    expect(selectionOnDragLayer([note, heading], new Set([note]))).toBe(false);
  });
});
