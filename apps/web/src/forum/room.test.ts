import { describe, expect, it } from 'vitest';
import { nextConnection, type ForumConnection } from './room';

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
});
