import { describe, expect, it } from 'vitest';
import type { Shape } from '@carton/board';
import { mosaicKey, nextSlide, shownIndex, slideKey, slideOrder, withMosaic } from './slides';

const carton = (id: string, x: number, y: number, parentId: string | null = null) =>
  ({ id, type: 'carton', x, y, w: 1600, h: 1000, title: id, parentId }) as unknown as Shape;
const note = (id: string) => ({ id, type: 'note', x: 0, y: 0, parentId: null }) as unknown as Shape;

describe('projector slides', () => {
  it('orders cartons in rows, top to bottom then left to right', () => {
    const shapes = [
      carton('bas', 0, 1300),
      carton('droite', 1800, 40),
      carton('gauche', 0, 0),
      carton('dedans', 10, 10, 'gauche'),
    ];
    expect(slideOrder(shapes).map((s) => (s.kind === 'carton' ? s.id : 'board'))).toEqual([
      'gauche',
      'droite',
      'bas',
    ]);
  });
  it('ends with the whole board when something lies outside the cartons', () => {
    const slides = slideOrder([carton('gauche', 0, 0), note('dehors')]);
    expect(slides.map((s) => s.kind)).toEqual(['carton', 'board']);
  });
  it('shows the whole board when there is no carton, nothing when empty', () => {
    expect(slideOrder([note('n')])).toEqual([{ kind: 'board' }]);
    expect(slideOrder([])).toEqual([]);
  });
  it('steps with arrows, space, Home and End, within bounds', () => {
    expect(nextSlide('ArrowRight', 0, 3)).toBe(1);
    expect(nextSlide(' ', 2, 3)).toBe(2);
    expect(nextSlide('ArrowLeft', 0, 3)).toBe(0);
    expect(nextSlide('End', 0, 3)).toBe(2);
    expect(nextSlide('Home', 2, 3)).toBe(0);
    expect(nextSlide('x', 1, 3)).toBeNull();
    expect(nextSlide('ArrowRight', 0, 0)).toBeNull();
  });
  it('on the plenary, the mosaic follows its cartons, then each territory large', () => {
    const slides = withMosaic(slideOrder([carton('déroulement', 0, 0)]), ['kamouraska', 'mitis']);
    expect(slides).toEqual([
      { kind: 'carton', id: 'déroulement', title: 'déroulement' },
      { kind: 'mosaic' },
      { kind: 'territory', boardId: 'kamouraska' },
      { kind: 'territory', boardId: 'mitis' },
    ]);
    // A forum without territories (or a territory's own board): no mosaic.
    expect(withMosaic(slideOrder([note('n')]), [])).toEqual([{ kind: 'board' }]);
    // An empty plenary still shows the territories.
    expect(withMosaic([], ['kamouraska']).map((s) => s.kind)).toEqual(['mosaic', 'territory']);
  });
  it('M goes to the mosaic from any slide, and does nothing without one', () => {
    const slides = withMosaic([{ kind: 'board' }], ['a', 'b']);
    expect(mosaicKey('m', slides)).toBe(1);
    expect(mosaicKey('M', slides)).toBe(1);
    expect(mosaicKey('x', slides)).toBeNull();
    expect(mosaicKey('m', [{ kind: 'board' }])).toBeNull();
  });
  it('keeps the slide shown when others arrive before it, the index when it is gone', () => {
    const before = withMosaic([], ['kamouraska', 'mitis']);
    const onMosaic = { index: 0, key: slideKey(before[0]!) };
    // The plenary's own cartons arrive (or an item brought to the plenary makes one).
    const after = withMosaic(slideOrder([carton('a', 0, 0), carton('b', 1800, 0)]), [
      'kamouraska',
      'mitis',
    ]);
    expect(shownIndex(after, onMosaic)).toBe(2);
    const onMitis = { index: 2, key: 'territory:mitis' };
    expect(shownIndex(after, onMitis)).toBe(4);
    // La Mitis taken out of the forum: the index decides, within bounds.
    expect(shownIndex(withMosaic([], ['kamouraska']), onMitis)).toBe(1);
    // Nothing chosen yet: the first slide, whatever comes first.
    expect(shownIndex(after, { index: 0, key: null })).toBe(0);
  });
});
