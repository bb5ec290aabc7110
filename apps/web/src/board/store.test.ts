import { describe, expect, it } from 'vitest';
import { createSessionStore } from './store';

describe('the people list at first', () => {
  it('starts folded on a view link, open for an editor on a wide screen', () => {
    // No window here: the size test counts as wide, as a tablet or a laptop would.
    expect(createSessionStore(true).getState().peopleOpen).toBe(false);
    expect(createSessionStore(false).getState().peopleOpen).toBe(true);
  });
});
