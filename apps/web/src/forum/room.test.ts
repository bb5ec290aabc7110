import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeVote, openVote, SERVER_ORIGIN, setSpotlight, setVoteCounts } from '@carton/board';
import { STORAGE_QUIET_MS } from '../board/storageTrouble';
import { keepUnchanged } from './keepUnchanged';
import { nextConnection, readForumSnapshot, shownConnection, type ForumConnection } from './room';

describe('the forum page’s connection (ForumConnectionBanner)', () => {
  it('says nothing while the first connection is made, then « lost » when a synced socket drops', () => {
    let state: ForumConnection = 'connecting';
    state = nextConnection(state, 'disconnected');
    expect(state).toBe('connecting');
    state = nextConnection(state, 'connected');
    expect(state).toBe('connected');
    state = nextConnection(state, 'disconnected');
    expect(state).toBe('lost');
    expect(nextConnection(state, 'connecting')).toBe('lost');
    expect(nextConnection(state, 'connected')).toBe('connected');
  });

  it('a replaced link (4403) stays replaced whatever the socket does next', () => {
    expect(nextConnection('revoked', 'connected')).toBe('revoked');
    expect(nextConnection('revoked', 'disconnected')).toBe('revoked');
  });

  it('a deleted forum (4410) stays deleted, whatever the socket or the storage says', () => {
    expect(nextConnection('deleted', 'connected')).toBe('deleted');
    expect(nextConnection('deleted', 'connecting')).toBe('deleted');
    expect(shownConnection('deleted', 1_000, 1_000)).toBe('deleted');
  });
});

describe('the forum page when the server cannot store (4501, server R69)', () => {
  it('says the storage trouble, not « connexion perdue », through the reconnection after it', () => {
    const failedAt = 1_000_000;
    // The room closed with 4501: the socket drops, then comes back at once.
    expect(shownConnection('lost', failedAt, failedAt)).toBe('storage');
    expect(shownConnection('connected', failedAt, failedAt + 300)).toBe('storage');
    expect(shownConnection('connected', failedAt, failedAt + STORAGE_QUIET_MS - 1)).toBe('storage');
    // Quiet since: the socket's own state again.
    expect(shownConnection('connected', failedAt, failedAt + STORAGE_QUIET_MS)).toBe('connected');
    expect(shownConnection('lost', failedAt, failedAt + STORAGE_QUIET_MS)).toBe('lost');
  });

  it('without a 4501 the socket speaks for itself, and a replaced link wins', () => {
    expect(shownConnection('lost', null, 0)).toBe('lost');
    expect(shownConnection('connected', null, 0)).toBe('connected');
    expect(shownConnection('revoked', 5, 5)).toBe('revoked');
  });
});

describe('the forum room’s snapshot keeps what did not change (projector slides memo’d on it)', () => {
  const forumDoc = () => {
    const doc = new Y.Doc();
    for (const id of ['morning', 'plenary']) {
      openVote(
        doc,
        { id, title: id, boardIds: ['b1'], dotsPerParticipant: 3, openedAt: 1 },
        SERVER_ORIGIN,
      );
    }
    setVoteCounts(doc, 'morning', { 'b1/n1': 4, 'b1/n2': 1 }, SERVER_ORIGIN);
    closeVote(doc, 'morning', 2, SERVER_ORIGIN);
    setSpotlight(doc, { active: true, boardId: 'b1', by: 'Marie' }, SERVER_ORIGIN);
    return doc;
  };
  const facilitator = (x: number) =>
    new Map<number, unknown>([[999_999, { spotlightCamera: { boardId: 'b1', x, y: 0, zoom: 1 } }]]);

  it('an awareness change alone (the spotlight camera moving) makes no new vote object', () => {
    const doc = forumDoc();
    const first = readForumSnapshot(doc, facilitator(0));
    const moved = readForumSnapshot(doc, facilitator(120), first);
    expect(moved.camera).toEqual({ boardId: 'b1', x: 120, y: 0, zoom: 1 });
    expect(moved.votes).toBe(first.votes);
    expect(moved.votes[0]).toBe(first.votes[0]);
    expect(moved.spotlight).toBe(first.spotlight);
    expect(moved.timer).toBe(first.timer);
  });

  it('a dot on one vote makes that vote new, the closed vote stays the object it was', () => {
    const doc = forumDoc();
    const first = readForumSnapshot(doc, facilitator(0));
    setVoteCounts(doc, 'plenary', { 'b1/n1': 1 }, SERVER_ORIGIN);
    const dotted = readForumSnapshot(doc, facilitator(0), first);
    const vote = (s: typeof first, id: string) => s.votes.find((v) => v.id === id);
    expect(vote(dotted, 'plenary')?.counts).toEqual({ 'b1/n1': 1 });
    expect(vote(dotted, 'plenary')).not.toBe(vote(first, 'plenary'));
    expect(vote(dotted, 'morning')).toBe(vote(first, 'morning'));
    expect(dotted.camera).toBe(first.camera);
  });

  it('keepUnchanged: equal parts kept, changed ones new, a key gone or added seen', () => {
    const before = { a: [1, { b: 2 }], c: { d: 'x' } };
    expect(keepUnchanged(before, { a: [1, { b: 2 }], c: { d: 'x' } })).toBe(before);
    const after = keepUnchanged(before, { a: [1, { b: 3 }], c: { d: 'x' } });
    expect(after).toEqual({ a: [1, { b: 3 }], c: { d: 'x' } });
    expect(after.c).toBe(before.c);
    const fewer = keepUnchanged<Record<string, unknown>>({ a: 1, b: 2 }, { a: 1 });
    expect(fewer).toEqual({ a: 1 });
    const more = keepUnchanged<Record<string, unknown>>({ a: 1 }, { a: 1, b: undefined });
    expect(Object.keys(more)).toEqual(['a', 'b']);
    expect(keepUnchanged([1, 2], [1])).toEqual([1]);
  });
});
