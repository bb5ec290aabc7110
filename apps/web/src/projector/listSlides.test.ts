import { describe, expect, it } from 'vitest';
import { latestClosedVote, type VoteState } from '@carton/board';
import type { Compilation, CompilationItem } from '../forum/api';
import {
  LIST_PAGE,
  afterKey,
  listKey,
  listPage,
  listPageCount,
  listToProject,
  projectedList,
} from './listSlides';
import { shownIndex, slideKey } from './slides';
import { testTranslator } from '../i18n/testTranslator';

const item = (key: string, count = 1, sources = ['Kamouraska']): CompilationItem => ({
  key,
  text: key.toUpperCase(),
  count,
  territories: sources.filter((s) => s !== 'Cartes postales'),
  sources,
  votes: 0,
  notes: [],
  mergedKeys: [],
});
const vote = (id: string, state: 'open' | 'closed', closedAt: number | null): VoteState => ({
  id,
  title: id,
  boardIds: [],
  dotsPerParticipant: 3,
  state,
  openedAt: 0,
  closedAt,
  counts: {},
});

describe('« Les incontournables » on the projector', () => {
  const items = [item('a', 5), item('b', 4), item('c', 3), item('d', 2), item('e', 1)];

  it('keeps the list’s own order, numbered 1, 2, 3…, without a closed vote', () => {
    const list = projectedList(items, null);
    expect(list.ranked).toBe(false);
    expect(list.lines.map(({ line, place }) => [line.key, place, line.dots])).toEqual([
      ['a', 1, null],
      ['b', 2, null],
      ['c', 3, null],
      ['d', 4, null],
      ['e', 5, null],
    ]);
    expect(list.lines[0]!.line).toMatchObject({ text: 'A', count: 5, places: ['Kamouraska'] });
  });

  it('ranks by the vote’s dots by idea, ties at one place, the list’s order between them', () => {
    const dots = new Map([
      ['d', 4],
      ['b', 2],
      ['e', 2],
      ['elsewhere', 9], // an idea of the vote that is not in the list: not shown
    ]);
    const list = projectedList(items, dots);
    expect(list.ranked).toBe(true);
    expect(list.lines.map(({ line, place }) => [line.key, place, line.dots])).toEqual([
      ['d', 1, 4],
      ['b', 2, 2],
      ['e', 2, 2],
      // No dot, no place (as the Markdown's « sans point »): not all tied for the 4th.
      ['a', null, 0],
      ['c', null, 0],
    ]);
  });

  it('gives the ideas without a dot no place, after the ranked ones, in the list’s order', () => {
    const list = projectedList(items, new Map([['c', 1]]));
    expect(list.lines.map(({ line, place }) => [line.key, place])).toEqual([
      ['c', 1],
      ['a', null],
      ['b', null],
      ['d', null],
      ['e', null],
    ]);
  });

  it('keeps its own order when the vote gave none of its ideas a dot', () => {
    const list = projectedList(items, new Map([['elsewhere', 3]]));
    expect(list.ranked).toBe(false);
    expect(list.lines.map(({ line }) => line.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(list.lines.every(({ line }) => line.dots === null)).toBe(true);
  });

  it('says where an idea from the postcards was written', () => {
    const list = projectedList([item('p', 2, ['Cartes postales'])], null);
    expect(list.lines[0]!.line.places).toEqual(['Cartes postales']);
  });

  it('pages 10 ideas at a time, saying how many come after', () => {
    const many = Array.from({ length: 113 }, (_, n) => n);
    expect(LIST_PAGE).toBe(10);
    expect(listPageCount(113)).toBe(12);
    expect(listPageCount(10)).toBe(1);
    expect(listPageCount(0)).toBe(0);
    expect(listPage(many, 0)).toEqual({ shown: many.slice(0, 10), after: 103 });
    expect(listPage(many, 11)).toEqual({ shown: [110, 111, 112], after: 0 });
  });

  it('is ranked by the vote closed last, not by one still open', () => {
    expect(latestClosedVote([])).toBeNull();
    expect(latestClosedVote([vote('v1', 'open', null)])).toBeNull();
    const votes = [vote('v1', 'closed', 30), vote('v2', 'closed', 20), vote('v3', 'open', null)];
    expect(latestClosedVote(votes)?.id).toBe('v1');
  });

  it('I goes to the first page, which stays up while the list changes', () => {
    const slides = [
      { kind: 'carton', id: 'x' },
      { kind: 'results' },
      { kind: 'list', page: 0 },
      { kind: 'list', page: 1 },
    ];
    expect(listKey('i', slides)).toBe(2);
    expect(listKey('I', slides)).toBe(2);
    expect(listKey('x', slides)).toBeNull();
    expect(listKey('i', slides.slice(0, 2))).toBeNull();
    expect(slideKey({ kind: 'list', page: 1 })).toBe('list:1');
    // The results slide goes (its vote reopened): the second page is still the one shown.
    const without = slides.filter((s) => s.kind !== 'results');
    expect(shownIndex(without, { index: 3, key: 'list:1' })).toBe(2);
  });
});

describe('the projected list when the server did not rank it by the vote closed last', () => {
  const items = [
    { ...item('a', 3), votes: 0 },
    { ...item('b', 2), votes: 4 },
  ];
  const compiled = (rankedBy?: Compilation['rankedBy']): Compilation => ({
    boardIds: [],
    merges: {},
    items,
    setAside: [],
    ...(rankedBy === undefined ? {} : { rankedBy }),
  });

  it('ranks it by that vote when the server did', () => {
    const list = listToProject(compiled({ voteId: 'v2', title: 'V2' }), 'v2', true);
    expect(list?.unranked).toBe(false);
    expect(list?.lines.map(({ line }) => line.key)).toEqual(['b', 'a']);
  });

  it('an older server (no rankedBy at all): the list in its own order, said unranked, never none', () => {
    const list = listToProject(compiled(), 'v2', false);
    expect(list).not.toBeNull();
    expect(list?.unranked).toBe(true);
    expect(list?.ranked).toBe(false);
    expect(list?.lines.map(({ line, place }) => [line.key, place])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('read after the close and still ranked by an earlier vote, or by none: its own order', () => {
    for (const rankedBy of [{ voteId: 'v1', title: 'V1' }, null]) {
      const list = listToProject(compiled(rankedBy), 'v2', true);
      expect(list?.unranked).toBe(true);
      expect(list?.lines.map(({ line }) => line.key)).toEqual(['a', 'b']);
    }
  });

  it('read before the close: not shown yet, rather than in its own order and then reordered', () => {
    expect(listToProject(compiled({ voteId: 'v1', title: 'V1' }), 'v2', false)).toBeNull();
  });

  it('no closed vote: its own order, not said unranked', () => {
    expect(listToProject(compiled(null), null, false)?.unranked).toBe(false);
  });
});

describe('the line under a page of the list', () => {
  it('says « à la page suivante » when one page follows, « aux pages suivantes » when more do', () => {
    expect(afterKey(0, 2)).toBe('afterNext');
    expect(afterKey(1, 3)).toBe('afterNext');
    expect(afterKey(0, 3)).toBe('afterLater');
  });

  it('in fr-CA and en, its plural following the ideas and its page(s) the pages to come', async () => {
    const said = (t: (key: string, values?: Record<string, unknown>) => string) =>
      [
        [0, 2, 5],
        [0, 2, 1],
        [0, 3, 15],
        [1, 3, 1],
      ].map(([page, pages, count]) => t(`projector.list.${afterKey(page!, pages!)}`, { count }));
    expect(said(await testTranslator('fr-CA'))).toEqual([
      'Et 5 autres idées à la page suivante\u202f→',
      'Et 1 autre idée à la page suivante\u202f→',
      'Et 15 autres idées aux pages suivantes\u202f→',
      'Et 1 autre idée à la page suivante\u202f→',
    ]);
    expect(said(await testTranslator('en'))).toEqual([
      '5 more ideas on the next page →',
      '1 more idea on the next page →',
      '15 more ideas on the following pages →',
      '1 more idea on the next page →',
    ]);
  });
});
