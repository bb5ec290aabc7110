// The connection status shown to people: connecté / hors ligne / synchronisation en cours.
export type ConnectionStatus = 'connected' | 'offline' | 'syncing';
export type SocketState = 'connecting' | 'connected' | 'disconnected';

export function deriveStatus(
  socket: SocketState,
  synced: boolean,
  online: boolean,
): ConnectionStatus {
  if (!online || socket === 'disconnected') return 'offline';
  if (socket === 'connected' && synced) return 'connected';
  return 'syncing';
}
