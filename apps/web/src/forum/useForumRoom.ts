// One forum room per page, opened in an effect (StrictMode-safe) and read with a stable snapshot.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { ForumRoom, type ForumSnapshot } from './room';

const EMPTY: ForumSnapshot = {
  timer: null,
  spotlight: null,
  votes: [],
  compiledAt: null,
  camera: null,
  revoked: false,
  connection: 'connecting',
  synced: false,
};
const noop = () => () => undefined;

export function useForumRoom(forumId: string | null, token: string): ForumRoom | null {
  const [room, setRoom] = useState<ForumRoom | null>(null);
  useEffect(() => {
    if (!forumId) return;
    const created = new ForumRoom(forumId, token);
    setRoom(created);
    return () => {
      setRoom(null);
      created.destroy();
    };
  }, [forumId, token]);
  return room;
}

export function useForumSnapshot(room: ForumRoom | null): ForumSnapshot {
  return useSyncExternalStore(room?.subscribe ?? noop, room?.getSnapshot ?? (() => EMPTY));
}
