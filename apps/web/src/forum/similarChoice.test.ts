import { ideaKey, ideaPairKey } from '@carton/board';
import { describe, expect, it } from 'vitest';
import type { CompilationItem } from './api';
import { likelyMerges, suggestedMerges } from './similarChoice';

const item = (text: string, count = 1): CompilationItem => ({
  key: ideaKey(text),
  text,
  count,
  territories: [],
  sources: ['Cartes postales'],
  votes: 0,
  notes: [],
  mergedKeys: [],
});

// The list's order (C4): the idea said more often first.
const ITEMS = [
  item('Participation citoyenne', 9),
  item('Plaisir !', 5),
  item('Conditions présentes'),
  item('Conditions souhaitées'),
  item('Du plaisir'),
  item('La participation citoyenne'),
];

describe('C9: suggested merges on the forum page', () => {
  it('merges the idea lower in the list into the one above, strongest first', () => {
    const found = suggestedMerges(ITEMS).map((s) => [s.source.text, s.target.text]);
    expect(found).toEqual([
      ['La participation citoyenne', 'Participation citoyenne'],
      ['Du plaisir', 'Plaisir !'],
    ]);
  });

  it('leaves out pairs said different; an older server (no distinct) leaves out none', () => {
    const pair = ideaPairKey(ideaKey('Du plaisir'), ideaKey('Plaisir !'));
    expect(suggestedMerges(ITEMS, [pair]).map((s) => s.source.text)).toEqual([
      'La participation citoyenne',
    ]);
    expect(suggestedMerges(ITEMS, undefined)).toHaveLength(2);
  });

  it('puts the look-alikes first in « Fusionner avec… », both ways', () => {
    const suggestions = suggestedMerges(ITEMS);
    expect(likelyMerges(ideaKey('Du plaisir'), suggestions)).toEqual([ideaKey('Plaisir !')]);
    expect(likelyMerges(ideaKey('Plaisir !'), suggestions)).toEqual([ideaKey('Du plaisir')]);
    expect(likelyMerges(ideaKey('Conditions présentes'), suggestions)).toEqual([]);
  });
});
