import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { PRESENCE_INTERVAL_MS, Presence } from './publisher';

afterEach(() => {
  vi.useRealTimers();
});

describe('Presence publisher', () => {
  it('sends at most 20 updates a second (the server budget, R29), the latest position last', () => {
    vi.useFakeTimers();
    const awareness = new Awareness(new Y.Doc());
    const presence = new Presence(
      awareness,
      { id: 'user:1', name: 'Émilie', color: '#d1495b' },
      false,
    );
    let updates = 0;
    awareness.on('change', () => updates++);
    // A mouse at 200 Hz for one second.
    for (let i = 0; i < 200; i++) {
      presence.setCursor({ x: i, y: 2 * i });
      vi.advanceTimersByTime(5);
    }
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS);
    expect(PRESENCE_INTERVAL_MS).toBeGreaterThanOrEqual(50);
    expect(updates).toBeGreaterThan(10);
    expect(updates).toBeLessThanOrEqual(21);
    expect((awareness.getLocalState() as { cursor: unknown }).cursor).toEqual({ x: 199, y: 398 });
    presence.destroy();
    awareness.destroy();
  });
});
