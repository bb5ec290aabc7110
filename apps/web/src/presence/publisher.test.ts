import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { followPeerStrokes, readPeers } from './presence';
import { readStrokeChunk, STROKE_INTERVAL_MS, type StrokePoint } from './strokeCodec';
import { PRESENCE_INTERVAL_MS, Presence, type PresenceWire } from './publisher';

const EMILIE = { id: 'user:1', name: 'Émilie', color: '#d1495b' };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Every state the publisher writes, in order. */
function recordWrites(awareness: Awareness): PresenceWire[] {
  const writes: PresenceWire[] = [];
  awareness.on('update', ({ updated }: { updated: number[] }) => {
    if (updated.includes(awareness.clientID))
      writes.push(structuredClone(awareness.getLocalState() as PresenceWire));
  });
  return writes;
}

/** Handwriting-like: a loop on the Kamouraska postcard, fractional world points. */
function penPoint(i: number): StrokePoint {
  const t = i / 60;
  return [160 + t * 96 + 20 * Math.sin(t * 9), 240 + 32 * Math.sin(t * 4), 0.5];
}

describe('Presence publisher', () => {
  it('sends a cursor at once after a quiet spell, then at most 20 updates a second (R29)', () => {
    const awareness = new Awareness(new Y.Doc());
    const presence = new Presence(awareness, EMILIE, false);
    const writes = recordWrites(awareness);
    presence.setCursor({ x: 1, y: 2 });
    vi.advanceTimersByTime(0);
    expect(writes).toHaveLength(1);
    // A mouse at 200 Hz for one second.
    for (let i = 0; i < 200; i++) {
      presence.setCursor({ x: i, y: 2 * i });
      vi.advanceTimersByTime(5);
    }
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS);
    expect(PRESENCE_INTERVAL_MS).toBeGreaterThanOrEqual(50);
    expect(writes.length).toBeGreaterThan(10);
    expect(writes.length).toBeLessThanOrEqual(22);
    expect(writes[writes.length - 1]?.cursor).toEqual({ x: 199, y: 398 });
    presence.destroy();
  });

  it('keeps sending when the wall clock is set back', () => {
    const awareness = new Awareness(new Y.Doc());
    const presence = new Presence(awareness, EMILIE, false);
    const writes = recordWrites(awareness);
    presence.setCursor({ x: 1, y: 1 });
    vi.advanceTimersByTime(0);
    vi.setSystemTime(Date.now() - 3_600_000);
    presence.setCursor({ x: 2, y: 2 });
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS);
    expect(writes.map((w) => w.cursor)).toEqual([
      { x: 1, y: 1 },
      { x: 2, y: 2 },
    ]);
    presence.destroy();
  });

  it('leaves out what is null, empty or false, and rounds cursor and view', () => {
    const awareness = new Awareness(new Y.Doc());
    const presence = new Presence(awareness, EMILIE, false);
    expect(awareness.getLocalState()).toEqual({ user: EMILIE });
    presence.setCursor({ x: 10.04321, y: -3.98765 });
    presence.setView({ center: { x: 512.4, y: 300.6 }, zoom: 1.2100000000000002 });
    presence.setSelection([]);
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS);
    expect(awareness.getLocalState()).toEqual({
      user: EMILIE,
      cursor: { x: 10, y: -4 },
      view: { center: { x: 512, y: 301 }, zoom: 1.21 },
    });
    presence.destroy();
    const viewing = new Awareness(new Y.Doc());
    new Presence(viewing, EMILIE, true);
    expect(viewing.getLocalState()).toEqual({ user: EMILIE, readOnly: true });
  });

  it('draws at 5 Hz: new points only, no cursor while drawing, the end sent within 50 ms', () => {
    const awareness = new Awareness(new Y.Doc());
    const presence = new Presence(awareness, EMILIE, false);
    const writes = recordWrites(awareness);
    const times: number[] = [];
    awareness.on('update', () => times.push(Date.now()));
    const points: StrokePoint[] = [];
    // The pen: 5 seconds at 60 Hz, the cursor and the whole stroke so far on every move.
    for (let i = 0; i < 300; i++) {
      points.push(penPoint(i));
      presence.setCursor({ x: points[i]![0], y: points[i]![1] });
      presence.setPreview({ kind: 'stroke', points: points.slice(), color: 'black', width: 4 });
      vi.advanceTimersByTime(1000 / 60);
    }
    const drawing = writes.length;
    expect(drawing).toBeGreaterThanOrEqual(24);
    expect(drawing).toBeLessThanOrEqual(27);
    expect(writes.every((w) => w.cursor === undefined && typeof w.s === 'string')).toBe(true);
    for (let i = 2; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(STROKE_INTERVAL_MS);
    const chunks = writes.map((w) => readStrokeChunk(w.s)!);
    expect(chunks.map((c) => c.seq)).toEqual(chunks.map((_, i) => i));
    // Each point once: the chunks hold fewer points than the pen recorded.
    expect(chunks.reduce((n, c) => n + c.points.length, 0)).toBeLessThan(points.length);

    const ended = Date.now();
    presence.setPreview(null);
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS);
    expect(writes).toHaveLength(drawing + 1);
    expect(times[times.length - 1]! - ended).toBeLessThanOrEqual(PRESENCE_INTERVAL_MS);
    const last = writes[writes.length - 1]!;
    expect(last.s).toBeUndefined();
    const [x, y] = points[points.length - 1]!;
    expect(last.cursor).toEqual({ x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 });
    presence.destroy();
  });
});

describe('Presence publisher → a peer: the stroke grows smoothly, bridged where sends are lost', () => {
  it('replays each chunk over the interval and puts the drawer’s cursor at the tip', () => {
    const drawer = new Awareness(new Y.Doc());
    const observer = new Awareness(new Y.Doc());
    followPeerStrokes(observer, () => Date.now());
    const presence = new Presence(drawer, { ...EMILIE, name: 'Les Basques' }, false);
    let sends = 0;
    let lossy = true;
    const received: string[] = [];
    drawer.on('update', ({ updated }: { updated: number[] }) => {
      if (!updated.includes(drawer.clientID)) return;
      // The relay may skip a frame: one send in four never reaches the observer.
      if (++sends % 4 === 3 && lossy) return;
      received.push((drawer.getLocalState() as PresenceWire).s ?? '');
      applyAwarenessUpdate(observer, encodeAwarenessUpdate(drawer, [drawer.clientID]), 'relay');
    });
    const points: StrokePoint[] = [];
    const shownCounts: number[] = [];
    const tips: string[] = [];
    for (let i = 0; i < 180; i++) {
      points.push(penPoint(i));
      presence.setCursor({ x: points[i]![0], y: points[i]![1] });
      presence.setPreview({ kind: 'stroke', points: points.slice(), color: 'black', width: 4 });
      vi.advanceTimersByTime(1000 / 60);
      const [peer] = readPeers(observer);
      const shown = peer?.preview?.kind === 'stroke' ? peer.preview.points : [];
      shownCounts.push(shown.length);
      if (shown.length > 0) {
        const tip = shown[shown.length - 1]!;
        expect(peer?.cursor).toEqual({ x: tip[0], y: tip[1] });
        tips.push(`${tip[0]},${tip[1]}`);
      }
    }
    // It grows a little on most frames (its tip moves), not in one jump per chunk; never shrinks.
    for (let i = 1; i < shownCounts.length; i++)
      expect(shownCounts[i]).toBeGreaterThanOrEqual(shownCounts[i - 1]!);
    expect(tips.length).toBeGreaterThan(150);
    // (It rests only where a chunk was lost: the next one comes an interval later.)
    expect(new Set(tips).size).toBeGreaterThan(tips.length * 0.6);
    // Once replayed: exactly the points that arrived, lost chunks bridged by a straight segment.
    vi.advanceTimersByTime(2 * STROKE_INTERVAL_MS);
    const [peer] = readPeers(observer);
    const arrived = received.flatMap((s) => readStrokeChunk(s)?.points ?? []);
    expect(sends - received.length).toBeGreaterThan(0);
    expect(peer?.preview?.kind === 'stroke' && peer.preview.points).toEqual(arrived);

    lossy = false;
    presence.setPreview(null);
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS);
    expect(readPeers(observer)[0]?.preview).toBeNull();
    // The cursor is back where the pen left it.
    const [x, y] = points[points.length - 1]!;
    expect(readPeers(observer)[0]?.cursor).toEqual({
      x: Math.round(x * 10) / 10,
      y: Math.round(y * 10) / 10,
    });
    presence.destroy();
  });

  it('a new name reaches the others with the next write, cursor kept; the same name writes nothing', () => {
    const awareness = new Awareness(new Y.Doc());
    const presence = new Presence(awareness, EMILIE, false);
    const writes = recordWrites(awareness);
    presence.setCursor({ x: 5, y: 6 });
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS);
    presence.setUser({ ...EMILIE, name: 'Émilie Gagnon' });
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS);
    presence.setUser({ ...EMILIE, name: 'Émilie Gagnon' });
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS);
    expect(writes.map((w) => w.user.name)).toEqual(['Émilie', 'Émilie Gagnon']);
    expect(writes[1]?.cursor).toEqual({ x: 5, y: 6 });
    presence.destroy();
  });
});
