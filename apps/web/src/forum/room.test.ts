import { describe, expect, it } from 'vitest';
import { STORAGE_QUIET_MS } from '../board/storageTrouble';
import { nextConnection, shownConnection, type ForumConnection } from './room';

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
