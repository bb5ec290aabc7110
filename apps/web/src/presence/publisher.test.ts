import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { readPeers } from './presence';
import { WINDOW_MAX_POINTS } from './strokeWindow';
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

describe('Presence publisher: a stroke being drawn', () => {
  it('sends a bounded window; a peer rebuilds the whole stroke though some sends are lost', () => {
    vi.useFakeTimers();
    const drawer = new Awareness(new Y.Doc());
    const observer = new Awareness(new Y.Doc());
    const presence = new Presence(
      drawer,
      { id: 'user:2', name: 'Les Basques', color: '#2e86ab' },
      false,
    );
    const points: [number, number, number][] = [];
    let sends = 0;
    let largest = 0;
    let lossy = true;
    drawer.on('update', ({ updated }: { updated: number[] }) => {
      if (!updated.includes(drawer.clientID)) return;
      const state = drawer.getLocalState() as { stroke: { points: number[] } | null };
      largest = Math.max(largest, state.stroke?.points.length ?? 0);
      // The relay drops frames over budget: one send in three never reaches the observer (here
      // not the last of the gesture: its 60th send).
      if (++sends % 3 !== 2 || !lossy)
        applyAwarenessUpdate(observer, encodeAwarenessUpdate(drawer, [drawer.clientID]), 'relay');
    });
    readPeers(observer); // the board page reads its peers from the start (usePeers)
    // Pointer moves at ~200 Hz for 3 s.
    for (let i = 0; i < 600; i++) {
      points.push([i * 0.5, 100 + (i % 40), 0.5]);
      presence.setPreview({ kind: 'stroke', points: points.slice(), color: 'black', width: 4 });
      vi.advanceTimersByTime(5);
    }
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS);
    expect(sends).toBe(60);
    const [peer] = readPeers(observer);
    expect(peer?.preview?.kind).toBe('stroke');
    expect(peer?.preview?.kind === 'stroke' && peer.preview.points).toEqual(points);
    expect(largest).toBeLessThanOrEqual(WINDOW_MAX_POINTS * 3);

    lossy = false;
    presence.setPreview(null);
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS);
    expect(readPeers(observer)[0]?.preview).toBeNull();
    // The next stroke starts from nothing: none of the first stroke's points come back.
    presence.setPreview({ kind: 'stroke', points: [[7, 8, 0.5]], color: 'black', width: 4 });
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS);
    const next = readPeers(observer)[0]?.preview;
    expect(next?.kind === 'stroke' && next.points).toEqual([[7, 8, 0.5]]);
    presence.destroy();
    drawer.destroy();
    observer.destroy();
  });
});
