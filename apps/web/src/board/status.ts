// The connection status shown to people: connecté / hors ligne / synchronisation en cours.
export type ConnectionStatus = 'connected' | 'offline' | 'syncing';
export type SocketState = 'connecting' | 'connected' | 'disconnected';

/**
 * `previous` keeps « hors ligne » while the client keeps retrying a server that is gone:
 * a new attempt is not yet a sign of life, an opened socket is.
 */
export function deriveStatus(
  socket: SocketState,
  synced: boolean,
  online: boolean,
  previous: ConnectionStatus = 'syncing',
): ConnectionStatus {
  if (!online || socket === 'disconnected') return 'offline';
  if (socket === 'connecting') return previous === 'offline' ? 'offline' : 'syncing';
  return synced ? 'connected' : 'syncing';
}
