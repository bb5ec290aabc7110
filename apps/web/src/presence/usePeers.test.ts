import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { PeersStore } from './usePeers';

const EMILIE = { id: 'user:1', name: 'Émilie', color: '#d1495b' };
const MARC = { id: 'user:2', name: 'Marc', color: '#2e86ab' };

describe('PeersStore', () => {
  it('re-reads the peers when someone else changes, not when my own cursor moves', () => {
    const mine = new Awareness(new Y.Doc());
    const theirs = new Awareness(new Y.Doc());
    mine.setLocalState({ user: EMILIE });
    theirs.setLocalState({ user: MARC, cursor: { x: 1, y: 1 } });
    const store = new PeersStore(mine);
    let told = 0;
    const stop = store.subscribe(() => told++);
    told = 0;
    const before = store.peers;

    for (let x = 0; x < 10; x++) mine.setLocalState({ user: EMILIE, cursor: { x, y: 0 } });
    expect(told).toBe(0);
    expect(store.peers).toBe(before);

    theirs.setLocalState({ user: MARC, cursor: { x: 2, y: 2 } });
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote');
    expect(told).toBe(1);
    expect(store.peers.map((p) => [p.user.name, p.cursor])).toEqual([['Marc', { x: 2, y: 2 }]]);
    stop();
  });
});
