// The closed vote's dots an export of a board draws: the board's own choice of vote (VoteLayer's
// closedVote), its counts on this board's notes still there.
import { describe, expect, it } from 'vitest';
import type { VoteState } from '@carton/board';
import { exportedVote } from './voteDots';

function vote(
  id: string,
  state: 'open' | 'closed',
  boardIds: string[],
  counts: Record<string, number> = {},
): VoteState {
  return {
    id,
    title: `Vote ${id}`,
    boardIds,
    dotsPerParticipant: 3,
    state,
    openedAt: Number(id.slice(1)),
    closedAt: state === 'closed' ? 10 : null,
    counts,
  };
}

const notes = new Set(['n1', 'n2', 'n3']);
const isNote = (id: string) => notes.has(id);

describe('the vote an export draws', () => {
  it('takes the newest closed vote over the board, its dots on this board’s notes', () => {
    const older = vote('v1', 'closed', ['kam'], { 'kam/n1': 5 });
    const newest = vote('v2', 'closed', ['kam', 'rdl'], { 'kam/n1': 3, 'kam/n2': 1, 'rdl/n1': 4 });
    const drawn = exportedVote([older, newest], 'kam', isNote);
    expect(drawn?.id).toBe('v2');
    expect(drawn?.title).toBe('Vote v2');
    expect([...drawn!.dots]).toEqual([
      ['n1', 3],
      ['n2', 1],
    ]);
    expect(drawn?.total).toBe(4);
    // A vote over other boards only is not this board's.
    expect(exportedVote([older, vote('v3', 'closed', ['rdl'])], 'kam', isNote)?.id).toBe('v1');
  });

  it('offers nothing while the newest vote over the board is open, or with no vote', () => {
    const closed = vote('v1', 'closed', ['kam'], { 'kam/n1': 5 });
    expect(
      exportedVote([closed, vote('v2', 'open', ['kam'], { 'kam/n2': 2 })], 'kam', isNote),
    ).toBe(null);
    expect(exportedVote([], 'kam', isNote)).toBeNull();
    expect(exportedVote([vote('v1', 'open', ['kam'], { 'kam/n1': 1 })], 'kam', isNote)).toBeNull();
  });

  it('offers nothing for a closed vote that left no dots on the board’s notes', () => {
    // No dots here; dots only on a note deleted since; a zero left by a dot taken back.
    expect(
      exportedVote([vote('v1', 'closed', ['kam'], { 'rdl/n1': 2 })], 'kam', isNote),
    ).toBeNull();
    expect(
      exportedVote([vote('v1', 'closed', ['kam'], { 'kam/gone': 2 })], 'kam', isNote),
    ).toBeNull();
    expect(
      exportedVote([vote('v1', 'closed', ['kam'], { 'kam/n3': 0 })], 'kam', isNote),
    ).toBeNull();
    const some = exportedVote(
      [vote('v1', 'closed', ['kam'], { 'kam/gone': 2, 'kam/n3': 1 })],
      'kam',
      isNote,
    );
    expect([...some!.dots]).toEqual([['n3', 1]]);
    expect(some?.total).toBe(1);
  });
});
