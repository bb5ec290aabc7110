// The other people on this board, re-read when awareness changes, and on every animation frame
// while a peer's stroke is being replayed (strokeReplay.ts: it grows between chunks).
import { useRef, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useSession } from '../board/context';
import type { AwarenessChanges } from './ownAwareness';
import { peersReplaying, readPeers, type Peer } from './presence';

/**
 * One reader per awareness, shared by every component that lists peers. My own state's changes
 * (my cursor, 20 times a second during a drag) are not re-read: the peers leave me out.
 */
export class PeersStore {
  peers: Peer[];
  private readonly listeners = new Set<() => void>();
  private frame = 0;

  constructor(private readonly awareness: Awareness) {
    this.peers = readPeers(awareness);
  }

  subscribe = (listener: () => void): (() => void) => {
    if (this.listeners.size === 0) {
      this.awareness.on('change', this.changed);
      this.refresh(); // what changed while nobody listened
    }
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.awareness.off('change', this.changed);
      if (this.frame) cancelAnimationFrame(this.frame);
      this.frame = 0;
    };
  };

  private readonly changed = ({ added, updated, removed }: AwarenessChanges): void => {
    const me = this.awareness.clientID;
    const mine = (id: number) => id === me;
    if (added.every(mine) && updated.every(mine) && removed.every(mine)) return;
    this.refresh();
  };

  private readonly refresh = (): void => {
    this.peers = readPeers(this.awareness);
    for (const listener of this.listeners) listener();
    if (this.frame === 0 && this.listeners.size > 0 && peersReplaying(this.awareness)) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.refresh();
      });
    }
  };
}

const stores = new WeakMap<Awareness, PeersStore>();

function peersStore(awareness: Awareness): PeersStore {
  let store = stores.get(awareness);
  if (!store) {
    store = new PeersStore(awareness);
    stores.set(awareness, store);
  }
  return store;
}

/** Every peer, anew with every awareness change (the cursors need each move). */
export function usePeers(): Peer[] {
  const store = peersStore(useSession().connection.awareness);
  return useSyncExternalStore(store.subscribe, () => store.peers);
}

/**
 * What `select` takes of the peers, kept (same object, no re-render) while `same` says it did
 * not change. Pass module-level functions: they are not expected to change.
 */
export function usePeersWith<T>(select: (peers: Peer[]) => T, same: (a: T, b: T) => boolean): T {
  const store = peersStore(useSession().connection.awareness);
  const cache = useRef<{ peers: Peer[]; value: T } | null>(null);
  const snapshot = (): T => {
    const { peers } = store;
    const cached = cache.current;
    if (cached?.peers === peers) return cached.value;
    const next = select(peers);
    const value = cached && same(cached.value, next) ? cached.value : next;
    cache.current = { peers, value };
    return value;
  };
  return useSyncExternalStore(store.subscribe, snapshot);
}
