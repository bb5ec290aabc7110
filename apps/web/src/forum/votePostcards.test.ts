import { describe, expect, it } from 'vitest';
import type { ForumBoard } from './api';
import { postcardsLeftOut } from './votePostcards';

const board = (id: string, kind: ForumBoard['kind'], territory: string | null = null) =>
  ({ id, kind, title: id, territory }) satisfies ForumBoard;
const boards = [
  board('kamouraska', 'territory', 'Kamouraska'),
  board('wall', 'postcards'),
  board('plenary', 'plenary'),
];
const list = (...notes: string[]) => ({ items: [{ notes }] });

describe('« Vote par points » and the postcards of « Les incontournables »', () => {
  it('names the postcard wall the list holds ideas from when the vote leaves it out', () => {
    const left = postcardsLeftOut(
      boards,
      list('kamouraska/n1', 'wall/n2'),
      new Set(['kamouraska']),
    );
    expect(left.map((b) => b.id)).toEqual(['wall']);
  });

  it('says nothing once the wall is ticked, without a list, or when no idea is from it', () => {
    const chosen = new Set(['kamouraska', 'wall']);
    expect(postcardsLeftOut(boards, list('wall/n2'), chosen)).toEqual([]);
    expect(postcardsLeftOut(boards, null, new Set(['kamouraska']))).toEqual([]);
    expect(postcardsLeftOut(boards, list('kamouraska/n1'), new Set(['kamouraska']))).toEqual([]);
    // A board whose id starts like the wall's is not the wall.
    expect(postcardsLeftOut(boards, list('wall2/n1'), new Set())).toEqual([]);
  });

  it('says nothing when the list is on a board the vote covers (the plenary), the wall unticked', () => {
    // « Mettre la liste sur la plénière », then « Lancer le vote sur la liste »: the page said
    // both « le vote porte sur ce tableau » and « Cochez « Cartes postales » ».
    const onPlenary = new Set(['plenary']);
    expect(postcardsLeftOut(boards, list('wall/n2'), onPlenary, 'plenary')).toEqual([]);
    // A vote that leaves the plenary out still misses the wall's ideas.
    const left = postcardsLeftOut(boards, list('wall/n2'), new Set(['kamouraska']), 'plenary');
    expect(left.map((b) => b.id)).toEqual(['wall']);
  });
});
