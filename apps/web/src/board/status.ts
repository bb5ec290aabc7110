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
  /**
   * An attempt to reach the server failed since the socket was last open (or since the page
   * opened): the venue's wifi is up but leads nowhere, or the page was reloaded offline while
   * the browser still claims to be online.
   */
  unanswered?: boolean;
}

/**
 * `previous` keeps « hors ligne » while the client keeps retrying a server that is gone:
 * a new attempt is not yet a sign of life, an opened socket is. A page that never reached the
 * server says « hors ligne » from its first failed attempt: it said « synchronisation en cours »
 * for as long as the wifi stayed down. A close for a limit wins over
 * everything until someone presses « Reconnecter ».
 */
export function nextStatus(
  inputs: StatusInputs,
  previous: ConnectionStatus = 'syncing',
): ConnectionStatus {
  if (inputs.closedByServer) return 'closed';
  if (!inputs.online || inputs.socket === 'disconnected') return 'offline';
  if (inputs.socket === 'connecting') {
    return previous === 'offline' || inputs.unanswered ? 'offline' : 'syncing';
  }
  return inputs.synced && !inputs.catchingUp ? 'connected' : 'syncing';
}
