import { describe, expect, it } from 'vitest';
import { keptProjectorToken } from './projectorToken';

describe('the projector’s token out of the address bar', () => {
  it('is found again in the tab’s history entry after a reload', () => {
    expect(keptProjectorToken({ cartonProjectorToken: 'abc' })).toBe('abc');
    expect(keptProjectorToken({ other: 1, cartonProjectorToken: 'abc' })).toBe('abc');
  });

  it('is none for a history entry that holds none', () => {
    expect(keptProjectorToken(null)).toBeNull();
    expect(keptProjectorToken('abc')).toBeNull();
    expect(keptProjectorToken({})).toBeNull();
    expect(keptProjectorToken({ cartonProjectorToken: 42 })).toBeNull();
    expect(keptProjectorToken({ cartonProjectorToken: '' })).toBeNull();
  });
});
