import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { Board, initBoardDoc, localOrigin, type VoteState } from '@carton/board';
import {
  countsOnBoard,
  shownTotal,
  shownVote,
  totalOnBoard,
  voteBadgesSvg,
  withBadges,
} from './tileVotes';

const vote = (over: Partial<VoteState>): VoteState => ({
  id: 'v1',
  title: 'Nos priorités',
  boardIds: ['kamouraska', 'rdl'],
  dotsPerParticipant: 3,
  state: 'open',
  openedAt: 1,
  closedAt: null,
  counts: {},
  ...over,
});

describe('tile votes', () => {
  it('a tile shows the open vote over its board, else the newest one if it is closed', () => {
    const closed = vote({ id: 'v1', state: 'closed', closedAt: 2 });
    const open = vote({ id: 'v2', boardIds: ['kamouraska'] });
    expect(shownVote([closed, open], 'kamouraska')?.id).toBe('v2');
    expect(shownVote([closed, open], 'rdl')?.id).toBe('v1');
    expect(shownVote([closed, open], 'temiscouata')).toBeNull();
  });

  it('counts the dots of one board only', () => {
    const v = vote({
      counts: { 'kamouraska/shape:a': 3, 'kamouraska/shape:b': 1, 'rdl/shape:a': 5 },
    });
    expect([...countsOnBoard(v, 'kamouraska')]).toEqual([
      ['shape:a', 3],
      ['shape:b', 1],
    ]);
    expect(totalOnBoard(v, 'kamouraska')).toBe(4);
    expect(totalOnBoard(v, 'rdl')).toBe(5);
  });

  it('once closed, a tile without dots says no total; while open it says 0', () => {
    const counts = { 'kamouraska/shape:a': 2 };
    const closed = vote({ state: 'closed', closedAt: 2, counts });
    expect(shownTotal(closed, 'kamouraska')).toBe(2);
    expect(shownTotal(closed, 'rdl')).toBeNull();
    expect(shownTotal(vote({ counts }), 'rdl')).toBe(0);
    expect(shownTotal(vote({ counts }), 'kamouraska')).toBe(2);
  });

  it('draws a counted dot on each voted note’s corner, inside the drawn area', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Kamouraska', kind: 'territory' });
    const board = new Board(doc);
    const [voted, other] = board.run(
      (tx) => [
        tx.create('note', { x: 100, y: 200, text: 'Participation citoyenne' }),
        tx.create('note', { x: 400, y: 200, text: 'Bon leadership' }),
      ],
      localOrigin('u1'),
    );
    const shapes = board.listShapes();
    const note = shapes.find((s) => s.id === voted)!;
    const svg = voteBadgesSvg(new Map([[voted!, 4]]), shapes, { x: 76, y: 176, w: 600, h: 300 });
    expect(svg.match(/<g class="tile-vote"/g)).toHaveLength(1);
    expect(svg).toContain(`data-count="4"`);
    expect(svg).toContain('>4</text>');
    expect(svg).not.toContain(other!);
    const cx = Number(/cx="([\d.]+)"/.exec(svg)![1]);
    const cy = Number(/cy="([\d.]+)"/.exec(svg)![1]);
    if (note.type !== 'note') throw new Error('not a note');
    expect(cx).toBeGreaterThan(note.x + note.w / 2);
    expect(cy).toBeLessThan(note.y + note.h / 2);
    expect(cy - 50).toBeGreaterThanOrEqual(176);
    expect(withBadges('<svg viewBox="0 0 1 1"><rect/></svg>\n', svg)).toMatch(
      /<rect\/><g class="tile-vote".*<\/g>\n<\/svg>/s,
    );
    board.destroy();
  });
});
