import { describe, expect, it } from 'vitest';
import { focusKey, gridKey, isTyping } from './focusNav';

const ROOM = ['kamouraska', 'riviere-du-loup', 'temiscouata', 'la-matanie'];

describe('focusKey (one territory fills the mosaic)', () => {
  it('→ and ← go round the room, Home and End to its ends', () => {
    expect(focusKey('ArrowRight', ROOM, 'kamouraska')).toEqual({
      kind: 'show',
      id: 'riviere-du-loup',
    });
    expect(focusKey('ArrowRight', ROOM, 'la-matanie')).toEqual({ kind: 'show', id: 'kamouraska' });
    expect(focusKey('ArrowLeft', ROOM, 'kamouraska')).toEqual({ kind: 'show', id: 'la-matanie' });
    expect(focusKey('PageDown', ROOM, 'temiscouata')).toEqual({ kind: 'show', id: 'la-matanie' });
    expect(focusKey('Home', ROOM, 'temiscouata')).toEqual({ kind: 'show', id: 'kamouraska' });
    expect(focusKey('End', ROOM, 'kamouraska')).toEqual({ kind: 'show', id: 'la-matanie' });
  });

  it('Escape goes back to the mosaic; other keys are not the mosaic’s', () => {
    expect(focusKey('Escape', ROOM, 'temiscouata')).toEqual({ kind: 'back' });
    expect(focusKey('a', ROOM, 'temiscouata')).toBeNull();
    // A territory taken out of the forum meanwhile: only Escape still means something.
    expect(focusKey('ArrowRight', ROOM, 'gone')).toBeNull();
  });
});

describe('gridKey (the focus between tiles)', () => {
  it('moves by one across and by a row down or up, staying on the tiles', () => {
    // Eight tiles in three columns: 0 1 2 / 3 4 5 / 6 7.
    expect(gridKey('ArrowRight', 2, 8, 3)).toBe(3);
    expect(gridKey('ArrowDown', 1, 8, 3)).toBe(4);
    expect(gridKey('ArrowDown', 5, 8, 3)).toBe(7);
    expect(gridKey('ArrowUp', 1, 8, 3)).toBe(0);
    expect(gridKey('ArrowLeft', 0, 8, 3)).toBe(0);
    expect(gridKey('End', 0, 8, 3)).toBe(7);
    expect(gridKey('Enter', 0, 8, 3)).toBeNull();
  });
});

describe('isTyping', () => {
  it('is true in a field, false on a button', () => {
    expect(isTyping({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});
