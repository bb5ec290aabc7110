import { describe, expect, it } from 'vitest';
import type { VoteState } from '@carton/board';
import { listVoteOf, votesOver } from './listVote';

const vote = (id: string, boardIds: string[], openedAt: number, closed = true): VoteState => ({
  id,
  title: id,
  boardIds,
  dotsPerParticipant: 3,
  state: closed ? 'closed' : 'open',
  openedAt,
  closedAt: closed ? openedAt + 60_000 : null,
  counts: {},
});

describe('the room’s vote on the list put on the plenary', () => {
  const morning = vote('morning', ['kamouraska', 'mitis'], 1_000);
  const onList = vote('list', ['plenary'], 5_000);

  it('is none before the list is placed, or while no vote covers the plenary', () => {
    expect(listVoteOf([morning, onList], null)).toBeNull();
    expect(listVoteOf([morning], { boardId: 'plenary', votesBefore: null })).toBeNull();
  });

  it('after a reload (no placing time known), is the newest vote over the plenary, open or closed', () => {
    const again = vote('again', ['plenary', 'mitis'], 9_000, false);
    expect(listVoteOf([morning, onList], { boardId: 'plenary', votesBefore: null })).toBe(onList);
    expect(listVoteOf([onList, again], { boardId: 'plenary', votesBefore: null })).toBe(again);
  });

  it('after a reload, leaves out the votes opened before the server placed the list', () => {
    // A vote over the plenary held in the morning, the list placed at 7 000, then its vote.
    const heldBefore = vote('plenary-morning', ['plenary', 'mitis'], 2_000);
    const placed = { boardId: 'plenary', votesBefore: null, placedAt: 7_000 };
    expect(listVoteOf([morning, heldBefore], placed)).toBeNull();
    const onPlaced = vote('list-after', ['plenary'], 7_000, false);
    expect(listVoteOf([heldBefore, onPlaced, morning], placed)).toBe(onPlaced);
    // Not known (an older server or archive): any vote over the plenary, as before.
    expect(listVoteOf([heldBefore], { ...placed, placedAt: null })).toBe(heldBefore);
  });

  it('placed from this page, leaves out the votes already over the plenary then', () => {
    const before = votesOver([morning, onList], 'plenary');
    expect([...before]).toEqual(['list']);
    // Placed again after the first vote on the list: that vote is not this placing's.
    expect(listVoteOf([morning, onList], { boardId: 'plenary', votesBefore: before })).toBeNull();
    const second = vote('second', ['plenary'], 12_000, false);
    expect(listVoteOf([morning, onList, second], { boardId: 'plenary', votesBefore: before })).toBe(
      second,
    );
  });
});
