import { describe, expect, it } from 'vitest';
import type { Outline, OutlineEntry } from './outline';
import {
  excerpt,
  findRanges,
  foldForSearch,
  foldQuery,
  matchRanges,
  prepareSearch,
  searchOutline,
  splitByRanges,
  stepMatch,
} from './search';

const entry = (id: string, text: string, kind: OutlineEntry['kind'] = 'note'): OutlineEntry => ({
  id,
  kind,
  text,
  locked: false,
  cartonTitle: null,
});

const outlineOf = (entries: OutlineEntry[]): Outline => ({
  groups: [{ carton: null, entries, counts: [] }],
  entries,
});

const highlighted = (text: string, query: string) =>
  findRanges(text, foldQuery(query)).map((r) => text.slice(r.start, r.end));

describe('foldForSearch', () => {
  it('drops accents and capitals, spells ligatures, keeps one space for any run of spaces', () => {
    expect(foldForSearch('Sécurité').text).toBe('securite');
    expect(foldForSearch('ÉCOLE').text).toBe('ecole');
    expect(foldForSearch('main-d’œuvre').text).toBe("main-d'oeuvre");
    expect(foldForSearch('Conditions\u00a0\n présentes').text).toBe('conditions presentes');
  });
  it('folds plain ASCII (its fast path) as it folds the rest, mixed in one note', () => {
    const folded = foldForSearch('RH\t\n À  l’ÉCOUTE 😀 Nº 4711');
    expect(folded.text).toBe("rh a l'ecoute 😀 nº 4711");
    // The run of tab, line break and space is one space from 2 to 5; « À » maps back to 5.
    expect(folded.from.slice(0, 4)).toEqual([0, 1, 2, 5]);
    expect(folded.to[2]).toBe(5);
    const emoji = folded.text.indexOf('😀');
    expect([folded.from[emoji], folded.to[emoji]]).toEqual([17, 19]);
  });
  it('prepares an outline for search without changing what is found', () => {
    const outline = outlineOf([entry('a', 'Sécurité'), entry('b', 'Logement')]);
    prepareSearch(outline);
    expect(searchOutline(outline, 'securite').map((e) => e.id)).toEqual(['a']);
  });
  it('searches the same entry again (its folded words kept) and finds a changed one anew', () => {
    const note = entry('a', 'Sécurité alimentaire');
    const outline = outlineOf([note]);
    expect(searchOutline(outline, 'securite')).toHaveLength(1);
    const ranges = matchRanges(note, foldQuery('ALIMENT'));
    expect(ranges).toEqual([{ start: 9, end: 16 }]);
    // The same entry and query: the same ranges array, so its line is not redrawn.
    expect(matchRanges(note, foldQuery('aliment'))).toBe(ranges);
    expect(matchRanges(note, foldQuery('securite'))).toEqual([{ start: 0, end: 8 }]);
    expect(matchRanges(note, foldQuery('aliment'))).not.toBe(ranges);
    const changed = { ...note, text: 'Logement' };
    expect(searchOutline(outlineOf([changed]), 'securite')).toEqual([]);
    expect(searchOutline(outlineOf([changed]), 'logement')).toHaveLength(1);
  });
  it('knows where each folded character came from', () => {
    const folded = foldForSearch('dœ');
    expect(folded.text).toBe('doe');
    expect(folded.from).toEqual([0, 1, 1]);
    expect(folded.to).toEqual([1, 2, 2]);
  });
});

describe('findRanges', () => {
  it('finds French words typed without accents, and highlights the original letters', () => {
    expect(highlighted('Filet de Sécurité', 'securite')).toEqual(['Sécurité']);
    expect(highlighted('Bacs de jardinage et École', 'ecole')).toEqual(['École']);
    expect(highlighted('RH à l’écoute', "l'ecoute")).toEqual(['l’écoute']);
    expect(highlighted('Avoir de l’aide en main-d’œuvre', 'OEUVRE')).toEqual(['œuvre']);
  });
  it('finds accents typed by the searcher too, and every occurrence', () => {
    expect(highlighted('Pour toutes, par et pour toutes', 'TOUTES')).toEqual(['toutes', 'toutes']);
    expect(highlighted('« Conditions présentes »', 'conditions présentes')).toEqual([
      'Conditions présentes',
    ]);
  });
  it('matches across a no-break space and a line break', () => {
    expect(highlighted('Photomaton\u00a0: une photo', 'photomaton : une')).toEqual([
      'Photomaton\u00a0: une',
    ]);
    expect(highlighted('Revenu\nde base', 'revenu de')).toEqual(['Revenu\nde']);
  });
  it('keeps positions right after characters that fold to nothing or to two', () => {
    const text = 'e\u0301cole sœur école';
    expect(highlighted(text, 'ecole')).toEqual(['e\u0301cole', 'école']);
    expect(highlighted(text, 'soeur')).toEqual(['sœur']);
  });
  it('finds nothing for an empty or blank query', () => {
    expect(findRanges('Logement', foldQuery('   '))).toEqual([]);
  });
});

describe('searchOutline', () => {
  const outline = outlineOf([
    entry('carton', 'Conditions de succès — Kamouraska', 'carton'),
    entry('a', 'Liens de relais = filet de sécurité'),
    entry('b', 'Transport collectif abordable'),
    entry('c', 'Sécurité alimentaire : maillage'),
  ]);
  it('keeps reading order, and the ranges of each entry are found apart', () => {
    const matches = searchOutline(outline, 'securite');
    expect(matches.map((e) => e.id)).toEqual(['a', 'c']);
    expect(matchRanges(matches[0]!, 'securite')).toEqual([{ start: 27, end: 35 }]);
    expect(matchRanges(matches[1]!, 'securite')).toEqual([{ start: 0, end: 8 }]);
  });
  it('finds carton titles', () => {
    expect(searchOutline(outline, 'succes').map((e) => e.id)).toEqual(['carton']);
  });
  it('finds nothing without a query or without a match', () => {
    expect(searchOutline(outline, '')).toEqual([]);
    expect(searchOutline(outline, 'logement')).toEqual([]);
  });
});

describe('splitByRanges', () => {
  it('cuts the text into plain and highlighted pieces', () => {
    expect(splitByRanges('Filet de sécurité', [{ start: 9, end: 17 }])).toEqual([
      { text: 'Filet de ', match: false },
      { text: 'sécurité', match: true },
    ]);
    expect(splitByRanges('toutes et toutes', findRanges('toutes et toutes', 'toutes'))).toEqual([
      { text: 'toutes', match: true },
      { text: ' et ', match: false },
      { text: 'toutes', match: true },
    ]);
  });
});

describe('excerpt', () => {
  it('shows a long note from a little before its first match', () => {
    const text = `${'Liens de relais entre les organismes. '.repeat(8)}Filet de sécurité, fin.`;
    const cut = excerpt(text, findRanges(text, 'securite'));
    expect(cut.text.startsWith('…')).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(242);
    const [range] = cut.ranges;
    expect(cut.text.slice(range!.start, range!.end)).toBe('sécurité');
    expect(cut.text.indexOf('sécurité')).toBeLessThan(40);
  });
  it('cuts a note of two sentences before the match in its second', () => {
    const text =
      'Liens de relais entre les organismes. Partenariat pour toucher les clients dans le besoin = filet de sécurité';
    const cut = excerpt(text, findRanges(text, 'securite'));
    expect(cut.text).toBe('…dans le besoin = filet de sécurité');
    expect(cut.ranges).toEqual([{ start: 27, end: 35 }]);
  });
  it('leaves a text whose match is near its start whole', () => {
    const text = 'Maillage sécurité alimentaire';
    expect(excerpt(text, findRanges(text, 'securite'))).toEqual({
      text,
      ranges: [{ start: 9, end: 17 }],
    });
  });
});

describe('stepMatch', () => {
  it('goes to the first or last match, then wraps around', () => {
    expect(stepMatch(-1, 3, 1)).toBe(0);
    expect(stepMatch(-1, 3, -1)).toBe(2);
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(0, 0, 1)).toBe(-1);
  });
});
