import { describe, expect, it } from 'vitest';
import { readPresence } from './presence';

describe('readPresence', () => {
  it('reads a well-formed state', () => {
    const state = readPresence({
      user: { id: 'user:1', name: 'Émilie', color: '#d1495b' },
      cursor: { x: 1, y: 2 },
      selection: ['shape:a'],
      preview: { kind: 'stroke', points: [[0, 0, 0.5]], color: 'black', width: 4 },
      view: { center: { x: 0, y: 0 }, zoom: 1 },
    });
    expect(state?.user.name).toBe('Émilie');
    expect(state?.preview?.kind).toBe('stroke');
    expect(state?.view?.zoom).toBe(1);
  });
  it('repairs or drops malformed parts from an untrusted peer', () => {
    const state = readPresence({
      user: { id: 'user:2', name: 'X', color: 'red; background:url(x)' },
      cursor: { x: 'a' },
      selection: [1, 'shape:b'],
      preview: { kind: 'stroke', points: [[0, 'x', 1]], color: 'black', width: 4 },
    });
    expect(state?.user.color).toBe('#555555');
    expect(state?.cursor).toBeNull();
    expect(state?.selection).toEqual(['shape:b']);
    expect(state?.preview).toEqual({ kind: 'stroke', points: [], color: 'black', width: 4 });
    expect(readPresence({ cursor: { x: 1, y: 1 } })).toBeNull();
  });
});
