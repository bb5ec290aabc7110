import { describe, expect, it } from 'vitest';
import type { VoteState } from '@carton/board';
import {
  activeVote,
  closedVote,
  dotAction,
  dotsByNote,
  keptVoterId,
  openVotesOver,
  questionAfterOpening,
  resultWords,
  voteKey,
  voterId,
} from './voteMode';

const vote = (id: string, state: 'open' | 'closed', boardIds: string[]): VoteState => ({
  id,
  title: id,
  boardIds,
  dotsPerParticipant: 3,
  state,
  openedAt: 1,
  closedAt: state === 'closed' ? 2 : null,
  counts: {},
});

describe('vote mode', () => {
  it('finds the open votes a new vote over these boards would hide', () => {
    const votes = [
      vote('v1', 'open', ['a', 'b']),
      vote('v2', 'closed', ['a']),
      vote('v3', 'open', ['c']),
    ];
    expect(openVotesOver(votes, ['b', 'd']).map((v) => v.id)).toEqual(['v1']);
    expect(openVotesOver(votes, new Set(['a', 'c'])).map((v) => v.id)).toEqual(['v1', 'v3']);
    // A closed vote, or an open one on other boards only, runs beside the new one.
    expect(openVotesOver(votes, ['d'])).toEqual([]);
  });

  it('finds the open vote over this board, newest first', () => {
    const votes = [vote('v1', 'open', ['a']), vote('v2', 'open', ['b']), vote('v3', 'open', ['a'])];
    expect(activeVote(votes, 'a')?.id).toBe('v3');
    expect(activeVote(votes, 'c')).toBeNull();
    expect(activeVote([vote('v1', 'closed', ['a'])], 'a')).toBeNull();
  });
  it('shows the counts of the last vote only when it is closed', () => {
    expect(closedVote([vote('v1', 'closed', ['a'])], 'a')?.id).toBe('v1');
    expect(closedVote([vote('v1', 'closed', ['a']), vote('v2', 'open', ['a'])], 'a')).toBeNull();
  });
  it('a click places a dot, a click on my dot removes it', () => {
    const note = { boardId: 'a', shapeId: 's1' };
    expect(dotAction([], 3, note, false)).toEqual({ kind: 'add' });
    expect(dotAction([note], 2, note, true)).toEqual({ kind: 'remove' });
    expect(dotAction([note], 2, note, false)).toEqual({ kind: 'add' });
    expect(dotAction([note], 0, { boardId: 'a', shapeId: 's2' }, false)).toEqual({
      kind: 'none',
      reason: 'no_dots_left',
    });
    expect(dotAction([note], 0, note, true)).toEqual({ kind: 'remove' });
  });
  it('refuses a dot on a note with no text, yet gives back a dot already on one', () => {
    const note = { boardId: 'a', shapeId: 's1' };
    expect(dotAction([], 3, note, false, true)).toEqual({ kind: 'none', reason: 'empty_note' });
    expect(dotAction([note], 2, note, false, true)).toEqual({
      kind: 'none',
      reason: 'empty_note',
    });
    expect(dotAction([note], 2, note, true, true)).toEqual({ kind: 'remove' });
  });
  it('groups my dots by note on a board', () => {
    const dots = [
      { boardId: 'a', shapeId: 's1' },
      { boardId: 'a', shapeId: 's1' },
      { boardId: 'b', shapeId: 's1' },
    ];
    expect([...dotsByNote(dots, 'a')]).toEqual([['s1', 2]]);
  });
  it('keeps one url-safe voter id per device', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    // A device that never voted has none to read (a closed vote asks for no dots of it).
    expect(keptVoterId(storage)).toBeNull();
    const id = voterId(storage);
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
    expect(voterId(storage)).toBe(id);
    expect(keptVoterId(storage)).toBe(id);
    expect(keptVoterId(null)).toBeNull();
  });
});

describe('voting from the keyboard (vote mode)', () => {
  const key = (k: string, more: Partial<Parameters<typeof voteKey>[0]> = {}) =>
    voteKey({
      key: k,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      inField: false,
      ...more,
    });
  it('Enter places a dot on the chosen note; Delete and Backspace take mine back', () => {
    expect(key('Enter')).toBe('add');
    expect(key('Delete')).toBe('remove');
    expect(key('Backspace')).toBe('remove');
  });
  it('leaves fields, shortcuts and other keys alone', () => {
    expect(key('Enter', { inField: true })).toBeNull();
    expect(key('Enter', { shiftKey: true })).toBeNull(); // Shift+Enter builds a selection
    expect(key('Enter', { ctrlKey: true })).toBeNull();
    expect(key('Tab')).toBeNull();
    expect(key('n')).toBeNull();
  });
});

describe('ranked notes on the forum page', () => {
  it('say an empty or deleted note instead of a blank line', () => {
    expect(resultWords('Participation citoyenne')).toEqual({
      kind: 'text',
      text: 'Participation citoyenne',
    });
    expect(resultWords('  ')).toEqual({ kind: 'empty' });
    expect(resultWords(null)).toEqual({ kind: 'gone' });
  });
});

describe('the « Question » field once a vote opened', () => {
  it('is cleared, unless another question was typed meanwhile', () => {
    expect(questionAfterOpening('Nos priorités', 'Nos priorités')).toBe('');
    expect(questionAfterOpening('Deuxième tour', 'Nos priorités')).toBe('Deuxième tour');
  });
});
