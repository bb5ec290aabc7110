import { describe, expect, it } from 'vitest';
import type { ForumBoard } from './api';
import { loadSeenBoards, restoredChoice, saveSeenBoards } from './compilationChoice';

const board = (id: string, kind: ForumBoard['kind'], territory: string | null = null) => ({
  id,
  kind,
  title: territory ?? id,
  territory,
});
const plenary = board('p', 'plenary');
const kamouraska = board('k', 'territory', 'Kamouraska');
const mitis = board('m', 'territory', 'La Mitis');
const postcards = board('c', 'postcards');
// Added after the compilation: boards are listed in the order they were added.
const rdl = board('r', 'territory', 'Rivière-du-Loup');

function memory(): Pick<Storage, 'getItem' | 'setItem'> {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
  };
}

describe('restoredChoice: the boards ticked for a saved « incontournables » list', () => {
  it('ticks a territory board the saved list has never seen, keeps the others as saved', () => {
    const seen = new Set(['p', 'k', 'm', 'c']);
    // La Mitis was left out on purpose; Rivière-du-Loup came after the compilation.
    expect(restoredChoice([plenary, kamouraska, mitis, postcards, rdl], ['k', 'c'], seen)).toEqual(
      new Set(['k', 'c', 'r']),
    );
  });

  it('keeps the saved list as is when it has seen every board', () => {
    const seen = new Set(['p', 'k', 'm', 'c', 'r']);
    expect(restoredChoice([plenary, kamouraska, mitis, postcards, rdl], ['k'], seen)).toEqual(
      new Set(['k']),
    );
  });

  it('saved on another device: a territory listed after every saved board is new', () => {
    const boards = [plenary, kamouraska, mitis, postcards, rdl];
    expect(restoredChoice(boards, ['k', 'c'], null)).toEqual(new Set(['k', 'c', 'r']));
    // The postcard wall left out stays out (it was there from the start); so does Kamouraska,
    // listed before a saved board.
    expect(restoredChoice(boards, ['m'], null)).toEqual(new Set(['m', 'r']));
  });

  it('remembers the boards offered when the list was saved, per forum', () => {
    const storage = memory();
    expect(loadSeenBoards('f1', storage)).toBeNull();
    saveSeenBoards('f1', [plenary, kamouraska], storage);
    expect(loadSeenBoards('f1', storage)).toEqual(new Set(['p', 'k']));
    expect(loadSeenBoards('f2', storage)).toBeNull();
    storage.setItem('carton.compilation.seen.f3', '{not json');
    expect(loadSeenBoards('f3', storage)).toBeNull();
  });
});
