import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, createBoardView, initBoardDoc, localOrigin } from '@carton/board';
import { Scene } from '../../board/scene';
import { FakeContext, info } from '../fakeContext';
import { carriedStamps, stampsOf, stampsRiding } from './carriedStamps';

const me = localOrigin('user:a');

// A Rimouski-Neigette board: two notes, a heart and a star on the first, a vote's dot beside it.
function board() {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Conditions de succès — Rimouski-Neigette', kind: 'territory' });
  const b = new Board(doc);
  const ids = b.run(
    (tx) => ({
      under: tx.create('stamp', { x: 80, y: 80, size: 40, kind: 'check' }),
      idea: tx.create('note', { x: 0, y: 0, w: 200, h: 200, text: 'Logement abordable' }),
      heart: tx.create('stamp', { x: 20, y: 20, size: 40, kind: 'heart' }),
      // Its corner overlaps the note, its centre does not.
      beside: tx.create('stamp', { x: 190, y: 100, size: 40, kind: 'star' }),
      other: tx.create('note', { x: 0, y: 300, w: 200, h: 200, text: 'Transport' }),
      star: tx.create('stamp', { x: 100, y: 400, size: 40, kind: 'star' }),
    }),
    me,
  );
  return { board: b, scene: new Scene(createBoardView(b)), ids };
}

describe('carriedStamps', () => {
  it('carries the stamps drawn above a moved note whose centre lies on it', () => {
    const { scene, ids } = board();
    const carried = carriedStamps(scene, new Set([ids.idea]));
    // Not the check drawn below the note, nor the star whose centre is off it.
    expect([...carried]).toEqual([[ids.heart, ids.idea]]);
    expect(carriedStamps(scene, new Set([ids.idea, ids.other])).get(ids.star)).toBe(ids.other);
    expect(stampsOf(carriedStamps(scene, new Set([ids.idea, ids.other])), [ids.other])).toEqual([
      ids.star,
    ]);
  });

  it('leaves a stamp that moves itself, a locked one, and those on notes that stay', () => {
    const { board: b, scene, ids } = board();
    expect(carriedStamps(scene, new Set([ids.idea, ids.heart])).size).toBe(0);
    expect(carriedStamps(scene, new Set([ids.other])).has(ids.heart)).toBe(false);
    b.run((tx) => tx.lock([ids.heart], true), me);
    expect(carriedStamps(scene, new Set([ids.idea])).size).toBe(0);
  });

  it('reads a turned note in its own frame', () => {
    const { board: b, scene, ids } = board();
    // A quarter turn about its top-left corner: the note now lies left of x = 0.
    b.run((tx) => tx.update(ids.idea, { rotation: Math.PI / 2 }), me);
    expect(carriedStamps(scene, new Set([ids.idea])).has(ids.heart)).toBe(false);
    b.run((tx) => tx.update(ids.heart, { x: -60, y: 20 }), me);
    expect(carriedStamps(scene, new Set([ids.idea])).get(ids.heart)).toBe(ids.idea);
  });

  it('a stamp on two moved notes is carried by the topmost below it', () => {
    const { board: b, scene, ids } = board();
    b.run((tx) => tx.update(ids.other, { y: 10 }), me);
    // Drawn above both notes, its centre on both: `other` lies above `idea`.
    b.run((tx) => tx.reorder([ids.heart], 'front'), me);
    expect(carriedStamps(scene, new Set([ids.idea, ids.other])).get(ids.heart)).toBe(ids.other);
  });
});

describe('stampsRiding', () => {
  it('names the stamps centred in a dragged note’s box, partly off it too', () => {
    const ctx = new FakeContext([
      info('idea', { x: 0, y: 0, width: 200, height: 200 }),
      info('heart', { x: 180, y: 20, width: 40, height: 40 }, { type: 'stamp' }),
      info('star', { x: 190, y: 100, width: 40, height: 40 }, { type: 'stamp' }),
      info('small', { x: 20, y: 20, width: 40, height: 40 }),
    ]);
    expect(stampsRiding(ctx, ['idea'])).toEqual(['heart']);
    expect(stampsRiding(ctx, ['small'])).toEqual([]);
  });
});
