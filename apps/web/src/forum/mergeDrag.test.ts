import { describe, expect, it } from 'vitest';
import { IDLE_DRAG, dragReducer, mergeChange, splitChange, undoChange } from './mergeDrag';

const items = [
  { key: 'a', mergedKeys: [] },
  { key: 'b', mergedKeys: ['c'] },
  { key: 'd', mergedKeys: [] },
];

describe('merging incontournables', () => {
  it('merges the dragged item into the target', () => {
    expect(mergeChange(items, 'a', 'd')).toEqual({ a: 'd' });
  });
  it('brings along what was merged into the dragged item', () => {
    expect(mergeChange(items, 'b', 'd')).toEqual({ b: 'd', c: 'd' });
  });
  it('ignores a drop on itself or on an unknown item', () => {
    expect(mergeChange(items, 'a', 'a')).toBeNull();
    expect(mergeChange(items, 'a', 'zz')).toBeNull();
  });
  it('splits only manual merges', () => {
    expect(splitChange({ key: 'b', mergedKeys: ['c', 'e'] }, { c: 'b' })).toEqual({ c: null });
    expect(splitChange({ key: 'b', mergedKeys: ['e'] }, {})).toBeNull();
  });
  it('highlights a target only while dragging another item', () => {
    let s = dragReducer(IDLE_DRAG, { type: 'enter', key: 'a' });
    expect(s.over).toBeNull();
    s = dragReducer(s, { type: 'start', key: 'a' });
    expect(dragReducer(s, { type: 'enter', key: 'a' }).over).toBeNull();
    s = dragReducer(s, { type: 'enter', key: 'b' });
    expect(s).toEqual({ dragging: 'a', over: 'b' });
    expect(dragReducer(s, { type: 'leave', key: 'd' }).over).toBe('b');
    expect(dragReducer(s, { type: 'leave', key: 'b' }).over).toBeNull();
    expect(dragReducer(s, { type: 'end' })).toEqual(IDLE_DRAG);
  });
});

describe('« Annuler » after a merge', () => {
  it('puts back every key the merge moved, as it was (merged elsewhere or alone)', () => {
    const items = [
      { key: 'participation citoyenne', mergedKeys: ['implication citoyenne'] },
      { key: 'accompagnement', mergedKeys: [] },
    ];
    const before = { 'implication citoyenne': 'participation citoyenne' };
    const change = mergeChange(items, 'participation citoyenne', 'accompagnement')!;
    expect(change).toEqual({
      'participation citoyenne': 'accompagnement',
      'implication citoyenne': 'accompagnement',
    });
    expect(undoChange(change, before)).toEqual({
      'participation citoyenne': null,
      'implication citoyenne': 'participation citoyenne',
    });
  });
});
