import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, initBoardDoc, localOrigin, type VoteState } from '@carton/board';
import { buildOutline } from '../outline/outline';
import {
  countsOnBoard,
  listDotAction,
  totalsShown,
  voteListGroups,
  windowNotes,
  type VoteListGroup,
} from './voteList';

/** A territory's carton of the 2023 forum, its notes written out of reading order. */
function territory() {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Kamouraska', kind: 'territory' });
  const board = new Board(doc);
  const ids: Record<string, string> = {};
  board.run((tx) => {
    ids.carton = tx.create('carton', { x: 0, y: 0, w: 1600, h: 1000, title: 'Kamouraska' });
    const inside = { parentId: ids.carton, w: 210, h: 210 };
    // Second row first, then the first row right to left: the list must read in rows.
    ids.leadership = tx.create('note', { x: 50, y: 500, text: 'Bon leadership', ...inside });
    ids.plaisir = tx.create('note', { x: 600, y: 100, text: 'Plaisir !', ...inside });
    ids.participation = tx.create('note', {
      ...{ x: 50, y: 100, text: 'Participation citoyenne', ...inside },
    });
    ids.empty = tx.create('note', { x: 300, y: 100, text: '  ', ...inside });
    ids.outside = tx.create('note', { x: 2000, y: 0, w: 210, h: 210, text: 'Accompagnement' });
  }, localOrigin('user:test'));
  return { shapes: board.listShapes(), ids };
}

const vote = (state: VoteState['state'], counts: VoteState['counts']): VoteState => ({
  id: 'v1',
  title: 'Nos incontournables',
  boardIds: ['kam'],
  dotsPerParticipant: 5,
  state,
  openedAt: 0,
  closedAt: null,
  counts,
});

describe('« Voter en liste »', () => {
  it('lists the written notes in the board’s reading order, not by their dots', () => {
    const { shapes, ids } = territory();
    // The idea read last holds the most dots: the list still reads the carton in rows.
    const totals = new Map([[ids.leadership!, 9]]);
    const groups = voteListGroups(buildOutline(shapes), new Map(), totals);
    expect(groups.map((g) => g.title)).toEqual(['Kamouraska', null]);
    expect(groups[0]!.notes.map((n) => n.text)).toEqual([
      'Participation citoyenne',
      'Plaisir !',
      'Bon leadership',
    ]);
    expect(groups[1]!.notes.map((n) => n.shapeId)).toEqual([ids.outside]);
  });

  it('shows my dots always, and everyone’s only once the vote is closed', () => {
    const { shapes, ids } = territory();
    const counts = { [`kam/${ids.plaisir}`]: 4, [`other/${ids.plaisir}`]: 7 };
    const mine = new Map([[ids.plaisir!, 2]]);
    const whileOpen = vote('open', counts);
    expect(totalsShown(whileOpen)).toBe(false);
    const open = voteListGroups(buildOutline(shapes), mine, null)[0]!.notes;
    expect(open.find((n) => n.shapeId === ids.plaisir)).toMatchObject({ mine: 2, total: null });

    const closed = vote('closed', counts);
    expect(totalsShown(closed)).toBe(true);
    const totals = countsOnBoard(closed.counts, 'kam');
    const notes = voteListGroups(buildOutline(shapes), mine, totals)[0]!.notes;
    expect(notes.map((n) => [n.text, n.mine, n.total])).toEqual([
      ['Participation citoyenne', 0, 0],
      ['Plaisir !', 2, 4],
      ['Bon leadership', 0, 0],
    ]);
  });

  it('gives and takes back as the canvas does, and refuses everything once closed', () => {
    const target = { boardId: 'kam', shapeId: 'n1' };
    const mine = [target];
    expect(listDotAction(true, mine, 3, target, false, false)).toEqual({ kind: 'add' });
    expect(listDotAction(true, mine, 3, target, true, false)).toEqual({ kind: 'remove' });
    expect(listDotAction(true, [], 3, target, true, false)).toEqual({
      kind: 'none',
      reason: 'none_to_take',
    });
    expect(listDotAction(true, mine, 0, target, false, false)).toEqual({
      kind: 'none',
      reason: 'no_dots_left',
    });
    expect(listDotAction(true, [], 3, target, false, true)).toEqual({
      kind: 'none',
      reason: 'empty_note',
    });
    for (const take of [false, true])
      expect(listDotAction(false, mine, 3, target, take, false)).toEqual({
        kind: 'none',
        reason: 'vote_closed',
      });
  });
});

describe('windowNotes', () => {
  const note = (id: string) => ({ shapeId: id, text: id, mine: 0, total: null });
  const groups: VoteListGroup[] = [
    { id: 'a', title: 'Kamouraska', notes: ['a1', 'a2', 'a3'].map(note) },
    { id: null, title: null, notes: ['o1', 'o2'].map(note) },
  ];
  const ids = (w: ReturnType<typeof windowNotes>) =>
    w.groups.map((g) => [g.id, g.notes.map((n) => n.shapeId)]);

  it('draws the first notes in order and counts the rest', () => {
    expect(ids(windowNotes(groups, 2))).toEqual([['a', ['a1', 'a2']]]);
    expect(windowNotes(groups, 2).hidden).toBe(3);
    expect(ids(windowNotes(groups, 4))).toEqual([
      ['a', ['a1', 'a2', 'a3']],
      [null, ['o1']],
    ]);
    expect(windowNotes(groups, 4).hidden).toBe(1);
  });

  it('is the whole list once the window holds every note', () => {
    const whole = windowNotes(groups, 5);
    expect(whole.hidden).toBe(0);
    expect(whole.groups).toEqual(groups);
  });
});
