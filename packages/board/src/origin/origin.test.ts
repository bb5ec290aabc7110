import { describe, expect, it } from 'vitest';
import { isLocalOrigin, localOrigin, REMOTE_ORIGIN, SERVER_ORIGIN } from './origin.ts';

describe('origins', () => {
  it('M20: the same user gets the same frozen origin object (undo compares by identity)', () => {
    const first = localOrigin('charlotte');
    expect(localOrigin('charlotte')).toBe(first);
    expect(localOrigin('emma')).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first).toEqual({ kind: 'local', userId: 'charlotte' });
  });

  it('M20: only local origins are local', () => {
    expect(isLocalOrigin(localOrigin('x'))).toBe(true);
    expect(isLocalOrigin(SERVER_ORIGIN)).toBe(false);
    expect(isLocalOrigin(REMOTE_ORIGIN)).toBe(false);
    expect(isLocalOrigin(null)).toBe(false);
  });
});
