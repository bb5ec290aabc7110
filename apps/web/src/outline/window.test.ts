import { describe, expect, it } from 'vitest';
import type { OutlineEntry, OutlineGroup } from './outline';
import { limitFor, lineOf, PAGE_LINES, windowGroups } from './window';

const entry = (id: string, kind: OutlineEntry['kind'] = 'note'): OutlineEntry => ({
  id,
  kind,
  text: `Condition de succès ${id}`,
  locked: false,
  cartonTitle: null,
});

/** Kamouraska's carton with 3 notes and a drawing, then 5 notes outside every carton. */
const groups: OutlineGroup[] = [
  {
    carton: entry('kamouraska', 'carton'),
    entries: [entry('a'), entry('b'), entry('c')],
    counts: [{ kind: 'stroke', count: 1 }],
  },
  { carton: null, entries: ['d', 'e', 'f', 'g', 'h'].map((id) => entry(id)), counts: [] },
];

describe('windowGroups: the lines of « Contenu » drawn', () => {
  it('draws a small board whole', () => {
    expect(windowGroups(groups, PAGE_LINES)).toEqual({ groups, hidden: 0 });
  });

  it('cuts inside a group, which then loses its counts line', () => {
    const { groups: shown, hidden } = windowGroups(groups, 3);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(shown[0]!.counts).toEqual([]);
    // 5 + 6 lines in all, 3 drawn.
    expect(hidden).toBe(8);
  });

  it('cuts between groups', () => {
    const { groups: shown, hidden } = windowGroups(groups, 7);
    expect(shown.map((g) => g.entries.length)).toEqual([3, 1]);
    expect(hidden).toBe(4);
  });
});

describe('lineOf and limitFor: Enter to a match past the window', () => {
  it('counts carton, entries, counts and the outside heading as lines', () => {
    expect(lineOf(groups, 'kamouraska')).toBe(0);
    expect(lineOf(groups, 'c')).toBe(3);
    expect(lineOf(groups, 'd')).toBe(6);
    expect(lineOf(groups, 'missing')).toBe(-1);
  });

  it('grows the window past a line beyond it, and leaves it as it is otherwise', () => {
    expect(limitFor(PAGE_LINES, 10)).toBe(PAGE_LINES);
    const grown = limitFor(PAGE_LINES, 4000);
    expect(grown).toBeGreaterThan(4000);
    expect(
      windowGroups(
        [{ ...groups[1]!, entries: Array.from({ length: 5000 }, (_, i) => entry(`n${i}`)) }],
        grown,
      ).groups[0]!.entries.length,
    ).toBeGreaterThanOrEqual(4000);
  });
});
