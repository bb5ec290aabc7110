import { describe, expect, it } from 'vitest';
import type { CompilationItem } from './api';
import { staleMerges } from './staleMerges';

const item = (key: string, mergedKeys: string[] = []): CompilationItem => ({
  key,
  text: key,
  count: 1,
  territories: [],
  sources: ['Cartes postales'],
  votes: 0,
  notes: [],
  mergedKeys,
});

describe('staleMerges', () => {
  it('names the ideas merged into one whose note was edited or deleted since', () => {
    const merges = {
      'bonne communication': 'bonne communication franche claire respectueuse',
      ecoute: 'bonne communication franche claire respectueuse',
      'un bon leadership': 'bon leadership',
    };
    // The target's note now says more: its old key is nowhere, the two come back on their own.
    const items = [
      item('bon leadership', ['un bon leadership']),
      item('bonne communication'),
      item('ecoute'),
    ];
    expect(staleMerges({ merges, items })).toEqual([
      {
        target: 'bonne communication franche claire respectueuse',
        items: [items[1], items[2]],
      },
    ]);
  });

  it('says nothing while every merge holds, a target set aside included', () => {
    const items = [item('bon leadership', ['un bon leadership'])];
    const setAside = [item('question', ['la question'])];
    const merges = { 'un bon leadership': 'bon leadership', 'la question': 'question' };
    expect(staleMerges({ merges, items, setAside })).toEqual([]);
    // A merged idea whose own notes are gone is no line of the list: nothing to say either.
    expect(staleMerges({ merges: { parti: 'ailleurs' }, items })).toEqual([]);
  });
});
