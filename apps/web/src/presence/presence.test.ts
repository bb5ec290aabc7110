import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { followPeerStrokes, readPeers, readPresence } from './presence';
import { encodeChunk, encodePoints } from './strokeCodec';

const EMILIE = { id: 'user:1', name: 'Émilie', color: '#d1495b' };

describe('readPresence', () => {
  it('reads a well-formed state', () => {
    const state = readPresence({
      user: EMILIE,
      cursor: { x: 1, y: 2 },
      selection: ['shape:a'],
      preview: { kind: 'arrow', start: { x: 0, y: 0 }, end: { x: 5, y: 5 }, color: 'black' },
      view: { center: { x: 0, y: 0 }, zoom: 1 },
      readOnly: true,
    });
    expect(state?.user.name).toBe('Émilie');
    expect(state?.preview?.kind).toBe('arrow');
    expect(state?.view?.zoom).toBe(1);
    expect(state?.readOnly).toBe(true);
  });

  it('fills in what a slim state leaves out', () => {
    expect(readPresence({ user: EMILIE })).toEqual({
      user: EMILIE,
      cursor: null,
      selection: [],
      preview: null,
      stroke: null,
      view: null,
      readOnly: false,
    });
  });

  it('reads a stroke chunk from `s`', () => {
    const s = encodeChunk(
      { id: 'k3f9', seq: 2, color: 'black', width: 4 },
      encodePoints([
        [10, 20, 0.5],
        [12.5, 21, 0.5],
      ]),
    );
    expect(readPresence({ user: EMILIE, s })?.stroke).toEqual({
      id: 'k3f9',
      seq: 2,
      color: 'black',
      width: 4,
      points: [
        [10, 20, 0.5],
        [12.5, 21, 0.5],
      ],
    });
  });

  it('repairs or drops malformed parts from an untrusted peer', () => {
    const state = readPresence({
      user: { id: 'user:2', name: 'X', color: 'red; background:url(x)' },
      cursor: { x: 'a' },
      selection: [1, 'shape:b'],
      preview: { kind: 'stroke', points: [[0, 'x', 1]], color: 'black', width: 4 },
      s: { points: [1, 2, 3] },
      view: { center: { x: 1 }, zoom: 1 },
      readOnly: 'yes',
    });
    expect(state?.user.color).toBe('#555555');
    expect(state?.cursor).toBeNull();
    expect(state?.selection).toEqual(['shape:b']);
    expect(state?.preview).toEqual({ kind: 'stroke', points: [], color: 'black', width: 4 });
    expect(state?.stroke).toBeNull();
    expect(state?.view).toBeNull();
    expect(state?.readOnly).toBe(false);
    expect(readPresence({ cursor: { x: 1, y: 1 } })).toBeNull();
    expect(readPresence('user')).toBeNull();
  });
});

describe('readPeers', () => {
  it('shows a peer’s stroke from its second point, with their cursor at its tip', () => {
    const drawer = new Awareness(new Y.Doc());
    const observer = new Awareness(new Y.Doc());
    let now = 0;
    followPeerStrokes(observer, () => now);
    const send = (state: unknown) => {
      drawer.setLocalState(state as Record<string, unknown>);
      applyAwarenessUpdate(observer, encodeAwarenessUpdate(drawer, [drawer.clientID]), 'relay');
    };
    const chunk = (seq: number, points: [number, number, number][]) =>
      encodeChunk({ id: 'k3f9', seq, color: 'black', width: 4 }, encodePoints(points));
    send({ user: EMILIE, s: chunk(0, [[100, 100, 0.5]]) });
    expect(readPeers(observer)[0]?.preview).toBeNull();
    expect(readPeers(observer)[0]?.cursor).toEqual({ x: 100, y: 100 });
    now = 50;
    send({
      user: EMILIE,
      s: chunk(1, [
        [200, 100, 0.5],
        [200, 200, 0.5],
      ]),
    });
    now = 100; // a quarter into the second chunk's interval (the first, a dot, plays at once)
    const [peer] = readPeers(observer);
    expect(peer?.preview).toEqual({
      kind: 'stroke',
      points: [
        [100, 100, 0.5],
        [150, 100, 0.5],
      ],
      color: 'black',
      width: 4,
    });
    expect(peer?.cursor).toEqual({ x: 150, y: 100 });
    // Nothing moved: the same preview object, for renderers that memoise on it.
    expect(readPeers(observer)[0]?.preview).toBe(peer?.preview);
    send({ user: EMILIE, cursor: { x: 5, y: 5 } });
    expect(readPeers(observer)[0]?.preview).toBeNull();
    expect(readPeers(observer)[0]?.cursor).toEqual({ x: 5, y: 5 });
  });
});
