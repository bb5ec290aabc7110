// The connection status shown to people: connecté / hors ligne / synchronisation en cours, and
// « connexion fermée » when the server closed us for a limit and we must not retry by ourselves.
export type ConnectionStatus = 'connected' | 'offline' | 'syncing' | 'closed';
export type SocketState = 'connecting' | 'connected' | 'disconnected';

export interface StatusInputs {
  socket: SocketState;
  /** The first sync with the server is done on the open socket. */
  synced: boolean;
  /** `navigator.onLine`: false is reliable (true may be a lie, the socket tells the rest). */
  online: boolean;
  /** The server closed the socket with a code that forbids reconnecting automatically. */
  closedByServer: boolean;
  /** Back online with local changes the server has not confirmed yet. */
  catchingUp?: boolean;
}

/**
 * `previous` keeps « hors ligne » while the client keeps retrying a server that is gone:
 * a new attempt is not yet a sign of life, an opened socket is. A close for a limit wins over
 * everything until someone presses « Reconnecter ».
 */
export function nextStatus(
  inputs: StatusInputs,
  previous: ConnectionStatus = 'syncing',
): ConnectionStatus {
  if (inputs.closedByServer) return 'closed';
  if (!inputs.online || inputs.socket === 'disconnected') return 'offline';
  if (inputs.socket === 'connecting') return previous === 'offline' ? 'offline' : 'syncing';
  return inputs.synced && !inputs.catchingUp ? 'connected' : 'syncing';
}
