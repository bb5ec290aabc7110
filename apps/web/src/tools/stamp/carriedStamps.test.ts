import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  Board,
  createBoardView,
  initBoardDoc,
  localOrigin,
  type NoteShape,
  type StampShape,
} from '@carton/board';
import { Scene } from '../../board/scene';
import { FakeContext, info } from '../fakeContext';
import { carriedStamps, stampOnChangedNote, stampsOf, stampsRiding } from './carriedStamps';

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

describe('stampOnChangedNote', () => {
  const base = { index: 'a0', parentId: null, rotation: 0 };
  // « Logement abordable », 200 × 200, with a heart in its top-left corner (centre 40, 40).
  const idea = { ...base, id: 'shape:idea', type: 'note', x: 0, y: 0, w: 200, h: 200 } as NoteShape;
  const heart = { ...base, id: 'shape:heart', type: 'stamp', x: 20, y: 20, size: 40 } as StampShape;

  it('a note resized to half keeps its heart in the same corner, the heart its size', () => {
    expect(stampOnChangedNote(heart, idea, { ...idea, w: 100, h: 100 })).toEqual({
      x: 0,
      y: 0,
      rotation: 0,
    });
    // Grown from its west edge (the east one stays): the heart stays a fifth of the way in.
    const grown = stampOnChangedNote(heart, idea, { ...idea, x: -200, w: 400, h: 400 });
    expect(grown).toEqual({ x: -200 + 80 - 20, y: 80 - 20, rotation: 0 });
  });

  it('a note turned a quarter about its centre turns its heart along, about the same centre', () => {
    // The note's top-left corner goes to (200, 0); the heart's centre from (40, 40) to (160, 40).
    const turned = { ...idea, x: 200, y: 0, rotation: Math.PI / 2 };
    const moved = stampOnChangedNote(heart, idea, turned);
    expect(moved.rotation).toBeCloseTo(Math.PI / 2);
    // Its x, y (its own top-left corner, turned with it) lies 20 px right of and above its centre.
    expect(moved.x).toBeCloseTo(180);
    expect(moved.y).toBeCloseTo(20);
  });

  it('a turned note resized keeps the heart at its place along the note’s own sides', () => {
    const turned = { ...idea, x: 200, y: 0, rotation: Math.PI / 2 };
    const onTurned = { ...heart, x: 180, y: 20, rotation: Math.PI / 2 };
    const half = stampOnChangedNote(onTurned, turned, { ...turned, w: 100, h: 100 });
    // Half the note: the heart's centre 20 px along each of the note's sides from its corner
    // (200, 0), at (180, 20); the heart's own corner is at (200, 0).
    expect(half.x).toBeCloseTo(200 - 20 + 20);
    expect(half.y).toBeCloseTo(20 - 20);
    expect(half.rotation).toBe(Math.PI / 2);
  });

  it('turn after turn, the heart’s angle stays within one turn', () => {
    const turnedHeart = { ...heart, rotation: 3 };
    const moved = stampOnChangedNote(turnedHeart, idea, { ...idea, rotation: 1 });
    expect(moved.rotation).toBeCloseTo(4 - Math.PI * 2);
  });
});
