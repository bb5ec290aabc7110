// The other people on this board, re-read when awareness changes, and on every animation frame
// while a peer's stroke is being replayed (strokeReplay.ts: it grows between chunks).
import { useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useSession } from '../board/context';
import { peersReplaying, readPeers, type Peer } from './presence';

/** One reader per awareness, shared by every component that lists peers. */
class PeersStore {
  peers: Peer[];
  private readonly listeners = new Set<() => void>();
  private frame = 0;

  constructor(private readonly awareness: Awareness) {
    this.peers = readPeers(awareness);
  }

  subscribe = (listener: () => void): (() => void) => {
    if (this.listeners.size === 0) {
      this.awareness.on('change', this.refresh);
      this.refresh(); // what changed while nobody listened
    }
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.awareness.off('change', this.refresh);
      if (this.frame) cancelAnimationFrame(this.frame);
      this.frame = 0;
    };
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

export function usePeers(): Peer[] {
  const { connection } = useSession();
  const awareness = connection.awareness;
  let store = stores.get(awareness);
  if (!store) {
    store = new PeersStore(awareness);
    stores.set(awareness, store);
  }
  const current = store;
  return useSyncExternalStore(current.subscribe, () => current.peers);
}
