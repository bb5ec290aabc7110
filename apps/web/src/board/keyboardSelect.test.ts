import { describe, expect, it } from 'vitest';
import { buildingSelection, focusedShapeOf, toggledSelection } from './keyboardSelect';

describe('Shift+Enter on the shape the keyboard is on', () => {
  it('keeps a shape Tab chose alone as the first of the set, and building begins', () => {
    expect(toggledSelection(['logement'], 'logement', false)).toEqual({
      ids: ['logement'],
      change: 'kept',
    });
  });

  it('while building, adds a shape that is not chosen and takes out one that is', () => {
    expect(toggledSelection(['logement'], 'transport', true)).toEqual({
      ids: ['logement', 'transport'],
      change: 'added',
    });
    expect(toggledSelection(['logement', 'transport'], 'logement', true)).toEqual({
      ids: ['transport'],
      change: 'removed',
    });
    // The last one out leaves an empty selection, still being built.
    expect(toggledSelection(['transport'], 'transport', true)).toEqual({
      ids: [],
      change: 'removed',
    });
  });

  it('adds a shape the focus is on even when the selection merely followed elsewhere', () => {
    expect(toggledSelection([], 'logement', false)).toEqual({
      ids: ['logement'],
      change: 'added',
    });
  });
});

describe('which shape the keyboard is on', () => {
  const built = ['logement', 'transport'];

  it('while building: the focus Tab moved, chosen or not', () => {
    const s = { selection: built, builtSelection: built, focusedShape: 'alimentation' };
    expect(buildingSelection(s)).toBe(true);
    expect(focusedShapeOf(s)).toBe('alimentation');
  });

  it('any other change of selection (a click, Escape, Ctrl+A) ends the building', () => {
    const clicked = {
      selection: ['alimentation'],
      builtSelection: built,
      focusedShape: 'logement',
    };
    expect(buildingSelection(clicked)).toBe(false);
    // One shape chosen: that one, whatever the keyboard was on before.
    expect(focusedShapeOf(clicked)).toBe('alimentation');
    // An equal but new selection is another choice, not the one built.
    expect(buildingSelection({ selection: [...built], builtSelection: built })).toBe(false);
  });

  it('several chosen by other means: the last focus if it is among them, else none', () => {
    const all = ['logement', 'transport', 'alimentation'];
    expect(
      focusedShapeOf({ selection: all, builtSelection: null, focusedShape: 'transport' }),
    ).toBe('transport');
    expect(focusedShapeOf({ selection: all, builtSelection: null, focusedShape: 'santé' })).toBe(
      null,
    );
    expect(focusedShapeOf({ selection: [], builtSelection: null, focusedShape: null })).toBe(null);
  });
});
