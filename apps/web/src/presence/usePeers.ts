// The other people on this board, re-read when awareness changes.
import { useSyncExternalStore } from 'react';
import { useSession } from '../board/context';
import { readPeers, type Peer } from './presence';

const cache = new WeakMap<object, { peers: Peer[] }>();

export function usePeers(): Peer[] {
  const { connection } = useSession();
  const awareness = connection.awareness;
  return useSyncExternalStore(
    (listener) => {
      const onChange = () => {
        cache.set(awareness, { peers: readPeers(awareness) });
        listener();
      };
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    () => {
      let entry = cache.get(awareness);
      if (!entry) {
        entry = { peers: readPeers(awareness) };
        cache.set(awareness, entry);
      }
      return entry.peers;
    },
  );
}
