import { createContext, useContext, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { BoardSession } from './session';
import type { SessionState } from './store';

export const SessionContext = createContext<BoardSession | null>(null);

export function useSession(): BoardSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a board page');
  return session;
}

/** Subscribes to one slice of the session store. */
export function useSessionState<T>(selector: (state: SessionState) => T): T {
  return useStore(useSession().store, selector);
}

export function useConnectionStatus() {
  const { connection } = useSession();
  return useSyncExternalStore(connection.subscribe, connection.getStatus);
}
